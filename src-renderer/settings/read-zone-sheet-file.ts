import type { Result } from '../../src-shared/model';

/**
 * The first sheet of a registry file (.xlsx / .xls / .et / .ods / .csv in UTF-8 or GBK) as rows of text.
 * The ledger reader (SheetJS) is loaded only when a sheet is imported, so the 设置 screen stays light.
 */
export async function readZoneSheetFile(bytes: Uint8Array, fileName: string): Promise<Result<{ sheet: string; rows: string[][] }>> {
  const { readWorkbook, DEFAULT_LIMITS } = await import('../../src-shared/ledger');
  const book = readWorkbook(bytes, { fileName, limits: DEFAULT_LIMITS });
  if (!book.ok) return book;
  const sheet = book.value.sheets.find((s) => !s.hidden) ?? book.value.sheets[0];
  if (!sheet) return { ok: false, issues: [{ code: 'empty', severity: 'error', message: `文件「${fileName}」中没有工作表`, location: { file: fileName } }] };
  const rows = sheet.data.map((r) => (r ?? []).map((c) => (c === undefined || c.v === undefined || c.v === null ? '' : (c.w ?? String(c.v)).trim())));
  return { ok: true, value: { sheet: sheet.name, rows }, issues: [] };
}
