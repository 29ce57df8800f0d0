/** Compares a worksheet read back with the layout the hidden payload says it should have. */
import type { UserIssue } from '../model';
import { describeFound, foundValue, sameNumber, type FoundValue } from './cell-value';
import type { Worksheet } from './excel';
import { cellAddress, columnLetters, type LayoutSheet, type LayoutValue } from './layout';

/** More than this many differing cells in one sheet are summarised, not listed. */
export const MAX_CELL_ISSUES_PER_SHEET = 50;

function agrees(expected: LayoutValue, found: FoundValue): boolean {
  if (expected === null || expected === '') return found.kind === 'empty';
  if (typeof expected === 'number') return found.kind === 'number' && sameNumber(expected, found.value);
  return found.kind === 'text' && found.value === expected;
}

function describeExpected(expected: LayoutValue): string {
  if (expected === null || expected === '') return '（空）';
  return typeof expected === 'number' ? String(expected) : `“${expected}”`;
}

/** "规上工业增加值 · 本期累计": the row's name and the column's heading, where the layout has them. */
function cellContext(layout: LayoutSheet, byPosition: Map<string, LayoutValue>, row: number, col: number): string {
  const parts: string[] = [];
  const rowName = col !== 2 ? byPosition.get(`${row}:2`) : undefined;
  if (typeof rowName === 'string' && rowName !== '') parts.push(rowName);
  const headerRow = layout.printTitleRows?.first;
  const heading = headerRow !== undefined && row > headerRow ? byPosition.get(`${headerRow}:${col}`) : undefined;
  if (typeof heading === 'string') parts.push(heading);
  return parts.length > 0 ? `（${parts.join(' · ')}）` : '';
}

export function compareSheet(layout: LayoutSheet, sheet: Worksheet, file?: string): UserIssue[] {
  const expected = new Map<string, LayoutValue>();
  for (const cell of layout.cells) expected.set(`${cell.row}:${cell.col}`, cell.value);

  const issues: UserIssue[] = [];
  let differing = 0;
  const report = (row: number, col: number, code: string, message: string, found: FoundValue): void => {
    differing += 1;
    if (differing > MAX_CELL_ISSUES_PER_SHEET) return;
    issues.push({
      code,
      severity: 'error',
      message,
      location: { ...(file === undefined ? {} : { file }), sheet: layout.name, row, column: columnLetters(col) },
      found: describeFound(found),
    });
  };

  const seen = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged range's value lives in its top-left cell; the others echo it.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const found = foundValue(cell.value);
      if (found.kind === 'empty') return;
      const key = `${rowNumber}:${colNumber}`;
      seen.add(key);
      const want = expected.get(key) ?? null;
      if (agrees(want, found)) return;
      const where = `「${layout.name}」表 ${cellAddress(rowNumber, colNumber)} 单元格${cellContext(layout, expected, rowNumber, colNumber)}`;
      if (found.kind === 'formula') {
        report(rowNumber, colNumber, 'workbook-cell-formula', `${where}被改成了公式，应为 ${describeExpected(want)}。报送工作簿不应手工修改，请在程序中修改后重新导出。`, found);
      } else if (want === null) {
        report(rowNumber, colNumber, 'workbook-cell-added', `${where}应为空，实为 ${describeFound(found)}。报送工作簿不应手工修改，请在程序中修改后重新导出。`, found);
      } else {
        report(rowNumber, colNumber, 'workbook-cell-changed', `${where}应为 ${describeExpected(want)}，实为 ${describeFound(found)}。报送工作簿不应手工修改，请在程序中修改后重新导出。`, found);
      }
    });
  });

  for (const cell of layout.cells) {
    if (cell.value === null || cell.value === '' || seen.has(`${cell.row}:${cell.col}`)) continue;
    const where = `「${layout.name}」表 ${cellAddress(cell.row, cell.col)} 单元格${cellContext(layout, expected, cell.row, cell.col)}`;
    report(cell.row, cell.col, 'workbook-cell-changed', `${where}应为 ${describeExpected(cell.value)}，实为空。报送工作簿不应手工修改，请在程序中修改后重新导出。`, { kind: 'empty' });
  }

  if (differing > MAX_CELL_ISSUES_PER_SHEET) {
    issues.push({
      code: 'workbook-cells-changed-more',
      severity: 'error',
      message: `「${layout.name}」表另有 ${differing - MAX_CELL_ISSUES_PER_SHEET} 个单元格与报表数据不符，未逐一列出。`,
      location: { ...(file === undefined ? {} : { file }), sheet: layout.name },
    });
  }
  return issues;
}
