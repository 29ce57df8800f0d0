/**
 * A workbook sheet's layout (src-shared/workbook/layout.ts) as HTML table rows, for the print view:
 * the printed return is the same form as the workbook, cell for cell.
 */
import { formatFigure, formatGrouped } from '../../src-shared/format';
import type { CellStyle, LayoutSheet } from '../../src-shared/workbook/layout';

export interface HtmlCell {
  key: string;
  text: string;
  style: CellStyle | 'blank';
  colSpan: number;
  rowSpan: number;
  numeric: boolean;
}

export interface HtmlRow {
  key: string;
  height?: number;
  cells: HtmlCell[];
}

/** Shows a number as its Excel format would: `0.00` → two decimals, `#,##0.00` → 108,780.00, General → as stored. */
export function formatForPrint(value: number, numFmt: string | undefined): string {
  const match = numFmt === undefined ? null : /^(#,##)?0(?:\.(0+))?$/.exec(numFmt);
  if (match === null) return String(value);
  const decimals = match[2]?.length ?? 0;
  return match[1] === undefined ? formatFigure(value, decimals) : formatGrouped(value, decimals);
}

export function sheetRows(sheet: LayoutSheet): HtmlRow[] {
  const columns = sheet.columnWidths.length;
  const byPosition = new Map(sheet.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const covered = new Set<string>();
  const spans = new Map<string, { colSpan: number; rowSpan: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top}:${m.left}`, { colSpan: m.right - m.left + 1, rowSpan: m.bottom - m.top + 1 });
    for (let r = m.top; r <= m.bottom; r += 1) for (let c = m.left; c <= m.right; c += 1) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const heights = new Map(sheet.rowHeights.map((h) => [h.row, h.height]));
  const lastRow = sheet.cells.reduce((max, c) => Math.max(max, c.row), 0);
  const rows: HtmlRow[] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const cells: HtmlCell[] = [];
    for (let c = 1; c <= columns; c += 1) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const cell = byPosition.get(key);
      const span = spans.get(key) ?? { colSpan: 1, rowSpan: 1 };
      const value = cell?.value ?? null;
      cells.push({
        key,
        text: value === null ? '' : typeof value === 'number' ? formatForPrint(value, cell?.numFmt) : value,
        style: cell?.style ?? 'blank',
        numeric: typeof value === 'number',
        ...span,
      });
    }
    const height = heights.get(r);
    rows.push(height === undefined ? { key: String(r), cells } : { key: String(r), height, cells });
  }
  return rows;
}
