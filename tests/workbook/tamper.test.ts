import { describe, expect, it } from 'vitest';
import type { UserIssue } from '../../src-shared/model';
import { sha256Hex } from '../../src-shared/crypto';
import { ExcelJS, type Workbook } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, SHEET } from '../../src-shared/workbook';
import { canonicalJson } from '../../src-shared/return';
import { exampleReturns } from './fixtures';
import { exportReturn } from './helpers';

const example = exampleReturns().find((e) => e.name === 'jincheng-kfq-2024-q1.json');
if (!example) throw new Error('seeds/examples/jincheng-kfq-2024-q1.json is missing');
const ret = example.ret;

async function exported(): Promise<Uint8Array> {
  const written = await exportReturn(ret, { figures: {} }, []);
  return written.bytes;
}

/** Opens the bytes as a person with a spreadsheet program would, changes them, saves. */
async function edit(bytes: Uint8Array, change: (workbook: Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: Workbook, name: string) {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Data-sheet parts joined, and a way to store a changed payload back. */
function dataText(workbook: Workbook): string {
  const data = sheet(workbook, SHEET.data);
  const parts: string[] = [];
  data.eachRow((row, n) => {
    const value = row.getCell(2).value;
    if (n >= 10 && typeof value === 'string') parts.push(value);
  });
  return parts.join('');
}

function storeData(workbook: Workbook, text: string, fixChecksum: boolean): void {
  const data = sheet(workbook, SHEET.data);
  let rowNumber = 10;
  while (data.getCell(rowNumber, 2).value !== null) {
    data.getCell(rowNumber, 2).value = null;
    data.getCell(rowNumber, 1).value = null;
    rowNumber += 1;
  }
  data.getCell(10, 1).value = 'payload';
  data.getCell(10, 2).value = text;
  data.getCell(7, 2).value = 1;
  data.getCell(8, 2).value = text.length;
  if (fixChecksum) data.getCell(6, 2).value = sha256Hex(canonicalJson(JSON.parse(text)));
}

function codes(issues: UserIssue[]): string[] {
  return [...new Set(issues.map((i) => i.code))].sort();
}

describe('a tampered workbook is detected and reported', () => {
  it('reports a value changed in the visible table with sheet, cell, expected and found', async () => {
    const bytes = await edit(await exported(), (wb) => {
      // D5 is 规上工业增加值 本期累计 (62.41 in the example).
      sheet(wb, SHEET.indicators).getCell('D5').value = 70;
    });
    const read = await readSubmissionWorkbook(bytes, { fileName: '晋城.xlsx' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.checksumOk).toBe(true);
    expect(read.value.tableOk).toBe(false);
    expect(read.value.intact).toBe(false);
    expect(read.issues).toHaveLength(1);
    const [issue] = read.issues;
    expect(issue?.code).toBe('workbook-cell-changed');
    expect(issue?.location).toEqual({ file: '晋城.xlsx', sheet: SHEET.indicators, row: 5, column: 'D' });
    expect(issue?.message).toContain('62.41');
    expect(issue?.message).toContain('70');
    expect(issue?.message).toContain('规上工业增加值');
    expect(issue?.message).toContain('本期累计');
  });

  it.each([
    ['a roster cell changed', SHEET.roster, 'B4', '改过的项目名称', 'workbook-cell-changed'],
    ['a cover value cleared', SHEET.cover, 'C8', null, 'workbook-cell-changed'],
    ['a value typed into an empty cell', SHEET.indicators, 'K5', '补充说明', 'workbook-cell-added'],
    ['a formula put in place of a number', SHEET.indicators, 'D6', { formula: 'D5*2', result: 1 }, 'workbook-cell-formula'],
  ] as const)('reports %s', async (_label, sheetName, address, value, code) => {
    const bytes = await edit(await exported(), (wb) => {
      sheet(wb, sheetName).getCell(address).value = value;
    });
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.tableOk).toBe(false);
    expect(codes(read.issues)).toEqual([code]);
    expect(read.issues[0]?.location?.sheet).toBe(sheetName);
    expect(`${String(read.issues[0]?.location?.column)}${String(read.issues[0]?.location?.row)}`).toBe(address);
  });

  it('reports a sheet that was deleted', async () => {
    const bytes = await edit(await exported(), (wb) => wb.removeWorksheet(sheet(wb, SHEET.validation).id));
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(codes(read.issues)).toEqual(['workbook-sheet-missing']);
    expect(read.value.intact).toBe(false);
  });

  it('detects a value changed in the hidden data (checksum) and shows where the table disagrees', async () => {
    const bytes = await edit(await exported(), (wb) => {
      storeData(wb, dataText(wb).replace('"current":62.41', '"current":72.41'), false);
    });
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.checksumOk).toBe(false);
    expect(read.value.intact).toBe(false);
    expect(read.value.ret.values['gyzjz']?.current).toBe(72.41);
    const checksum = read.issues.find((i) => i.code === 'workbook-checksum-mismatch');
    expect(checksum?.location).toMatchObject({ sheet: SHEET.data, row: 6, column: 'B' });
    const cell = read.issues.find((i) => i.code === 'workbook-cell-changed');
    expect(cell?.location).toMatchObject({ sheet: SHEET.indicators, row: 5, column: 'D' });
    expect(cell?.message).toContain('72.41');
  });

  it('detects hidden data changed with a recomputed checksum, through the visible table', async () => {
    const bytes = await edit(await exported(), (wb) => {
      storeData(wb, dataText(wb).replace('"current":62.41', '"current":72.41'), true);
    });
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.checksumOk).toBe(true);
    expect(read.value.tableOk).toBe(false);
    expect(read.value.intact).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-cell-changed']);
  });

  it('reports a changed revision or submission id in the key rows', async () => {
    const bytes = await edit(await exported(), (wb) => {
      sheet(wb, SHEET.data).getCell('B5').value = 3;
    });
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.metadataOk).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-metadata-mismatch']);
    expect(read.issues[0]?.location).toMatchObject({ sheet: SHEET.data, row: 5, column: 'B' });
  });
});

describe('a damaged or foreign file is refused with a reason, never an exception', () => {
  it.each([
    ['empty bytes', new Uint8Array(0), 'workbook-unreadable'],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251), 'workbook-unreadable'],
    ['a text file', new Uint8Array(Buffer.from('项目名称,总投资\n康佳,50\n')), 'workbook-unreadable'],
  ])('%s', async (_label, bytes, code) => {
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual([code]);
  });

  it('a truncated workbook', async () => {
    const bytes = await exported();
    const read = await readSubmissionWorkbook(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-unreadable']);
  });

  it('a workbook without the data sheet', async () => {
    const bytes = await edit(await exported(), (wb) => wb.removeWorksheet(sheet(wb, SHEET.data).id));
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-no-data']);
  });

  it('a data part deleted', async () => {
    const { ret: big } = { ret: { ...ret, roster: Array.from({ length: 300 }, (_, i) => ({ ...ret.roster[0], id: `r${i}`, name: `项目${i}` })) } };
    const written = await exportReturn(big, { figures: {} }, []);
    const bytes = await edit(written.bytes, (wb) => {
      sheet(wb, SHEET.data).getCell('B11').value = null;
    });
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.message).toContain('B11');
  });

  it('data that is not JSON', async () => {
    const bytes = await edit(await exported(), (wb) => storeData(wb, '{"format":', false));
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-data-damaged']);
  });

  it('a workbook of a newer format asks for an upgrade', async () => {
    const bytes = await edit(await exported(), (wb) => storeData(wb, dataText(wb).replace('"format":"zone-returns/submission@1"', '"format":"zone-returns/submission@2"'), true));
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-newer-format']);
    expect(read.issues[0]?.message).toContain('升级');
  });

  it('JSON of the wrong shape, naming the path', async () => {
    const bytes = await edit(await exported(), (wb) => {
      const payload: unknown = JSON.parse(dataText(wb));
      if (typeof payload === 'object' && payload !== null) Reflect.set(Reflect.get(payload, 'return'), 'roster', 'none');
      storeData(wb, JSON.stringify(payload), true);
    });
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(codes(read.issues)).toEqual(['workbook-data-shape']);
    expect(read.issues[0]?.location?.path).toBe('$.return.roster');
  });
});
