import type { IndicatorRow } from './build-section-rows';

/** The columns of a section grid in the order they are shown; only 本期 and 上年同期 take input. */
export const SECTION_COLUMNS = ['name', 'unit', 'current', 'lastYear', 'growth', 'target', 'gap'] as const;

export interface CellPlace {
  rowIndex: number;
  colId: string;
}

export function isInputCell(row: IndicatorRow | undefined, colId: string): boolean {
  if (row === undefined) return false;
  if (colId === 'current') return row.currentEditable;
  if (colId === 'lastYear') return row.lastYearEditable;
  return false;
}

/**
 * Tab / Shift+Tab as a clerk expects on a form: from `from`, the next (or previous) cell that takes
 * input, row by row, passing over labels and computed cells. Null when there is none in these rows.
 */
export function nextInputCell(rows: readonly IndicatorRow[], from: CellPlace, step: 1 | -1): CellPlace | null {
  const cols = SECTION_COLUMNS as readonly string[];
  let col = cols.indexOf(from.colId);
  let row = from.rowIndex;
  if (col < 0) col = 0;
  for (let n = 0; n < rows.length * cols.length + 1; n += 1) {
    col += step;
    if (col >= cols.length) {
      col = 0;
      row += 1;
    } else if (col < 0) {
      col = cols.length - 1;
      row -= 1;
    }
    if (row < 0 || row >= rows.length) return null;
    if (isInputCell(rows[row], cols[col] as string)) return { rowIndex: row, colId: cols[col] as string };
  }
  return null;
}

/** The first (step 1) or last (step −1) input cell of a section, for Tab into it from the one before or after. */
export function edgeInputCell(rows: readonly IndicatorRow[], step: 1 | -1): CellPlace | null {
  const start: CellPlace = step === 1 ? { rowIndex: 0, colId: 'name' } : { rowIndex: rows.length - 1, colId: 'gap' };
  if (rows.length === 0) return null;
  if (isInputCell(rows[start.rowIndex], start.colId)) return start;
  return nextInputCell(rows, step === 1 ? { rowIndex: 0, colId: '__before' } : start, step) ?? null;
}

/** Why a cell that is not an input cell takes no typing, in the clerk's words. */
export function whyLocked(row: IndicatorRow | undefined, colId: string, readOnly: boolean): string | null {
  if (row === undefined) return null;
  if (readOnly) return '本报表已报送，只能查看，不能修改。如需修改，请由审核人退回后再改。';
  if (isInputCell(row, colId)) return null;
  if (colId === 'name' || colId === 'unit') return `“${row.name}”的${colId === 'name' ? '指标名称' : '计量单位'}是指标体系规定的，不能修改；请在本期或上年同期中填写。`;
  if (colId === 'growth' || colId === 'gap') return `“${row.name}”的${colId === 'growth' ? '同比增长' : '差距'}由本期与上年同期算出，不需填写。`;
  if (colId === 'target') return `“${row.name}”的省定目标来自指标体系，不能修改。`;
  if (colId === 'current') return `“${row.name}”本期由项目台账或其他指标计算，不需填写。`;
  if (row.lastYearSource === 'last-year-return') return `“${row.name}”上年同期取自上年同期报表，不需填写。`;
  if (row.lastYearSource === 'derived') return `“${row.name}”上年同期由公式计算，不需填写。`;
  return `“${row.name}”不比较上年同期，不需填写。`;
}
