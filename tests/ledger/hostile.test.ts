/** Hostile and oversized files: each is refused with its own clear message, or imported whole. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mapLedgerTable, parseLedgerFile, type LedgerLimits } from '../../src-shared/ledger';
import { parseLedgerInWorker } from '../../src-main/excel/parse-in-worker';
import * as F from '../fixtures/ledgers/make-ledgers';
import { seedRosterTargets } from './seed-targets';

const targets = seedRosterTargets();

function refuse(bytes: Uint8Array, fileName: string, limits?: Partial<LedgerLimits>): { code: string; message: string } {
  const r = parseLedgerFile(bytes, { fileName, targets, ...(limits ? { limits } : {}) });
  expect(r.ok).toBe(false);
  const first = r.issues[0];
  expect(first?.severity).toBe('error');
  return { code: first?.code ?? '', message: first?.message ?? '' };
}

describe('files that are not what they claim', () => {
  it.each([
    ['truncated.xlsx', 'corrupt', '已损坏或不完整', F.truncatedXlsx],
    ['renamed-pdf.xlsx', 'not-a-spreadsheet', '实际上是PDF 文件', F.renamedPdf],
    ['renamed-docx.xlsx', 'unsupported', '是 Word 文档', F.renamedDocx],
    ['encrypted.xlsx', 'encrypted', '取消密码', F.encryptedXlsx],
    ['password.xls', 'encrypted', '设有密码保护', F.passwordProtectedXls],
    ['empty.xlsx', 'empty-file', '是空的', () => new Uint8Array(0)],
    ['random.xls', 'not-a-spreadsheet', '无法识别', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)],
    ['image.xlsx', 'not-a-spreadsheet', 'PNG 图片', () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ])('%s → %s', (name, code, words, make) => {
    const r = refuse(make(), name);
    expect(r.code).toBe(code);
    expect(r.message).toContain(words);
    expect(r.message).toContain(name);
  });

  it('refuses a zip bomb from its directory, before inflating it', () => {
    const bomb = F.zipBomb(64);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const r = refuse(bomb, 'bomb.xlsx');
    expect(r.code).toBe('zip-bomb');
    expect(r.message).toContain('膨胀到 64 MB');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses a file over the size limit and a zip whose total unpacked size is over its limit', () => {
    expect(refuse(F.titledMergedLedger(), 'big.xlsx', { maxFileBytes: 1000 }).code).toBe('file-too-large');
    expect(refuse(F.titledMergedLedger(), 'big.xlsx', { maxUnpackedBytes: 1000 }).code).toBe('too-large-unpacked');
  });

  it('refuses a sheet whose header fills all 16,384 columns', () => {
    const r = refuse(F.fullWidthSheet(), 'wide.xlsx');
    expect(r.code).toBe('too-many-columns');
    expect(r.message).toContain('16384 列');
  });

  it('refuses too many cells', () => {
    expect(refuse(F.titledMergedLedger(), 'cells.xlsx', { maxCells: 20 }).code).toBe('too-many-cells');
  });
});

describe('200,000 rows', () => {
  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = F.bigLedger(200_000);
  });

  it('imports every row', () => {
    const r = parseLedgerFile(bytes, { fileName: 'big.xlsx', targets });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const table = r.value.tables[0];
    if (!table) throw new Error('no table');
    const mapped = mapLedgerTable(table, { fileName: 'big.xlsx', targets });
    expect(mapped.rows).toHaveLength(200_000);
    expect(mapped.rows[199_999]?.values).toEqual({ name: '项目200000', totalInvestment: 60.9, investmentThisYear: 1.75, expectedOutput: 3.8, started: true, startDate: '2024-07-18' });
    expect(mapped.issues).toEqual([]);
  });

  it('is refused with a clear message when over the row limit', () => {
    const r = refuse(bytes, 'big.xlsx', { maxRows: 100_000 });
    expect(r.code).toBe('too-many-rows');
    expect(r.message).toContain('超过 100,000 行');
  });

  it('is stopped by the worker timeout with a Chinese message', async () => {
    const r = await parseLedgerInWorker({ bytes, fileName: 'big.xlsx', targets }, { timeoutMs: 300 });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('timeout');
    expect(r.issues[0]?.message).toContain('已停止');
  });

  it('is stopped when the worker runs out of its memory ceiling', async () => {
    const r = await parseLedgerInWorker({ bytes, fileName: 'big.xlsx', targets }, { maxHeapMb: 48, timeoutMs: 60_000 });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('out-of-memory');
    expect(r.issues[0]?.message).toContain('内存超过上限');
  });
});

describe('the worker', () => {
  it('returns the same result as parsing in place', async () => {
    const bytes = F.gbkCsv();
    const inWorker = await parseLedgerInWorker({ bytes, fileName: 'gbk.csv', targets });
    expect(inWorker).toEqual(parseLedgerFile(bytes, { fileName: 'gbk.csv', targets }));
  });

  it('passes on a refusal', async () => {
    const r = await parseLedgerInWorker({ bytes: F.renamedPdf(), fileName: 'x.xlsx', targets });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('not-a-spreadsheet');
  });
});
