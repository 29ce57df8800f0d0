/**
 * The visible sheets of a submission workbook as plain data: which value goes in which cell,
 * with which style and number format, merges, widths and page setup. The writer renders this
 * with exceljs; the reader builds it again from the hidden payload and compares cell by cell,
 * so "the visible table agrees with the data" has one definition.
 */

/** Named cell styles; `render-sheet.ts` says what each looks like. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'subtitle-right'
  | 'header'
  | 'section'
  | 'label'
  | 'value'
  | 'text'
  | 'text-center'
  | 'number'
  | 'paragraph'
  | 'heading'
  | 'note'
  | 'seal';

export type LayoutValue = string | number | null;

export interface LayoutCell {
  /** 1-based. */
  row: number;
  /** 1-based. */
  col: number;
  /** `null`: an empty cell that still carries a style (a bordered blank in a table). */
  value: LayoutValue;
  style: CellStyle;
  /** Excel number format; numbers only. */
  numFmt?: string;
}

export interface LayoutMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LayoutSheet {
  name: string;
  /** Column widths in characters, column A first. */
  columnWidths: number[];
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Row heights in points, where not the default. */
  rowHeights: Array<{ row: number; height: number }>;
  orientation: 'portrait' | 'landscape';
  /** A4 unless a sheet's columns need the wider sheet (the roster's 20 columns at a readable size). */
  paper?: 'A3';
  /** Rows repeated at the top of each printed page, e.g. the table header. */
  printTitleRows?: { first: number; last: number };
  /** Rows kept in view when scrolling. */
  frozenRows?: number;
  /** Left and centre page header: zone and period. */
  headerLeft: string;
  headerCenter: string;
}

/** A1-style column letters for a 1-based column number. */
export function columnLetters(col: number): string {
  let letters = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Excel number format showing `decimals` decimals with thousands separators, e.g. `#,##0.00` (108,780.00); the cell keeps the number. */
export function decimalsFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, Math.floor(decimals)));
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/** Collects the cells of one sheet row by row. */
export class SheetBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: LayoutMerge[] = [];
  readonly rowHeights: Array<{ row: number; height: number }> = [];

  set(row: number, col: number, value: LayoutValue, style: CellStyle, numFmt?: string): void {
    const cell: LayoutCell = { row, col, value, style };
    if (numFmt !== undefined && typeof value === 'number') cell.numFmt = numFmt;
    this.cells.push(cell);
  }

  /** A value across columns `left..right` of `row` (merged); the other cells carry the style for borders. */
  span(row: number, left: number, right: number, value: LayoutValue, style: CellStyle, height?: number): void {
    this.set(row, left, value, style);
    for (let col = left + 1; col <= right; col += 1) this.set(row, col, null, style);
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
    if (height !== undefined) this.rowHeights.push({ row, height });
  }

  height(row: number, height: number): void {
    this.rowHeights.push({ row, height });
  }
}
