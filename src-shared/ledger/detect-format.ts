/**
 * What a file really is, from its first bytes and (for zip and compound files) its directory,
 * so that a renamed PDF or an encrypted workbook gets a clear message instead of garbage.
 */
import type { UserIssue } from '../model';
import { fileError } from './issues';
import type { LedgerLimits } from './types';
import { inspectZip } from './inspect-zip';
import { utf16WithoutBom } from './decode-text';

export type Sniffed =
  | { kind: 'zip-ooxml' }
  | { kind: 'zip-ods' }
  | { kind: 'cfb-xls' }
  | { kind: 'text' }
  | { kind: 'utf16-text' };

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function asciiAt(bytes: Uint8Array, text: string, at = 0): boolean {
  return startsWith(bytes, Array.from(text, (c) => c.charCodeAt(0)), at);
}

/** Finds a UTF-16LE name in a compound file (stream names are stored that way in its directory). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

const OTHER_KINDS: Array<{ test: (b: Uint8Array) => boolean; what: string }> = [
  { test: (b) => asciiAt(b, '%PDF'), what: 'PDF 文件' },
  { test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]), what: 'PNG 图片' },
  { test: (b) => startsWith(b, [0xff, 0xd8, 0xff]), what: 'JPEG 图片' },
  { test: (b) => asciiAt(b, 'GIF8'), what: 'GIF 图片' },
  { test: (b) => asciiAt(b, 'Rar!'), what: 'RAR 压缩包' },
  { test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), what: '7z 压缩包' },
  { test: (b) => startsWith(b, [0x1f, 0x8b]), what: 'gzip 压缩包' },
  { test: (b) => asciiAt(b, 'MZ'), what: '程序文件（exe）' },
  { test: (b) => asciiAt(b, '{\\rtf'), what: 'RTF 文档' },
];

const RETRY = '请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入。';

/** Excel's own grid. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;


/**
 * The largest row (Y) and column (X) a SYLK file (`ID;P…`) declares. SheetJS allocates up to the
 * largest column it meets, so a 64-byte file naming column 2,000,000,000 would never finish.
 */
function sylkExtent(bytes: Uint8Array): { rows: number; columns: number } | undefined {
  if (!asciiAt(bytes, 'ID;')) return undefined;
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  let rows = 0;
  let columns = 0;
  for (const m of text.matchAll(/;([XY])(\d+)/g)) {
    const v = Number(m[2]);
    if (m[1] === 'X') columns = Math.max(columns, v);
    else rows = Math.max(rows, v);
  }
  return { rows, columns };
}

export function sniffFormat(bytes: Uint8Array, fileName: string, limits: LedgerLimits): { ok: true; value: Sniffed } | { ok: false; issues: UserIssue[] } {
  const fail = (code: string, message: string) => ({ ok: false as const, issues: [fileError(code, message, fileName)] });
  if (bytes.length === 0) return fail('empty-file', `文件「${fileName}」是空的（0 字节）。请确认选对了文件。`);
  if (bytes.length > limits.maxFileBytes) {
    const mb = (limits.maxFileBytes / 1024 / 1024).toFixed(0);
    return fail('file-too-large', `文件「${fileName}」有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过台账导入的上限 ${mb} MB。请删去无关的工作表或拆分成几个文件后再导入。`);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const zip = inspectZip(bytes, fileName, limits);
    if (!zip.ok) return zip;
    const names = zip.value.names;
    if (zip.value.encrypted) return fail('encrypted', `文件「${fileName}」内容已加密，无法读取。请在 Excel 或 WPS 中取消密码后另存，再导入。`);
    if (names.has('[Content_Types].xml')) {
      if ([...names].some((n) => n.startsWith('xl/'))) return { ok: true, value: { kind: 'zip-ooxml' } };
      if ([...names].some((n) => n.startsWith('word/'))) return fail('unsupported', `文件「${fileName}」是 Word 文档，不是表格。请选择 Excel 台账文件。`);
      if ([...names].some((n) => n.startsWith('ppt/'))) return fail('unsupported', `文件「${fileName}」是 PowerPoint 演示文稿，不是表格。请选择 Excel 台账文件。`);
      return fail('unsupported', `文件「${fileName}」不是可识别的 Excel 工作簿。${RETRY}`);
    }
    if (names.has('content.xml') || names.has('mimetype')) return { ok: true, value: { kind: 'zip-ods' } };
    return fail('unsupported', `文件「${fileName}」是一个 zip 压缩包，不是 Excel 表格。请先解压，再选择其中的台账文件。`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      return fail('encrypted', `文件「${fileName}」设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx，再导入。`);
    }
    if (hasUtf16Name(bytes, 'WordDocument')) return fail('unsupported', `文件「${fileName}」是 Word 文档（.doc），不是表格。请选择 Excel 台账文件。`);
    if (hasUtf16Name(bytes, 'PowerPoint Document')) return fail('unsupported', `文件「${fileName}」是 PowerPoint 演示文稿，不是表格。请选择 Excel 台账文件。`);
    return { ok: true, value: { kind: 'cfb-xls' } };
  }
  for (const other of OTHER_KINDS) {
    if (other.test(bytes)) return fail('not-a-spreadsheet', `文件「${fileName}」实际上是${other.what}，不是 Excel 表格（可能只是改了扩展名）。请选择真正的台账文件。`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || utf16WithoutBom(bytes)) return { ok: true, value: { kind: 'utf16-text' } };
  // Text files have no NUL bytes; binary files of kinds we do not know have many of them and
  // other control bytes. A text file with a stray NUL is named with the row it is on.
  const probe = Math.min(bytes.length, 8192);
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < probe; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nuls += 1;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls += 1;
  }
  if (controls + nuls > probe / 20) return fail('not-a-spreadsheet', `文件「${fileName}」不是 Excel 表格，也不是文本（CSV）文件，无法识别。${RETRY}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let row = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < nul; i = bytes.indexOf(0x0a, i + 1)) row += 1;
    return fail('nul-byte', `文件「${fileName}」第 ${row} 行含有空字符（NUL，字节 0），文件可能已损坏或被其他程序写坏，已拒绝导入。请在 Excel 或 WPS 中打开该文件，检查第 ${row} 行后另存为 .xlsx，再导入。`);
  }
  const sylk = sylkExtent(bytes);
  if (sylk && (sylk.columns > EXCEL_COLUMNS || sylk.rows > EXCEL_ROWS)) {
    return fail('too-many-columns', `文件「${fileName}」（SYLK 文本表格）声明的单元格位于第 ${sylk.rows} 行、第 ${sylk.columns} 列，超出 Excel 的范围（${EXCEL_ROWS} 行、${EXCEL_COLUMNS} 列），不像是一份台账，已拒绝读取。${RETRY}`);
  }
  return { ok: true, value: { kind: 'text' } };
}
