/**
 * How tall a row must be for its wrapped text. exceljs writes row heights as given and neither
 * Excel nor LibreOffice grows a row written with a height (nor reliably one written without), so
 * the layout sets every height itself: lines of text from the text's width and the column's.
 *
 * Widths are in Excel column units (the width of a `0` in the default 11 pt font, 7 px). A CJK
 * character of 宋体 at 10 pt is 13.3 px, close to two units; Latin letters and digits about one.
 * The estimate errs on the wide side: a row a little too tall prints well, one too short is cut.
 */
import type { CellStyle, LayoutSheet } from './layout';

/** Excel's maximum row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Font size in points of each cell style, as `render-sheet.ts` sets it. */
export const STYLE_FONT_PT: Record<CellStyle, number> = {
  title: 16,
  subtitle: 11,
  'subtitle-right': 11,
  header: 10,
  section: 10,
  label: 12,
  value: 12,
  text: 10,
  'text-center': 10,
  number: 10,
  paragraph: 11,
  heading: 12,
  note: 9,
  seal: 10,
};

/** Styles whose text wraps inside the cell (the others stay on one line). */
const WRAPPING: ReadonlySet<CellStyle> = new Set<CellStyle>(['title', 'header', 'value', 'text', 'paragraph', 'note']);

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F]|[\uD840-\uD8BF][\uDC00-\uDFFF]/;

/** Display width of `text` in half-width characters: CJK and full-width forms count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Column units one half-width character takes at `fontPt` (10 pt: 0.95; a CJK character twice that). */
function unitsPerHalfWidth(fontPt: number): number {
  return 0.95 * (fontPt / 10);
}

/** Usable width of a cell `widthUnits` wide: less the cell's inner padding on both sides. */
function innerUnits(widthUnits: number): number {
  return Math.max(1, widthUnits - 1);
}

/** Characters of one paragraph that fit a line, splitting as a spreadsheet does (at any character). */
function lineBreaks(paragraph: string, capacity: number): string[] {
  if (paragraph === '') return [''];
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of paragraph) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (width + w > capacity && line !== '') {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  lines.push(line);
  return lines;
}

function capacityOf(widthUnits: number, fontPt: number): number {
  return Math.max(2, Math.floor(innerUnits(widthUnits) / unitsPerHalfWidth(fontPt)));
}

/** Lines `text` takes in a wrapping cell `widthUnits` wide at `fontPt`. */
export function wrappedLines(text: string, widthUnits: number, fontPt: number): number {
  const capacity = capacityOf(widthUnits, fontPt);
  return text.split('\n').reduce((sum, paragraph) => sum + lineBreaks(paragraph, capacity).length, 0);
}

/** Points one line of text takes: the font's size and its leading (CJK fallback fonts are tall). */
export function lineHeight(fontPt: number): number {
  return fontPt * 1.3;
}

/** Row height in points for `lines` lines at `fontPt`, with the cell's top and bottom padding. */
export function heightForLines(lines: number, fontPt: number): number {
  return Math.ceil(lines * lineHeight(fontPt) + 5);
}

/**
 * Splits `text` into pieces, each short enough for one row of at most `MAX_ROW_HEIGHT`: whole
 * paragraphs where they fit, a long paragraph at line ends. Nothing is dropped or repeated:
 * joining the pieces with `\n` where a paragraph was split gives the text back.
 */
export function splitToFit(text: string, widthUnits: number, fontPt: number, maxHeight = MAX_ROW_HEIGHT): string[] {
  const maxLines = Math.max(1, Math.floor((maxHeight - 5) / lineHeight(fontPt)));
  const capacity = capacityOf(widthUnits, fontPt);
  const pieces: string[] = [];
  let current: string[] = [];
  let used = 0;
  const flush = (): void => {
    if (current.length > 0) pieces.push(current.join('\n'));
    current = [];
    used = 0;
  };
  for (const paragraph of text.split('\n')) {
    const lines = lineBreaks(paragraph, capacity);
    if (used + lines.length <= maxLines) {
      current.push(paragraph);
      used += lines.length;
      continue;
    }
    flush();
    for (let i = 0; i < lines.length; i += maxLines) {
      const chunk = lines.slice(i, i + maxLines);
      if (chunk.length === maxLines && i + maxLines < lines.length) pieces.push(chunk.join(''));
      else {
        current = [chunk.join('')];
        used = chunk.length;
      }
    }
  }
  flush();
  return pieces;
}

/**
 * Raises each row's height to what its wrapped text needs (never lowers a height the layout
 * set), taking a merged cell's width across its columns. Rows of a merge over several rows are
 * left as they are.
 */
export function fitRowHeights(sheet: Pick<LayoutSheet, 'cells' | 'merges' | 'rowHeights' | 'columnWidths'>): Array<{ row: number; height: number }> {
  const widthOf = (col: number): number => sheet.columnWidths[col - 1] ?? 9;
  const spans = new Map<string, { right: number; rows: number }>();
  for (const m of sheet.merges) spans.set(`${m.top}:${m.left}`, { right: m.right, rows: m.bottom - m.top + 1 });
  const heights = new Map<number, number>();
  for (const { row, height } of sheet.rowHeights) heights.set(row, Math.max(heights.get(row) ?? 0, height));
  const needed = new Map<number, number>();
  for (const cell of sheet.cells) {
    if (typeof cell.value !== 'string' || cell.value === '' || !WRAPPING.has(cell.style)) continue;
    const span = spans.get(`${cell.row}:${cell.col}`);
    if (span && span.rows > 1) continue;
    let width = 0;
    for (let col = cell.col; col <= (span?.right ?? cell.col); col += 1) width += widthOf(col);
    const fontPt = STYLE_FONT_PT[cell.style];
    const height = heightForLines(wrappedLines(cell.value, width, fontPt), fontPt);
    needed.set(cell.row, Math.max(needed.get(cell.row) ?? 0, height));
  }
  for (const [row, height] of needed) {
    const set = heights.get(row);
    heights.set(row, Math.min(MAX_ROW_HEIGHT, Math.max(set ?? 0, height)));
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}
