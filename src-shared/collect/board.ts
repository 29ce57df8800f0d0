/**
 * The completeness board (报送情况): zones × periods of a year, each cell 已报送 / 已退回 /
 * 逾期未报 / 未到期, and the counts "应报 12 个，已报 9 个，逾期 2 个".
 */
import type { IndicatorSet, Period, Zone } from '../model';
import { dueDate, periodKey, periodsOf } from '../period';
import { chinaDateTime } from '../format';

export type BoardState = 'submitted' | 'returned' | 'overdue' | 'not-due';
export const BOARD_STATE_LABEL: Record<BoardState, string> = { submitted: '已报送', returned: '已退回', overdue: '逾期未报', 'not-due': '未到期' };

/** The accepted (or returned) submission of a zone × period. */
export interface BoardEntry {
  zoneId: string;
  period: Period;
  revision: number;
  exportedAt: string;
  /** 退回修改 and no newer revision has arrived. */
  returned?: boolean;
}

export interface BoardCell {
  zoneId: string;
  periodKey: string;
  state: BoardState;
  revision?: number;
  exportedAt?: string;
  due: string;
}

export interface Board {
  periods: Period[];
  zones: Zone[];
  cells: BoardCell[];
  counts: { due: number; submitted: number; returned: number; overdue: number };
  summary: string;
}

/** `today` is an ISO date (yyyy-mm-dd); periods whose due date is after it are 未到期. */
export function completenessBoard(set: IndicatorSet, zones: Zone[], year: number, entries: BoardEntry[], today: string, frequency: Period['frequency'] = 'quarter'): Board {
  const periods = periodsOf(year, frequency);
  const cells: BoardCell[] = [];
  const counts = { due: 0, submitted: 0, returned: 0, overdue: 0 };
  for (const zone of zones) {
    for (const p of periods) {
      const due = dueDate(set, p);
      const e = entries.find((x) => x.zoneId === zone.id && periodKey(x.period) === periodKey(p));
      const isDue = due <= today;
      if (isDue) counts.due += 1;
      let state: BoardState;
      if (e && !e.returned) state = 'submitted';
      else if (e) state = 'returned';
      else state = isDue ? 'overdue' : 'not-due';
      if (state === 'submitted') counts.submitted += 1;
      if (state === 'returned') counts.returned += 1;
      if (state === 'overdue') counts.overdue += 1;
      cells.push({ zoneId: zone.id, periodKey: periodKey(p), state, due, ...(e ? { revision: e.revision, exportedAt: e.exportedAt } : {}) });
    }
  }
  const summary = `应报 ${counts.due} 个，已报 ${counts.submitted} 个，逾期 ${counts.overdue} 个${counts.returned ? `，退回 ${counts.returned} 个` : ''}`;
  return { periods, zones, cells, counts, summary };
}

/** A cell as the board shows and prints it: 已报送（第2版，2024-04-08 16:00）, 逾期未报（应于2024-04-10前报送）. */
export function boardCellText(cell: BoardCell): string {
  const label = BOARD_STATE_LABEL[cell.state];
  if (cell.revision !== undefined) {
    const time = cell.exportedAt ? chinaDateTime(cell.exportedAt) : undefined;
    return `${label}（第${cell.revision}版${time ? `，${time}` : ''}）`;
  }
  return cell.state === 'overdue' ? `${label}（${cell.due}到期）` : label;
}
