/**
 * The verifier against the files of issue 15: zip limits before anything is inflated, entries
 * that are no part of a submission workbook, and what a reader sees (number formats, hidden rows
 * and columns, merges, white-on-white text, sheet visibility). Each is bounded in time and memory
 * (a hang or a blow-up fails, it is not a benchmark).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { UserIssue } from '../../src-shared/model';
import { ExcelJS, type Workbook } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, SHEET } from '../../src-shared/workbook';
import { writeZip } from '../fixtures/ledgers/make-ledgers';
import { exampleReturns } from './fixtures';
import { exportReturn } from './helpers';

const example = exampleReturns().find((e) => e.name === 'jincheng-kfq-2024-q1.json');
if (!example) throw new Error('seeds/examples/jincheng-kfq-2024-q1.json is missing');
const ret = example.ret;

async function exported(): Promise<Uint8Array> {
  return (await exportReturn(ret, { figures: {} }, [])).bytes;
}

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

interface Container {
  FullPaths: string[];
  FileIndex: Array<{ type: number; content?: Uint8Array | number[] }>;
}

/** The zip's entries, with `extra` appended: the workbook otherwise unchanged. */
function withEntries(bytes: Uint8Array, extra: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const zip = (XLSX.CFB as { read(b: Uint8Array, o: { type: 'array' }): Container }).read(bytes, { type: 'array' });
  const entries: Array<{ name: string; data: Uint8Array }> = [];
  zip.FileIndex.forEach((f, i) => {
    if (f.type !== 2 || !f.content) return;
    const name = (zip.FullPaths[i] ?? '').replace(/^[^/]*\//, '');
    // SheetJS' container keeps a marker entry of its own; it is no part of the file.
    if (name.startsWith('\u0001')) return;
    entries.push({ name, data: Uint8Array.from(f.content) });
  });
  return writeZip([...entries, ...extra]);
}

function codes(issues: UserIssue[]): string[] {
  return [...new Set(issues.map((i) => i.code))];
}

/** Reads with a bound: under 20 s and under 600 MB more resident memory. */
async function boundedRead(bytes: Uint8Array) {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const read = await readSubmissionWorkbook(bytes, { fileName: '报送.xlsx' });
  expect(performance.now() - started).toBeLessThan(20_000);
  expect(process.memoryUsage().rss - rss).toBeLessThan(600 * 1024 * 1024);
  return read;
}

describe('the verdict says what a checksum without a key can prove', () => {
  it('an intact unsigned workbook: 内容完整；未签名，无法证明来源', async () => {
    const read = await boundedRead(await exported());
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.intact).toBe(true);
    expect(read.value.verdict).toEqual({ contentIntact: true, draft: false, signature: { state: 'unsigned' }, text: '内容完整；未签名，无法证明来源' });
  });
});

describe('zip limits and foreign entries', () => {
  it('refuses a zip bomb entry before inflating it', async () => {
    const bomb = withEntries(await exported(), [{ name: 'xl/media/filler.bin', data: new Uint8Array(64 * 1024 * 1024) }]);
    const read = await boundedRead(bomb);
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.code).toBe('workbook-zip-bomb');
    expect(read.issues[0]?.message).toContain('膨胀到 64 MB');
  });

  it('refuses duplicate entry names as ambiguous', async () => {
    const bytes = await exported();
    const read = await boundedRead(withEntries(bytes, [{ name: 'xl/sharedStrings.xml', data: new TextEncoder().encode('<sst/>') }]));
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.code).toBe('workbook-zip-ambiguous');
  });

  it('an entry that is no part of a submission workbook makes it not intact', async () => {
    const read = await boundedRead(withEntries(await exported(), [{ name: 'xl/hidden/payload.bin', data: Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 251) }]));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.intact).toBe(false);
    expect(read.value.verdict.contentIntact).toBe(false);
    expect(codes(read.issues)).toContain('workbook-extra-entry');
    expect(read.issues.find((i) => i.code === 'workbook-extra-entry')?.message).toContain('xl/hidden/payload.bin');
  });
});

describe('what a reader sees is compared, not only the values', () => {
  it.each([
    ['a number format showing another figure', 'workbook-cell-format', (wb: Workbook) => {
      sheet(wb, SHEET.indicators).getCell('D5').numFmt = '"99.99"';
    }],
    ['a hidden row of the main table', 'workbook-row-hidden', (wb: Workbook) => {
      sheet(wb, SHEET.indicators).getRow(6).hidden = true;
    }],
    ['a hidden column', 'workbook-column-hidden', (wb: Workbook) => {
      sheet(wb, SHEET.indicators).getColumn(4).hidden = true;
    }],
    ['white text on white', 'workbook-cell-hidden-text', (wb: Workbook) => {
      const cell = sheet(wb, SHEET.indicators).getCell('D5');
      cell.font = { ...cell.font, color: { argb: 'FFFFFFFF' } };
    }],
    ['a merge added over cells', 'workbook-merge-added', (wb: Workbook) => {
      sheet(wb, SHEET.indicators).mergeCells('D5:E6');
    }],
    ['a sheet hidden', 'workbook-sheet-hidden', (wb: Workbook) => {
      sheet(wb, SHEET.roster).state = 'hidden';
    }],
  ] as const)('%s → %s', async (_label, code, change) => {
    const read = await boundedRead(await edit(await exported(), change));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value.intact).toBe(false);
    expect(read.value.tableOk).toBe(false);
    expect(codes(read.issues)).toContain(code);
    expect(read.value.verdict.text).toBe('内容与报表数据不符（导出后被改动过）；未签名，无法证明来源');
  });
});
