/**
 * Bytes → the sheets of a workbook or CSV, through SheetJS, with the file checked first so that
 * a broken or hostile file is refused with a clear message before SheetJS spends time on it.
 */
import * as XLSX from 'xlsx';
import type { Result, UserIssue } from '../model';
import { installCodepages } from './cptable';
import { decodeText } from './decode-text';
import { sniffFormat } from './detect-format';
import { fileError } from './issues';
import type { LedgerFile, LedgerFormat, LedgerLimits } from './types';
import { odsDeclaredCells } from './ods-extent';
import { readZipContainer, xlsxVisibility, zipEntry, type Visibility } from './xlsx-visibility';

/** SheetJS' parse of a zip container already read (exported by the module, not in its typings). */
const parseZip = (XLSX as unknown as { parse_zip(zip: unknown, opts: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip;

/** Excel's own limit of characters in one cell; a longer cell is not a ledger's. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's grid height: rows beyond it are not read at all. */
const GRID_ROWS = 1_048_576;

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** Dense rows of SheetJS cells (rows and cells may be missing). */
  data: Array<Array<XLSX.CellObject | undefined> | undefined>;
  merges: XLSX.Range[];
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
}

export interface RawWorkbook {
  format: LedgerFormat;
  encoding?: LedgerFile['encoding'];
  date1904: boolean;
  sheets: RawSheet[];
}

const RETRY = '请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入。';

function explainThrown(err: unknown, fileName: string): UserIssue {
  const text = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(text)) {
    return fileError('encrypted', `文件「${fileName}」设有密码保护，无法读取。请在 Excel 或 WPS 中输入密码打开，取消密码后另存为 .xlsx，再导入。`, fileName);
  }
  if (/unsupported|not supported|unrecognized|Unknown/i.test(text)) {
    return fileError('unsupported', `文件「${fileName}」的格式不受支持（${text}）。${RETRY}`, fileName);
  }
  return fileError('corrupt', `文件「${fileName}」已损坏，无法读取（${text}）。${RETRY}`, fileName);
}

interface ReadOptions {
  fileName: string;
  limits: LedgerLimits;
  /** Only this sheet (by name); all sheets when absent. */
  sheet?: string;
}

/** The dense sheet data, typed; SheetJS' typings do not include `!data`. */
function denseData(ws: XLSX.WorkSheet): RawSheet['data'] {
  const data: unknown = ws['!data'];
  return Array.isArray(data) ? (data as RawSheet['data']) : [];
}

/** 1-based line of a character offset. */
function lineOf(text: string, at: number): number {
  let row = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) row += 1;
  return row;
}

/** The first run of more than MAX_CELL_CHARS characters between field or line separators, by line. */
function longField(text: string): { row: number } | undefined {
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 10 || c === 13 || c === 44 || c === 9 || c === 59) {
      if (i - start > MAX_CELL_CHARS) return { row: lineOf(text, start) };
      start = i + 1;
    }
  }
  return undefined;
}

function tooLongCell(data: RawSheet['data']): { row: number; column: string } | undefined {
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c]?.v;
      if (typeof v === 'string' && v.length > MAX_CELL_CHARS) return { row: r + 1, column: XLSX.utils.encode_col(c) };
    }
  }
  return undefined;
}

function rowsWithData(data: RawSheet['data']): number {
  let n = 0;
  for (const row of data) {
    if (!row) continue;
    for (const cell of row) {
      if (cell && cell.t !== 'z' && cell.v !== undefined && cell.v !== '') {
        n += 1;
        break;
      }
    }
  }
  return n;
}

export function readWorkbook(bytes: Uint8Array, opts: ReadOptions): Result<RawWorkbook> {
  const { fileName, limits } = opts;
  const sniffed = sniffFormat(bytes, fileName, limits);
  if (!sniffed.ok) return sniffed;
  installCodepages();
  const common: XLSX.ParsingOptions = {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    // The whole grid: the row limit counts rows that hold data, not the sheet's extent, so a
    // stray cell far below the table is still seen (and reported), never a refusal.
    sheetRows: GRID_ROWS,
  };
  let wb: XLSX.WorkBook;
  let format: LedgerFormat;
  let encoding: LedgerFile['encoding'];
  let visibility: Map<string, Visibility> | undefined;
  try {
    switch (sniffed.value.kind) {
      case 'zip-ooxml':
        format = 'xlsx';
        {
          // One unzip: SheetJS parses the container we read, and visibility comes from the same one.
          // (Styles would make SheetJS several times slower on big sheets; visibility is read directly.)
          const container = readZipContainer(bytes);
          wb = parseZip(container, { ...common, type: 'array' });
          visibility = xlsxVisibility({ container });
        }
        break;
      case 'zip-ods': {
        format = 'ods';
        const container = readZipContainer(bytes);
        const content = zipEntry(container, 'content.xml');
        const declared = content ? odsDeclaredCells(content) : 0;
        if (declared > limits.maxCells) {
          return {
            ok: false,
            issues: [fileError('too-many-cells', `文件「${fileName}」（.ods）声明的重复单元格展开后有 ${declared.toLocaleString('en-US')} 个，超过上限 ${limits.maxCells.toLocaleString('en-US')}，不像是一份台账，已拒绝读取。请在 WPS 或 LibreOffice 中打开，删去多余的行列后另存为 .xlsx 再导入。`, fileName)],
          };
        }
        wb = parseZip(container, { ...common, type: 'array', cellStyles: true, cellNF: true, sheetStubs: true });
        break;
      }
      case 'cfb-xls':
        format = 'xls';
        // BIFF files stop at 65,536 rows, so reading their column flags through styles is affordable.
        wb = XLSX.read(bytes, { ...common, type: 'array', cellStyles: true });
        break;
      case 'text':
      case 'utf16-text': {
        const decoded = decodeText(bytes);
        encoding = decoded.encoding;
        const nul = decoded.text.indexOf('\0');
        if (nul >= 0) {
          const row = lineOf(decoded.text, nul);
          return { ok: false, issues: [fileError('nul-byte', `文件「${fileName}」第 ${row} 行含有空字符（NUL），文件可能已损坏或被其他程序写坏，已拒绝导入。请在 Excel 或 WPS 中打开该文件，检查第 ${row} 行后另存为 .xlsx，再导入。`, fileName)] };
        }
        const long = longField(decoded.text);
        if (long) {
          return { ok: false, issues: [fileError('cell-too-long', `文件「${fileName}」第 ${long.row} 行有一个单元格超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符（Excel 单元格的上限），不像是台账内容，已拒绝导入。请检查第 ${long.row} 行。`, fileName)] };
        }
        const head = decoded.text.slice(0, 512).trimStart().toLowerCase();
        format = head.startsWith('<?xml') ? 'xml2003' : head.startsWith('<') ? 'html' : 'csv';
        // raw: keep CSV fields as text, so 2024-03-15 or 001 are read by our rules, not guessed.
        wb = XLSX.read(decoded.text, { ...common, type: 'string', raw: format === 'csv' });
        break;
      }
    }
  } catch (err) {
    return { ok: false, issues: [explainThrown(err, fileName)] };
  }
  const issues: UserIssue[] = [];
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets: RawSheet[] = [];
  for (const [i, name] of wb.SheetNames.entries()) {
    if (opts.sheet !== undefined && name !== opts.sheet) continue;
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const data = denseData(ws);
    const place = tooLongCell(data);
    if (place) {
      return { ok: false, issues: [{ ...fileError('cell-too-long', `文件「${fileName}」的「${name}」工作表第 ${place.row} 行 ${place.column} 列的单元格超过 ${MAX_CELL_CHARS.toLocaleString('en-US')} 个字符（Excel 单元格的上限），不像是台账内容，已拒绝导入。`, fileName), location: { file: fileName, sheet: name, row: place.row, column: place.column } }] };
    }
    if (rowsWithData(data) > limits.maxRows) {
      return {
        ok: false,
        issues: [fileError('too-many-rows', `文件「${fileName}」的「${name}」工作表超过 ${limits.maxRows.toLocaleString('en-US')} 行，超出台账导入的上限。请删去多余的行，或按年度拆分成几个文件后再导入。`, fileName)],
      };
    }
    const seen = visibility?.get(name);
    const hiddenColumns = seen?.hiddenColumns ?? new Set<number>();
    const hiddenRows = seen?.hiddenRows ?? new Set<number>();
    (ws['!cols'] ?? []).forEach((c, idx) => {
      if (c?.hidden) hiddenColumns.add(idx);
    });
    (ws['!rows'] ?? []).forEach((r, idx) => {
      if (r?.hidden) hiddenRows.add(idx);
    });
    sheets.push({ name, hidden: (meta[i]?.Hidden ?? 0) !== 0, data, merges: ws['!merges'] ?? [], hiddenColumns, hiddenRows });
  }
  if (opts.sheet !== undefined && sheets.length === 0) {
    return { ok: false, issues: [fileError('no-such-sheet', `文件「${fileName}」中没有名为「${opts.sheet}」的工作表。现有工作表：${wb.SheetNames.join('、')}。`, fileName)] };
  }
  if (sheets.length === 0) return { ok: false, issues: [fileError('no-sheets', `文件「${fileName}」中没有任何工作表。${RETRY}`, fileName)] };
  const result: RawWorkbook = { format, date1904: wb.Workbook?.WBProps?.date1904 === true, sheets };
  if (encoding) result.encoding = encoding;
  return { ok: true, value: result, issues };
}
