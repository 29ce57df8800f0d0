/**
 * What a reader of the workbook sees, beyond the cell values: a number format can show another
 * figure than the value, a hidden row or column hides a line of the table, a merge covers cells,
 * a white font hides text, a hidden sheet hides a table. The layout built again from the payload
 * says what each should be; anything else is reported, with the sheet and the cell.
 */
import type { UserIssue } from '../model';
import type { Worksheet } from './excel';
import { cellAddress, columnLetters, type LayoutSheet } from './layout';

const CHANGED = '报送工作簿不应手工修改，请在程序中修改后重新导出。';
/** More than this many differences of look in one sheet are summarised. */
const MAX_LOOK_ISSUES = 30;

/**
 * Thousands separators change how a figure reads, not which figure: a workbook exported before
 * they were added (`0.00`) still agrees with today's layout (`#,##0.00`).
 */
function sameFormat(expected: string, found: string | undefined): boolean {
  const norm = (f: string | undefined): string => (f === undefined || f === '' || /^general$/i.test(f) ? 'General' : f.replace(/\\/g, '').replace(/"/g, '').replace(/^#,##(?=0)/, ''));
  return norm(expected) === norm(found);
}

interface Colour {
  argb?: string;
  theme?: number;
}

/** White, or near it: RGB all above 0xF0 (ARGB or RGB hex), or theme colour 0 (the background). */
function isLight(colour: Colour | undefined): boolean {
  if (!colour) return false;
  if (colour.theme === 0) return true;
  const hex = colour.argb;
  if (typeof hex !== 'string' || !/^[0-9a-f]{6,8}$/i.test(hex)) return false;
  const rgb = hex.slice(-6);
  return [0, 2, 4].every((i) => parseInt(rgb.slice(i, i + 2), 16) >= 0xf0);
}

function sameColour(a: Colour | undefined, b: Colour | undefined): boolean {
  if (!a || !b) return false;
  if (a.argb !== undefined && b.argb !== undefined) return a.argb.slice(-6).toLowerCase() === b.argb.slice(-6).toLowerCase();
  return a.theme !== undefined && a.theme === b.theme;
}

export function compareLook(layout: LayoutSheet, sheet: Worksheet, file?: string): UserIssue[] {
  const issues: UserIssue[] = [];
  let count = 0;
  const at = (row?: number, col?: number): UserIssue['location'] => ({
    ...(file === undefined ? {} : { file }),
    sheet: layout.name,
    ...(row === undefined ? {} : { row }),
    ...(col === undefined ? {} : { column: columnLetters(col) }),
  });
  const report = (code: string, message: string, location: UserIssue['location'], found?: string): void => {
    count += 1;
    if (count > MAX_LOOK_ISSUES) return;
    issues.push({ code, severity: 'error', message, location, ...(found === undefined ? {} : { found }) });
  };

  if (sheet.state !== 'visible') {
    report('workbook-sheet-hidden', `「${layout.name}」表被设为隐藏，阅读者看不到它。${CHANGED}`, at(), sheet.state);
  }

  const rows = new Set<number>();
  const cols = new Set<number>();
  for (const cell of layout.cells) {
    rows.add(cell.row);
    cols.add(cell.col);
  }
  for (const r of [...rows].sort((a, b) => a - b)) {
    const row = sheet.getRow(r);
    if (row.hidden || (row.height !== undefined && row.height < 3)) {
      report('workbook-row-hidden', `「${layout.name}」表第 ${r} 行被隐藏了，阅读者看不到这一行。${CHANGED}`, at(r), row.hidden ? 'hidden' : `height ${row.height}`);
    }
  }
  for (const c of [...cols].sort((a, b) => a - b)) {
    const column = sheet.getColumn(c);
    if (column.hidden || (column.width !== undefined && column.width < 1)) {
      report('workbook-column-hidden', `「${layout.name}」表 ${columnLetters(c)} 列被隐藏了，阅读者看不到这一列。${CHANGED}`, at(undefined, c), column.hidden ? 'hidden' : `width ${column.width}`);
    }
  }

  const expectedMerges = new Set(layout.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`));
  const foundMerges = new Set(sheet.model.merges ?? []);
  for (const m of foundMerges) {
    if (!expectedMerges.has(m)) report('workbook-merge-added', `「${layout.name}」表多了合并单元格 ${m}，它会遮住其中的单元格。${CHANGED}`, at(), m);
  }
  for (const m of expectedMerges) {
    if (!foundMerges.has(m)) report('workbook-merge-removed', `「${layout.name}」表的合并单元格 ${m} 被拆开了。${CHANGED}`, at(), m);
  }

  for (const want of layout.cells) {
    if (want.value === null || want.value === '') continue;
    const cell = sheet.getCell(want.row, want.col);
    const where = `「${layout.name}」表 ${cellAddress(want.row, want.col)} 单元格`;
    const format = typeof want.value === 'string' ? '@' : want.numFmt ?? 'General';
    if (!sameFormat(format, cell.numFmt)) {
      report('workbook-cell-format', `${where}的数字格式应为 ${format}，实为 ${cell.numFmt ?? 'General'}：显示的内容可能与数值不同。${CHANGED}`, at(want.row, want.col), cell.numFmt ?? 'General');
    }
    const font = cell.font as { color?: Colour; size?: number } | undefined;
    const fill = cell.fill as { type?: string; pattern?: string; fgColor?: Colour } | undefined;
    const fillColour = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor : undefined;
    const hidesText = fillColour ? sameColour(font?.color, fillColour) || (isLight(font?.color) && isLight(fillColour)) : isLight(font?.color);
    if (hidesText || (font?.size !== undefined && font.size < 4)) {
      report('workbook-cell-hidden-text', `${where}的字体${hidesText ? '颜色与底色相同（如白底白字）' : '小到看不见'}，阅读者看不到其中的内容。${CHANGED}`, at(want.row, want.col), font?.color?.argb ?? String(font?.size ?? ''));
    }
  }
  if (count > MAX_LOOK_ISSUES) {
    issues.push({ code: 'workbook-look-changed-more', severity: 'error', message: `「${layout.name}」表另有 ${count - MAX_LOOK_ISSUES} 处显示方式与程序导出的不同，未逐一列出。`, location: at() });
  }
  return issues;
}
