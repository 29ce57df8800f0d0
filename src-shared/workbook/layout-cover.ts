import type { SubmissionPayload } from './payload';
import { SheetBuilder, type LayoutSheet } from './layout';
import { text } from './layout-common';
import { SHEET } from './sheet-names';

/**
 * The calendar date of an ISO instant in China Standard Time (UTC+8, no daylight saving), where
 * every zone is: 报出日期 defaults to the day of the export, which a UTC date would get wrong
 * before 08:00.
 */
export function chinaDate(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Date and minute of an ISO instant in China Standard Time: `2024-04-08 16:00`. */
export function chinaDateTime(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The cover a reviewer signs and seals (封面). */
export function layoutCover(payload: SubmissionPayload): LayoutSheet {
  const b = new SheetBuilder();
  const cover = payload.return.cover;
  b.span(2, 2, 3, text(payload.indicatorSet.name), 'title', 48);
  b.span(3, 2, 3, text(`（${payload.periodLabel}）`), 'subtitle', 24);

  const rows: Array<[string, string | undefined]> = [
    ['填报单位', payload.zone.name],
    ['所属市县', [payload.zone.cityName, payload.zone.county].filter((part) => part !== '').join(' ')],
    ['报告期', payload.periodLabel],
    ['单位负责人', cover.unitHead],
    ['统计负责人', cover.statisticsHead],
    ['填表人', cover.filler],
    ['联系电话', cover.phone],
    ['报出日期', cover.reportDate ?? chinaDate(payload.exportedAt)],
    ['报送编号', payload.submissionId],
    ['版次', `第 ${payload.revision} 版`],
    ['指标体系', `${payload.indicatorSet.id} ${payload.indicatorSet.version}`],
  ];
  let row = 5;
  for (const [label, value] of rows) {
    b.set(row, 2, label, 'label');
    b.set(row, 3, value === undefined || value === '' ? null : text(value), 'value');
    b.height(row, 24);
    row += 1;
  }

  row += 1;
  b.set(row, 2, '审核人（签字）', 'label');
  b.set(row, 3, null, 'value');
  b.height(row, 30);
  row += 2;
  // The seal area: a tall empty box; the stamp goes over the bottom-right caption.
  for (let r = row; r <= row + 3; r += 1) {
    b.set(r, 2, null, 'seal');
    b.set(r, 3, null, 'seal');
    b.height(r, 36);
  }
  b.merges.push({ top: row, left: 2, bottom: row + 3, right: 3 });
  b.span(row + 4, 2, 3, '（单位盖章）', 'subtitle-right', 24);

  return {
    name: SHEET.cover,
    columnWidths: [4, 18, 48, 4],
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'portrait',
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
