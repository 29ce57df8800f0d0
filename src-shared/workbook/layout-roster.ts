import type { RosterField } from '../model';
import type { SubmissionPayload } from './payload';
import { SheetBuilder, decimalsFormat, type LayoutSheet, type LayoutValue } from './layout';
import { text, unitText } from './layout-common';
import { SHEET } from './sheet-names';

export const ROSTER_HEADER_ROW = 3;

function rosterValue(field: RosterField, value: string | number | boolean | null | undefined): LayoutValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value;
  return text(value);
}

/**
 * Widths chosen so that 21 columns fit an A3 landscape page with 10 pt text printed at 8 pt or
 * more (LibreOffice shrinks 180 units to about 88 %). Headers wrap inside their width.
 */
function fieldWidth(field: RosterField): number {
  if (field.type === 'boolean') return 5;
  if (field.type === 'date') return 10;
  if (field.type === 'number') return 9;
  if (field.code === 'name') return 20;
  if (field.code === 'note') return 13;
  return field.code === 'batch' || field.code === 'industry' ? 10 : 9;
}

/** Units a 合计 sums: money. Counts, areas or shares are not added up. */
const MONEY_UNITS: ReadonlySet<string> = new Set(['元', '万元', '亿元']);

/** The 合计 row: the count of projects, and the sum of each money column over the projects that have it. */
function layoutTotal(b: SheetBuilder, row: number, fields: RosterField[], roster: SubmissionPayload['return']['roster']): void {
  b.set(row, 1, '合计', 'header');
  fields.forEach((field, i) => {
    const col = i + 2;
    if (field.code === 'name') {
      b.set(row, col, `${roster.length} 个项目`, 'header');
      return;
    }
    if (field.type !== 'number' || field.unit === undefined || !MONEY_UNITS.has(field.unit)) {
      b.set(row, col, null, 'header');
      return;
    }
    const values = roster.map((project) => project[field.code]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const sum = values.reduce((total, v) => total + v, 0);
    b.set(row, col, values.length === 0 ? null : sum, 'number', field.decimals === undefined ? undefined : decimalsFormat(field.decimals));
  });
}

/** The project roster (“三个一批”项目清单), one row per project. */
export function layoutRoster(payload: SubmissionPayload): LayoutSheet {
  const b = new SheetBuilder();
  const fields = payload.indicatorSet.roster.fields;
  const last = fields.length + 1;
  b.span(1, 1, last, text(`${payload.zone.name}“三个一批”项目清单`), 'title', 32);
  b.span(2, 1, last, text(`报告期：${payload.periodLabel}    共 ${payload.return.roster.length} 个项目`), 'subtitle');
  b.set(ROSTER_HEADER_ROW, 1, '序号', 'header');
  fields.forEach((field, i) => {
    const unit = unitText(field.unit);
    // The unit on a line of its own, so that a wrapped header never leaves a lone bracket.
    b.set(ROSTER_HEADER_ROW, i + 2, text(unit === null ? field.name : `${field.name}\n（${unit}）`), 'header');
  });
  b.height(ROSTER_HEADER_ROW, 30);

  const roster = payload.return.roster;
  roster.forEach((project, index) => {
    const row = ROSTER_HEADER_ROW + 1 + index;
    b.set(row, 1, index + 1, 'text-center');
    fields.forEach((field, i) => {
      const value = rosterValue(field, project[field.code]);
      const style = typeof value === 'number' ? 'number' : field.type === 'boolean' || field.type === 'date' ? 'text-center' : 'text';
      b.set(row, i + 2, value, style, field.decimals === undefined ? undefined : decimalsFormat(field.decimals));
    });
  });
  layoutTotal(b, ROSTER_HEADER_ROW + 1 + roster.length, fields, roster);

  return {
    name: SHEET.roster,
    columnWidths: [5, ...fields.map(fieldWidth)],
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'landscape',
    paper: 'A3',
    printTitleRows: { first: ROSTER_HEADER_ROW, last: ROSTER_HEADER_ROW },
    frozenRows: ROSTER_HEADER_ROW,
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
