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

function fieldWidth(field: RosterField): number {
  if (field.type === 'boolean') return 6;
  if (field.type === 'date') return 12;
  if (field.type === 'number') return 12;
  return field.code === 'name' ? 30 : 16;
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
    b.set(ROSTER_HEADER_ROW, i + 2, text(unit === null ? field.name : `${field.name}（${unit}）`), 'header');
  });
  b.height(ROSTER_HEADER_ROW, 30);

  payload.return.roster.forEach((project, index) => {
    const row = ROSTER_HEADER_ROW + 1 + index;
    b.set(row, 1, index + 1, 'text-center');
    fields.forEach((field, i) => {
      const value = rosterValue(field, project[field.code]);
      const style = typeof value === 'number' ? 'number' : field.type === 'boolean' || field.type === 'date' ? 'text-center' : 'text';
      b.set(row, i + 2, value, style, field.decimals === undefined ? undefined : decimalsFormat(field.decimals));
    });
  });

  return {
    name: SHEET.roster,
    columnWidths: [6, ...fields.map(fieldWidth)],
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'landscape',
    printTitleRows: { first: ROSTER_HEADER_ROW, last: ROSTER_HEADER_ROW },
    frozenRows: ROSTER_HEADER_ROW,
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
