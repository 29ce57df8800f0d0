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
import { xlsxVisibility, type Visibility } from './xlsx-visibility';

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

export function readWorkbook(bytes: Uint8Array, opts: ReadOptions): Result<RawWorkbook> {
  const { fileName, limits } = opts;
  const sniffed = sniffFormat(bytes, fileName, limits);
  if (!sniffed.ok) return sniffed;
  installCodepages();
  const common: XLSX.ParsingOptions = {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    // One row more than allowed, so that "too many rows" can be told apart from "exactly enough".
    sheetRows: limits.maxRows + 1,
  };
  let wb: XLSX.WorkBook;
  let format: LedgerFormat;
  let encoding: LedgerFile['encoding'];
  let visibility: Map<string, Visibility> | undefined;
  try {
    switch (sniffed.value.kind) {
      case 'zip-ooxml':
        format = 'xlsx';
        wb = XLSX.read(bytes, { ...common, type: 'array' });
        // Styles would make SheetJS several times slower on big sheets; visibility is read directly.
        visibility = xlsxVisibility(bytes);
        break;
      case 'zip-ods':
        format = 'ods';
        wb = XLSX.read(bytes, { ...common, type: 'array', cellStyles: true });
        break;
      case 'cfb-xls':
        format = 'xls';
        // BIFF files stop at 65,536 rows, so reading their column flags through styles is affordable.
        wb = XLSX.read(bytes, { ...common, type: 'array', cellStyles: true });
        break;
      case 'text':
      case 'utf16-text': {
        const decoded = decodeText(bytes);
        encoding = decoded.encoding;
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
    if (data.length > limits.maxRows) {
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
