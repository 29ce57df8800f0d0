/**
 * Whatever a person or a damaged disk does to a submission workbook, reading it resolves to a
 * Result (never an exception), and an edited workbook is never reported intact.
 */
import { describe, expect, it } from 'vitest';
import type { ComputedReturn, ValidationIssue, ZoneReturn } from '../../src-shared/model';
import { ExcelJS, type Workbook } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, SHEET, VISIBLE_SHEETS } from '../../src-shared/workbook';
import { generateReturn, rng } from './generate-return';
import { seedSet } from './fixtures';
import { exportReturn } from './helpers';

/**
 * Random values, but no literal `_xHHHH_` text: exceljs decodes that escape when it reads a file
 * and does not re-encode it when it writes one, so every edit made through exceljs would change
 * such text as a side effect and hide whether the edit itself was caught.
 */
async function original(): Promise<Uint8Array> {
  const { ret, computed, issues } = generateReturn(seedSet(), { seed: 77, rosterRows: 400 });
  const clean: { ret: ZoneReturn; computed: ComputedReturn; issues: ValidationIssue[] } = JSON.parse(JSON.stringify({ ret, computed, issues }).replace(/_x/g, '_y'));
  return (await exportReturn(clean.ret, clean.computed, clean.issues)).bytes;
}

async function edit(bytes: Uint8Array, change: (workbook: Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function data(workbook: Workbook) {
  const sheet = workbook.getWorksheet(SHEET.data);
  if (!sheet) throw new Error('no data sheet');
  return sheet;
}

const EDITS: Array<[string, (workbook: Workbook) => void]> = [
  ['parts count a billion', (wb) => (data(wb).getCell('B7').value = 1e9)],
  ['parts count negative', (wb) => (data(wb).getCell('B7').value = -3)],
  ['parts count fractional', (wb) => (data(wb).getCell('B7').value = 2.5)],
  ['parts count as text', (wb) => (data(wb).getCell('B7').value = '三')],
  ['a part label far below', (wb) => {
    data(wb).getCell('A1000000').value = 'payload';
    data(wb).getCell('B1000000').value = '}';
  }],
  ['a part replaced by a formula', (wb) => (data(wb).getCell('B10').value = { formula: '1+1', result: 2 })],
  ['a part replaced by a number', (wb) => (data(wb).getCell('B10').value = 42)],
  ['a part replaced by a date', (wb) => (data(wb).getCell('B10').value = new Date(0))],
  ['a part replaced by rich text', (wb) => (data(wb).getCell('B10').value = { richText: [{ text: '{"format":' }] })],
  ['a part emptied', (wb) => (data(wb).getCell('B11').value = '')],
  ['the checksum emptied', (wb) => (data(wb).getCell('B6').value = null)],
  ['the key column shifted', (wb) => data(wb).spliceColumns(1, 0, ['x'])],
  ['the data rows shifted down', (wb) => data(wb).spliceRows(1, 0, ['x'])],
  ['a visible sheet renamed', (wb) => {
    const sheet = wb.getWorksheet(SHEET.roster);
    if (sheet) sheet.name = '清单';
  }],
  ['a visible row inserted', (wb) => wb.getWorksheet(SHEET.indicators)?.spliceRows(5, 0, ['插入的行'])],
  ['a visible column deleted', (wb) => wb.getWorksheet(SHEET.roster)?.spliceColumns(2, 1)],
  ['a merged cell unmerged and filled', (wb) => {
    const sheet = wb.getWorksheet(SHEET.indicators);
    sheet?.unMergeCells('A1:I1');
    if (sheet) sheet.getCell('B1').value = '多出来的';
  }],
  ['every visible value a hyperlink', (wb) => {
    const sheet = wb.getWorksheet(SHEET.cover);
    sheet?.eachRow((row) => row.eachCell((cell) => (cell.value = { text: String(cell.value), hyperlink: 'http://example.com' })));
  }],
  ['an error value in a number cell', (wb) => {
    const sheet = wb.getWorksheet(SHEET.indicators);
    if (sheet) sheet.getCell('D5').value = { error: '#DIV/0!' };
  }],
  ['a boolean in a text cell', (wb) => {
    const sheet = wb.getWorksheet(SHEET.texts);
    if (sheet) sheet.getCell('A1').value = true;
  }],
  ['all visible sheets removed', (wb) => {
    for (const name of VISIBLE_SHEETS) {
      const sheet = wb.getWorksheet(name);
      if (sheet) wb.removeWorksheet(sheet.id);
    }
  }],
];

describe('hostile edits', () => {
  it.each(EDITS)('%s: a Result, and not intact', async (_label, change) => {
    const bytes = await edit(await original(), change);
    const read = await readSubmissionWorkbook(bytes);
    if (read.ok) expect(read.value.intact).toBe(false);
    expect(read.issues.length).toBeGreaterThan(0);
    for (const issue of read.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an unedited workbook passed through exceljs is still intact (the baseline of the cases above)', async () => {
    const read = await readSubmissionWorkbook(await edit(await original(), () => undefined));
    expect(read.ok && read.value.intact).toBe(true);
    expect(read.issues).toEqual([]);
  });

  it('a checksum retyped in upper case, with spaces, is the same checksum', async () => {
    const bytes = await edit(await original(), (wb) => {
      const cell = data(wb).getCell('B6');
      cell.value = ` ${String(cell.value).toUpperCase()} `;
    });
    const read = await readSubmissionWorkbook(bytes);
    expect(read.ok && read.value.intact).toBe(true);
  });

  it('random byte damage: always a Result, never intact when anything changed', async () => {
    const bytes = await original();
    const random = rng(4242);
    for (let trial = 0; trial < 40; trial += 1) {
      const damaged = bytes.slice();
      const flips = 1 + Math.floor(random() * 8);
      for (let f = 0; f < flips; f += 1) {
        const at = Math.floor(random() * damaged.length);
        damaged[at] = (damaged[at] ?? 0) ^ (1 + Math.floor(random() * 255));
      }
      const read = await readSubmissionWorkbook(damaged);
      // A flip inside zip padding or an unused header field can leave the content as it was.
      if (read.ok && read.value.intact) expect(read.issues).toEqual([]);
      else expect(read.issues.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
