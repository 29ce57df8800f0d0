/**
 * Reads a submission workbook back: the payload from the hidden sheet, its SHA-256, and whether
 * the visible sheets still agree with it. Every problem is reported with the sheet, the cell, what
 * was expected and what was found. Never throws on bad input.
 */
import type { Result, UserIssue, ZoneReturn } from '../model';
import { canonicalJson, parseReturn } from '../return';
import { parseIndicatorSet } from '../seeds';
import { inspectZip } from '../ledger/inspect-zip';
import type { LedgerLimits } from '../ledger/types';
import { compareLook } from './compare-look';
import { compareSheet } from './compare-sheet';
import { foundValue } from './cell-value';
import { DATA_KEYS, FIRST_PART_ROW, PART_LABEL, type DataKey } from './data-sheet';
import { ExcelJS, type Workbook, type Worksheet } from './excel';
import { layoutSubmission } from './layout-submission';
import { DRAFT_REFUSAL, identityOf, payloadChecksum, SUBMISSION_FORMAT, type SubmissionIdentity, type SubmissionPayload } from './payload';
import { payloadProblems, isSubmissionPayload } from './payload-guard';
import { SHEET } from './sheet-names';

export interface SubmissionRead {
  /** The return exactly as exported. */
  ret: ZoneReturn;
  payload: SubmissionPayload;
  identity: SubmissionIdentity;
  revision: number;
  checksum: { stored: string; computed: string };
  /** The SHA-256 stored in the hidden sheet matches its content. */
  checksumOk: boolean;
  /** The key/value rows of the hidden sheet agree with the payload. */
  metadataOk: boolean;
  /** Every visible sheet shows exactly what the payload says it should. */
  tableOk: boolean;
  /** All three hold: the workbook is as the program wrote it. */
  intact: boolean;
  /** A 导出草稿 workbook (its payload says so): intact or not, it is no submission. */
  draft: boolean;
  /** What the verification can and cannot say; `signature` is filled once workbooks are signed. */
  verdict: SubmissionVerdict;
}

/**
 * Whether the workbook's origin is proven. The checksum has no key: anyone can recompute it, so
 * an intact unsigned workbook proves its content agrees with itself, not who made it.
 */
export type SignatureStatus = { state: 'unsigned' } | { state: 'valid'; signer: string } | { state: 'invalid'; reason: string };

export interface SubmissionVerdict {
  contentIntact: boolean;
  /** A draft is not a submission, however intact. */
  draft: boolean;
  signature: SignatureStatus;
  /** "内容完整；未签名，无法证明来源", or what is wrong. */
  text: string;
}

export function verdictText(contentIntact: boolean, signature: SignatureStatus, draft = false): string {
  if (draft) return `${DRAFT_REFUSAL}；${contentIntact ? '草稿内容完整' : '草稿内容与报表数据不符'}`;
  const content = contentIntact ? '内容完整' : '内容与报表数据不符（导出后被改动过）';
  const origin = signature.state === 'unsigned' ? '未签名，无法证明来源' : signature.state === 'valid' ? `签名有效（${signature.signer}）` : `签名无效（${signature.reason}）`;
  return `${content}；${origin}`;
}

/** The zip limits of a submission workbook: the importer's, sized for a return's workbook. */
export const WORKBOOK_ZIP_LIMITS: LedgerLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  bombMinBytes: 20 * 1024 * 1024,
  maxCells: 6_000_000,
  maxRows: 300_000,
  maxColumns: 512,
};

/** Parts an .xlsx written by the program (or saved again by Excel, WPS, LibreOffice) may hold. */
const WORKBOOK_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(?:app|core|custom)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/calcChain\.xml$/,
  /^xl\/theme\/theme\d+\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/printerSettings\/printerSettings\d+\.bin$/,
];

export interface ReadOptions {
  /** The file's name, used in the locations of problems. */
  fileName?: string;
}

/** Larger files are not submission workbooks of any zone; refused before unzipping. */
export const MAX_WORKBOOK_BYTES = 200 * 1024 * 1024;
const WHAT_TO_DO = '请向填报单位索取由程序重新导出的报送工作簿。';

function fail(code: string, message: string, location?: UserIssue['location']): Result<never> {
  const issue: UserIssue = { code, severity: 'error', message };
  if (location) issue.location = location;
  return { ok: false, issues: [issue] };
}

async function loadWorkbook(bytes: Uint8Array): Promise<Workbook | undefined> {
  try {
    const workbook = new ExcelJS.Workbook();
    // A fresh ArrayBuffer: what both the Node and the browser builds of exceljs (JSZip) accept.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    return workbook;
  } catch {
    // exceljs and JSZip throw for anything that is not a readable xlsx; that is the user's file, not a bug.
    return undefined;
  }
}

interface DataSheetContent {
  meta: Partial<Record<DataKey, string | number>>;
  parts: string[];
  issues: UserIssue[];
}

function readDataSheet(sheet: Worksheet, file: string | undefined): DataSheetContent {
  const meta: Partial<Record<DataKey, string | number>> = {};
  const parts: string[] = [];
  const issues: UserIssue[] = [];
  const keys: readonly string[] = DATA_KEYS;
  const at = (row: number, column: string): UserIssue['location'] => ({ ...(file === undefined ? {} : { file }), sheet: SHEET.data, row, column });
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const key = foundValue(row.getCell(1).value);
    const value = foundValue(row.getCell(2).value);
    if (key.kind !== 'text') return;
    if (rowNumber < FIRST_PART_ROW && keys.includes(key.value)) {
      const dataKey = DATA_KEYS.find((k) => k === key.value);
      if (dataKey && (value.kind === 'text' || value.kind === 'number')) meta[dataKey] = value.value;
    } else if (rowNumber >= FIRST_PART_ROW && key.value === PART_LABEL) {
      if (value.kind === 'text') parts[rowNumber - FIRST_PART_ROW] = value.value;
      else issues.push({ code: 'workbook-data-damaged', severity: 'error', message: `数据页 B${rowNumber} 单元格应为报表数据文本，实为其他内容。${WHAT_TO_DO}`, location: at(rowNumber, 'B') });
    }
  });
  return { meta, parts, issues };
}

/** JSON.parse without exceptions. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export async function readSubmissionWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<Result<SubmissionRead>> {
  const file = options.fileName;
  const inFile = file === undefined ? {} : { file };
  if (bytes.length > MAX_WORKBOOK_BYTES) return fail('workbook-too-large', `文件超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB，不是报送工作簿。`, inFile);
  // The importer's zip guard, before anything is inflated: bombs, lying headers, ZIP64, duplicate names.
  let entryNames: Set<string> | undefined;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = inspectZip(bytes, file ?? '报送工作簿', WORKBOOK_ZIP_LIMITS);
    if (!zip.ok) return { ok: false, issues: zip.issues.map((issue) => ({ ...issue, code: issue.code === 'corrupt' ? 'workbook-unreadable' : `workbook-${issue.code}`, message: `${issue.message.replace(/台账/g, '报送工作簿')}${WHAT_TO_DO}` })) };
    entryNames = zip.value.names;
  }
  const workbook = await loadWorkbook(bytes);
  if (!workbook) {
    return fail('workbook-unreadable', `无法读取该文件：它不是有效的 Excel 工作簿（.xlsx），或已损坏。${WHAT_TO_DO}`, inFile);
  }
  const dataSheet = workbook.getWorksheet(SHEET.data);
  if (!dataSheet) {
    return fail('workbook-no-data', `工作簿中没有报表数据页（${SHEET.data}）：它不是本程序导出的报送工作簿，或数据页已被删除。${WHAT_TO_DO}`, inFile);
  }

  const { meta, parts, issues } = readDataSheet(dataSheet, file);
  // A hand-edited count (negative, fractional, a billion) is reported, never looped over.
  const expectedParts = typeof meta.parts === 'number' && Number.isSafeInteger(meta.parts) && meta.parts >= 0 ? meta.parts : undefined;
  const present = parts.filter((p) => p !== undefined).length;
  if (expectedParts === undefined || present !== expectedParts || parts.length !== expectedParts) {
    const missingRows: number[] = [];
    const lookUpTo = Math.min(expectedParts ?? parts.length, parts.length + 6);
    for (let i = 0; i < lookUpTo; i += 1) if (parts[i] === undefined) missingRows.push(FIRST_PART_ROW + i);
    return {
      ok: false,
      issues: [
        ...issues,
        {
          code: 'workbook-data-damaged',
          severity: 'error',
          message:
            expectedParts === undefined
              ? `数据页 B7 单元格的数据分段数缺失或不是整数，报表数据无法读取。${WHAT_TO_DO}`
              : `数据页应有 ${expectedParts} 段报表数据，实有 ${present} 段${missingRows.length > 0 ? `（缺 B${missingRows.slice(0, 5).join('、B')}${missingRows.length > 5 ? ' 等' : ''}）` : ''}。${WHAT_TO_DO}`,
          location: { ...inFile, sheet: SHEET.data, row: 7, column: 'B' },
        },
      ],
    };
  }
  const stored = parts.join('');
  if (typeof meta.length === 'number' && meta.length !== stored.length) {
    issues.push({
      code: 'workbook-data-length',
      severity: 'error',
      message: `数据页的报表数据应有 ${meta.length} 个字符，实有 ${stored.length} 个：数据被改动过。${WHAT_TO_DO}`,
      location: { ...inFile, sheet: SHEET.data, row: 8, column: 'B' },
    });
  }
  const parsed = parseJson(stored);
  if (!parsed.ok) {
    return { ok: false, issues: [...issues, { code: 'workbook-data-damaged', severity: 'error', message: `数据页的报表数据不是有效的 JSON（${parsed.message}），无法读取。${WHAT_TO_DO}`, location: { ...inFile, sheet: SHEET.data, row: FIRST_PART_ROW, column: 'B' } }] };
  }
  const value = parsed.value;
  const format: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'format') : undefined;
  if (typeof format === 'string' && format !== SUBMISSION_FORMAT && /^zone-returns\/submission@\d+$/.test(format)) {
    return fail('workbook-newer-format', `该报送工作簿由更新版本的程序导出（格式 ${format}），本程序只能读取 ${SUBMISSION_FORMAT}。请升级程序后再打开。`, { ...inFile, sheet: SHEET.data, row: FIRST_PART_ROW, column: 'B' });
  }
  if (!isSubmissionPayload(value)) {
    const problems = payloadProblems(value);
    return {
      ok: false,
      issues: [
        ...issues,
        ...problems.slice(0, 20).map(
          (problem): UserIssue => ({ code: 'workbook-data-shape', severity: 'error', message: `数据页的报表数据不完整：${problem}。${WHAT_TO_DO}`, location: { ...inFile, sheet: SHEET.data, path: problem.split(' ')[0] ?? '$' } }),
        ),
      ],
    };
  }
  // The domain core's own readers check the return and the set more deeply than the shape guard.
  const deeper = [
    { result: parseReturn(value.return), at: '$.return' },
    { result: parseIndicatorSet(value.indicatorSet), at: '$.indicatorSet' },
  ];
  const deepProblems = deeper.flatMap(({ result, at }) =>
    result.ok
      ? []
      : result.issues
          .filter((issue) => issue.severity === 'error')
          .map(
            (issue): UserIssue => ({
              ...issue,
              code: 'workbook-data-shape',
              message: `数据页的报表数据有误：${issue.message}。${WHAT_TO_DO}`,
              location: { ...inFile, sheet: SHEET.data, path: `${at}${(issue.location?.path ?? '$').slice(1)}` },
            }),
          ),
  );
  if (deepProblems.length > 0) return { ok: false, issues: [...issues, ...deepProblems.slice(0, 20)] };
  const payload = value;

  const computed = payloadChecksum(payload);
  const storedChecksum = typeof meta.sha256 === 'string' ? meta.sha256.trim().toLowerCase() : '';
  const checksumOk = storedChecksum === computed;
  if (!checksumOk) {
    issues.push({
      code: 'workbook-checksum-mismatch',
      severity: 'error',
      message:
        storedChecksum === ''
          ? `数据页 B6 单元格缺少校验码（SHA-256），无法确认报表数据未被改动。${WHAT_TO_DO}`
          : `数据页的校验码不符：记录为 ${storedChecksum}，按内容算得 ${computed}。报表数据在导出后被改动过。${WHAT_TO_DO}`,
      location: { ...inFile, sheet: SHEET.data, row: 6, column: 'B' },
      found: storedChecksum,
    });
  }

  const metaExpected: Record<DataKey, string | number> = {
    format: SUBMISSION_FORMAT,
    indicatorSetId: payload.return.indicatorSet.id,
    indicatorSetVersion: payload.return.indicatorSet.version,
    submissionId: payload.submissionId,
    revision: payload.revision,
    sha256: storedChecksum,
    parts: parts.length,
    length: stored.length,
  };
  let metadataOk = true;
  DATA_KEYS.forEach((key, i) => {
    if (key === 'sha256' || key === 'parts' || key === 'length') return;
    if (meta[key] !== metaExpected[key]) {
      metadataOk = false;
      issues.push({
        code: 'workbook-metadata-mismatch',
        severity: 'error',
        message: `数据页 B${i + 1} 单元格（${key}）应为 ${String(metaExpected[key])}，实为 ${meta[key] === undefined ? '（空）' : String(meta[key])}。${WHAT_TO_DO}`,
        location: { ...inFile, sheet: SHEET.data, row: i + 1, column: 'B' },
        ...(meta[key] === undefined ? {} : { found: String(meta[key]) }),
      });
    }
  });

  let tableOk = true;
  const layouts = layoutSubmission(payload);
  // Entries that are no part of a submission workbook (pictures over the table, macros, a
  // large unreferenced entry): the file is not as the program wrote it.
  const worksheetEntries = [...(entryNames ?? [])].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
  for (const name of entryNames ?? []) {
    if (name.endsWith('/') || WORKBOOK_PARTS.some((re) => re.test(name))) continue;
    tableOk = false;
    issues.push({ code: 'workbook-extra-entry', severity: 'error', message: `工作簿中有一个不属于报送工作簿的部分「${name}」（如图片、宏、嵌入对象或多余的数据）。${WHAT_TO_DO}`, location: { ...inFile, path: name } });
  }
  if (entryNames && worksheetEntries !== workbook.worksheets.length) {
    tableOk = false;
    issues.push({ code: 'workbook-extra-entry', severity: 'error', message: `工作簿中有 ${worksheetEntries} 个工作表部件，但只有 ${workbook.worksheets.length} 个工作表：多出的部件不属于报送工作簿。${WHAT_TO_DO}`, location: inFile });
  }
  const expectedSheets = new Set([...layouts.map((l) => l.name), SHEET.data]);
  for (const sheet of workbook.worksheets) {
    if (expectedSheets.has(sheet.name)) continue;
    tableOk = false;
    issues.push({ code: 'workbook-extra-sheet', severity: 'error', message: `工作簿中多了「${sheet.name}」表，它不是程序导出的。${WHAT_TO_DO}`, location: { ...inFile, sheet: sheet.name } });
  }
  for (const layout of layouts) {
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) {
      tableOk = false;
      issues.push({ code: 'workbook-sheet-missing', severity: 'error', message: `工作簿缺少「${layout.name}」表。${WHAT_TO_DO}`, location: { ...inFile, sheet: layout.name } });
      continue;
    }
    const differences = [...compareSheet(layout, sheet, file), ...compareLook(layout, sheet, file)];
    if (differences.length > 0) tableOk = false;
    issues.push(...differences);
  }

  const ret = payload.return;
  const intact = checksumOk && metadataOk && tableOk && issues.length === 0;
  const signature: SignatureStatus = { state: 'unsigned' };
  return {
    ok: true,
    value: {
      ret,
      payload,
      identity: identityOf(payload),
      revision: payload.revision,
      checksum: { stored: storedChecksum, computed },
      checksumOk,
      metadataOk,
      tableOk,
      intact,
      draft: payload.draft === true,
      verdict: { contentIntact: intact, draft: payload.draft === true, signature, text: verdictText(intact, signature, payload.draft === true) },
    },
    issues,
  };
}

/** The canonical JSON of a return read back: what the round trip compares. */
export function returnJson(ret: ZoneReturn): string {
  return canonicalJson(ret);
}
