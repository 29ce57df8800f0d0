/**
 * The hostile files of issue 15, each read in the import worker with a memory ceiling and a time
 * limit of its own: an answer other than the expected one — a timeout or running out of memory
 * included — fails the test.
 */
import { describe, expect, it } from 'vitest';
import { mapLedgerTable, parseLedgerFile } from '../../src-shared/ledger';
import { parseLedgerInWorker } from '../../src-main/excel/parse-in-worker';
import * as F from '../fixtures/ledgers/make-ledgers';
import { seedRosterTargets } from './seed-targets';

const targets = seedRosterTargets();
/** Per file: the worker's heap ceiling and the time it has. */
const BOUND = { maxHeapMb: 256, timeoutMs: 15_000 };

async function inWorker(bytes: Uint8Array, fileName: string) {
  return parseLedgerInWorker({ bytes, fileName, targets }, BOUND);
}

describe('hostile files are refused at once, with their own message', () => {
  it.each([
    ['sylk.slk', 'too-many-columns', '2000000000 列', F.sylkHugeColumn],
    ['huge-cell.csv', 'cell-too-long', '第 3 行', () => F.hugeCellCsv()],
    ['repeats.ods', 'too-many-cells', '14,700,000', F.odsRepeatBomb],
    ['lying.xlsx', 'zip-bomb', '前后不一致', F.lyingLocalHeaders],
    ['zip64.xlsx', 'zip64-unsupported', '不支持', F.zip64EndRecord],
    ['nul-early.csv', 'nul-byte', '第 1 行', () => F.nulCsv(1)],
    ['nul-late.csv', 'nul-byte', '第 2900 行', () => F.nulCsv(2900, 3000)],
    ['duplicate.xlsx', 'zip-ambiguous', '两个同名', F.duplicateEntries],
  ])('%s → %s', async (name, code, words, make) => {
    const r = await inWorker(make(), name);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe(code);
    expect(r.issues[0]?.message).toContain(words);
    expect(r.issues[0]?.message).toContain(name);
  });
});

describe('hostile files that are ledgers are read', () => {
  it('reads 40,000 hidden="1" attributes in one tag (linear scan)', async () => {
    const r = await inWorker(F.manyHiddenAttributes(), 'hidden.xlsx');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.tables[0]?.rows.map((row) => row.cells[0])).toEqual(['甲项目']);
  });

  it.each([
    ['be-bom.csv', 'utf-16be', F.utf16BeBomCsv],
    ['le-no-bom.csv', 'utf-16le', F.utf16LeNoBomCsv],
  ])('reads UTF-16 text %s', async (name, encoding, make) => {
    const r = await inWorker(make(), name);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.encoding).toBe(encoding);
    const table = r.value.tables[0];
    if (!table) throw new Error('no table');
    expect(mapLedgerTable(table, { fileName: name, targets }).rows.map((row) => row.values)).toEqual([
      { name: '甲项目', totalInvestment: 5 },
      { name: '乙项目', totalInvestment: 6 },
    ]);
  });

  it('counts rows that hold data, not the extent: 3 rows and a stray cell at row 300,001', async () => {
    const r = await inWorker(F.strayFarRow(), 'stray.xlsx');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.tables[0]?.rows.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a sheet named __proto__ and headers __proto__ / constructor', async () => {
    const r = await inWorker(F.protoNames(), 'proto.xlsx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sheets.map((s) => s.name)).toEqual(['__proto__']);
    const table = r.value.tables[0];
    expect(table?.sheet).toBe('__proto__');
    expect(table?.columns.map((c) => c.header)).toEqual(['项目名称', '总投资(亿元)', '__proto__', 'constructor']);
    if (!table) return;
    const mapped = mapLedgerTable(table, { fileName: 'proto.xlsx', targets });
    expect(mapped.mapping.columns.map((c) => c.header)).toEqual(['项目名称', '总投资(亿元)', '__proto__', 'constructor']);
  });

  it('stores no NUL: the same text without it is read', () => {
    const r = parseLedgerFile(F.nulCsv(2), { fileName: 'nul.csv', targets });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('\u0000');
  });
});
