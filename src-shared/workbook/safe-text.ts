/**
 * Text as it goes into a visible cell of the submission workbook.
 *
 * - Characters XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF, lone surrogates) would make
 *   the file unreadable; they become U+FFFD. CR and CRLF become LF, which is what Excel stores.
 * - Text beginning with = + - @ tab or CR is a formula to some spreadsheet program (on editing the
 *   cell, or when the sheet is saved as CSV and reopened). exceljs cannot write the `quotePrefix`
 *   style, so such text gets a visible leading apostrophe, the convention Excel users know; the
 *   cell is also a text cell with the text number format `@`.
 *
 * The exact text travels in the hidden sheet; the visible table is checked against this function
 * applied to it, so the transformation never has to be undone.
 */

/** Excel refuses cells longer than this. */
export const MAX_CELL_CHARS = 32_767;

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const OOXML_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/** True when a spreadsheet program could take `text` for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text);
}

/** XML-safe text with normalised line ends, not yet guarded against formulas. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, '\uFFFD').replace(/\r\n?/g, '\n');
}

/**
 * Readers (Excel, exceljs, openpyxl) decode `_xHHHH_` in cell text as an escaped character, so a
 * literal one is written with its `_` escaped. Applied when rendering, never to the layout's values.
 */
export function escapeOoxml(text: string): string {
  return text.replace(OOXML_ESCAPE, '_x005F_$1');
}

/** Text for a visible cell: XML-safe, never a formula, at most `MAX_CELL_CHARS` long. */
export function cellText(text: string): string {
  // The formula check looks at the text as given (a leading CR counts) before line ends are normalised.
  const guarded = looksLikeFormula(text) ? `'${text}` : text;
  return truncateText(xmlSafeText(guarded), MAX_CELL_CHARS);
}

const TRUNCATION_MARK = '……（全文见报表数据）';

/** Cuts `text` to at most `max` characters without splitting a surrogate pair, marking the cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - TRUNCATION_MARK.length;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end) + TRUNCATION_MARK;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Splits long text into pieces of at most `max` characters, never inside a surrogate pair. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let end = start + max;
    // Prefer to break after a line end in the last quarter of the piece, so paragraphs stay whole.
    const newline = text.lastIndexOf('\n', end - 1);
    if (newline >= start + Math.floor((max * 3) / 4)) end = newline + 1;
    else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}
