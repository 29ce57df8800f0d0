import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Period, Zone } from '../../src-shared/model';
import { periodLabel } from '../../src-shared/period';
import { builtinIndicatorSets, indicatorSetInForce } from '../../src-shared/seeds';
import type { Repository, ReturnSummary } from '../db';
import { listPeriods, listYears, openingYear, type PeriodRow } from './list-periods';
import { setForYear } from './set-for-year';

// The trend chart and ECharts load only when the list is shown.
const TrendPanel = lazy(() => import('./trend-panel').then((m) => ({ default: m.TrendPanel })));

export interface ReturnListProps {
  repo: Repository;
  zone: Zone;
  who: string;
  onOpen(returnId: string): void;
  /** Remembered between visits (设置 lastPeriodKey keeps the period; this the view). */
  initialYear?: number;
  /** The zones the clerk can browse and fill for (a county bureau fills for several). */
  zones: Zone[];
  /** 本开发区 (设置): choosing another zone here never changes it. */
  homeZoneId: string;
  onZoneChange(zoneId: string): void;
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const ACTION: Record<PeriodRow['status'], string> = { 未填: '开始填报', 填报中: '继续填报', 已校验: '打开', 已报送: '查看', 退回修改: '修改' };

/** Zone and period choice: the zone's returns of a year with their state, due date and overdue mark. */
export function ReturnList({ repo, zone, who, onOpen, initialYear, zones, homeZoneId, onZoneChange }: ReturnListProps) {
  const thisYear = new Date().getFullYear();
  const [summaries, setSummaries] = useState<ReturnSummary[] | null>(null);
  // The clerk's choice, else the year the zone's returns open on (openingYear, once they are read).
  const [chosenYear, setYear] = useState<number | null>(null);
  const [openedYear, setOpenedYear] = useState<number | null>(null);
  const [frequency, setFrequency] = useState<Period['frequency']>('quarter');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void repo.listReturns(zone.id).then((list) => {
      if (!live) return;
      setSummaries(list);
      setOpenedYear(openingYear(list, builtinIndicatorSets(), new Date().getFullYear(), initialYear));
    });
    return () => {
      live = false;
    };
    // The remembered year counts only when the zone's list is read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, zone.id]);
  const year = chosenYear ?? openedYear ?? initialYear ?? thisYear;

  // A year without its own set gets no returns to fill: never another year's targets.
  const inForce = useMemo(() => indicatorSetInForce(year), [year]);
  const set = inForce.ok ? inForce.value : setForYear(year);
  const rows = useMemo(() => (summaries === null || !inForce.ok ? [] : listPeriods(set, year, frequency, summaries, localToday())), [set, year, frequency, summaries, inForce]);
  const years = useMemo(() => [...new Set([year, ...listYears(summaries ?? [], thisYear)])].sort((a, b) => b - a), [summaries, thisYear, year]);

  const open = async (row: PeriodRow): Promise<void> => {
    setProblem(null);
    if (row.returnId !== null) {
      onOpen(row.returnId);
      return;
    }
    const created = await repo.getOrCreateReturn({ zoneId: zone.id, period: row.period, indicatorSet: { id: set.id, version: set.version } }, who);
    if (!created.ok) setProblem(created.issues.map((i) => i.message).join('\n'));
    else onOpen(created.value.id);
  };

  return (
    <div className="panel return-list-panel">
      <h2>{zone.name} · 报表列表</h2>
      <div className="toolbar">
        <label>
          开发区{' '}
          <select value={zone.id} onChange={(e) => onZoneChange(e.target.value)} aria-label="开发区">
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
                {z.id === homeZoneId ? '（本开发区）' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          年度{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年度">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
        </label>
        <label>
          报告期{' '}
          <select value={frequency} onChange={(e) => setFrequency(e.target.value === 'month' ? 'month' : 'quarter')} aria-label="报告期类型">
            {set.frequencies.includes('quarter') && <option value="quarter">季度</option>}
            {set.frequencies.includes('month') && <option value="month">月度</option>}
          </select>
        </label>
        <span className="muted">{inForce.ok ? `指标集：${set.name}（${set.version}）` : '指标集：无'}</span>
      </div>
      {zone.id !== homeZoneId && (
        <p className="notice" data-testid="browsing-note">
          正在查看和填报{zone.name}的报表；本开发区仍为{zones.find((z) => z.id === homeZoneId)?.name ?? '（未设置）'}，只能在“设置”中更改。
        </p>
      )}
      {!inForce.ok && <p className="notice error">{inForce.issues.map((i) => i.message).join('\n')}</p>}
      {problem !== null && <p className="notice error">{problem}</p>}
      {summaries === null ? (
        <p className="muted">正在读取…</p>
      ) : (
        <table className="return-list">
          <thead>
            <tr>
              <th>报告期</th>
              <th>累计期间</th>
              <th>状态</th>
              <th>报送截止</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.overdue ? 'overdue' : undefined} data-period={row.key}>
                <td>{row.label}</td>
                <td className="muted">{periodLabel(row.period)}</td>
                <td>
                  <span className={`status status-${row.status}`}>{row.status}</span>
                  {row.overdue && <span className="overdue-mark">已逾期</span>}
                </td>
                <td className="due">{row.due}</td>
                <td>
                  <button type="button" className={`btn${row.status === '未填' || row.status === '填报中' || row.status === '退回修改' ? ' primary' : ''}`} onClick={() => void open(row)}>
                    {row.future && row.status === '未填' ? '提前填报' : ACTION[row.status]}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summaries !== null && inForce.ok && (
        <Suspense fallback={<p className="muted">正在载入趋势图…</p>}>
          <TrendPanel repo={repo} zone={zone} set={set} year={year} frequency={frequency} summaries={summaries} />
        </Suspense>
      )}
    </div>
  );
}
