/**
 * Reads the text Excel and WPS put on the clipboard when a block of cells is copied:
 * cells separated by tabs, rows by CR LF or LF, a trailing line break after the last row,
 * and cells holding a tab, a line break or a quote wrapped in double quotes ("" inside
 * stands for one quote).
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (atCellStart && ch === '"' && isQuotedCell(text, i)) {
      // A quoted cell: read up to the closing quote, keeping tabs and line breaks inside it.
      i += 1;
      while (i < text.length) {
        const c = text[i] ?? '';
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += c;
        i += 1;
      }
      atCellStart = false;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i += 1;
  }
  // Text after the last line break is one more row; the trailing line break Excel adds is not.
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Excel quotes a cell only when it starts with a quote and its closing quote is followed by
 * a tab, a line break or the end; a cell like `"A" 级` copied from a sheet is plain text.
 */
function isQuotedCell(text: string, start: number): boolean {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = text[i + 1];
      return next === undefined || next === '\t' || next === '\r' || next === '\n';
    }
    i += 1;
  }
  return false;
}
