/**
 * The whole read: bytes → the tables on every sheet (what a worker does), and a table → mapped
 * rows (cheap, redone in the UI whenever the clerk changes the mapping).
 */
import type { Result, UserIssue } from '../model';
import { findTable } from './find-table';
import { fileError } from './issues';
import { applySavedMapping, autoMapColumns } from './map-columns';
import { mapRows } from './map-rows';
import { readWorkbook } from './read-workbook';
import { DEFAULT_LIMITS, type LedgerFile, type LedgerLimits, type LedgerTable, type MappedLedger, type MappingTarget, type SavedMapping, type SheetSummary } from './types';

export interface ParseLedgerOptions {
  fileName: string;
  /** What columns can map to; the header is found by these targets' synonyms. */
  targets: MappingTarget[];
  /** Only this sheet; every sheet when absent. */
  sheet?: string;
  limits?: Partial<LedgerLimits>;
}

export function parseLedgerFile(bytes: Uint8Array, opts: ParseLedgerOptions): Result<LedgerFile> {
  const limits: LedgerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const read = readWorkbook(bytes, opts.sheet === undefined ? { fileName: opts.fileName, limits } : { fileName: opts.fileName, limits, sheet: opts.sheet });
  if (!read.ok) return read;
  const wb = read.value;
  const issues: UserIssue[] = [...read.issues];
  const tables: LedgerTable[] = [];
  const sheets: SheetSummary[] = [];
  const noTable: UserIssue[] = [];
  for (const sheet of wb.sheets) {
    let columnCount = 0;
    for (const row of sheet.data) columnCount = Math.max(columnCount, row?.length ?? 0);
    // The sheet is ours alone: its rows are let go as the table takes them.
    const found = findTable(sheet, { fileName: opts.fileName, targets: opts.targets, limits, date1904: wb.date1904, consumeRows: true });
    sheets.push({ name: sheet.name, hidden: sheet.hidden, rowCount: sheet.data.length, columnCount, hasTable: found.ok });
    if (found.ok) tables.push(found.value);
    else if (found.issues.some((i) => i.code !== 'no-table')) return { ok: false, issues: found.issues };
    else noTable.push(...found.issues);
  }
  if (tables.length === 0) {
    const names = wb.sheets.map((s) => `「${s.name}」`).join('、');
    return {
      ok: false,
      issues: [fileError('no-table', `文件「${opts.fileName}」的工作表 ${names} 中都找不到台账表格（需要有“项目名称”“总投资”等表头）。请确认选对了文件，或把表头改成常用写法后再导入。`, opts.fileName)],
    };
  }
  // Sheets without a table are only worth a word when the clerk did not pick a sheet.
  issues.push(...noTable.map((i) => ({ ...i, severity: 'warning' as const })));
  const file: LedgerFile = { fileName: opts.fileName, format: wb.format, sheets, tables, issues };
  if (wb.encoding) file.encoding = wb.encoding;
  return { ok: true, value: file, issues };
}

export interface MapLedgerOptions {
  fileName: string;
  targets: MappingTarget[];
  /** A remembered mapping or a mapping file; automatic when absent. */
  saved?: SavedMapping;
  savedSource?: 'saved' | 'file';
}

export function mapLedgerTable(table: LedgerTable, opts: MapLedgerOptions): MappedLedger {
  let mapping = autoMapColumns(table, opts.targets);
  const extra: UserIssue[] = [];
  if (opts.saved) {
    const applied = applySavedMapping(table, opts.targets, opts.saved, opts.savedSource ?? 'saved');
    if (applied.ok) mapping = applied.value;
    extra.push(...applied.issues);
  }
  const mapped = mapRows(table, mapping, { fileName: opts.fileName, targets: opts.targets });
  return { ...mapped, issues: [...table.issues, ...extra, ...mapped.issues] };
}
