/**
 * Submission workbook benchmark (`npm run bench workbook`): writing and reading back the workbook
 * of a return with 2,000 roster projects (all 17 roster fields, the full 2024 indicator set, long
 * text sections). Reported as medians in milliseconds and as multiples of a baseline measured in
 * the same run: exceljs writing (and loading) the same cell values as plain, unstyled sheets —
 * so the ratio is the cost of the official form (styles, merges, page setup), the hidden payload
 * and its SHA-256, and, on reading, the checksum and the cell-by-cell comparison.
 */
import { performance } from 'node:perf_hooks';
import { computeReturn } from '../../src-shared/compute';
import { kfqSet } from '../../src-shared/seeds';
import { buildPayload, readSubmissionWorkbook, submissionZone, writeSubmissionWorkbook, type SubmissionInput } from '../../src-shared/workbook';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { layoutSubmission } from '../../src-shared/workbook/layout-submission';
import { encodeForSheet } from '../../src-shared/workbook/payload';
import { canonicalJson } from '../../src-shared/return';
import { sha256Hex } from '../../src-shared/crypto';
import { generateReturn } from '../workbook/generate-return';

const ROSTER_ROWS = 2000;
const RUNS = 7;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(body: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await body();
  return performance.now() - start;
}

const set = kfqSet();
const zone = submissionZone('jincheng-kfq');
if (!zone) throw new Error('jincheng-kfq missing from the zone registry');
const { ret, issues } = generateReturn(set, { seed: 2024, rosterRows: ROSTER_ROWS, longText: 5000 });
const input: SubmissionInput = {
  set,
  ret,
  computed: computeReturn(set, ret, { zoneType: zone.type }),
  issues,
  zone,
  submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  revision: 1,
  exportedAt: '2024-04-08T08:30:00.000Z',
};

/** The same values in plain sheets: no styles, merges, widths or page setup, and the payload as one plain column. */
async function writePlain(): Promise<Uint8Array> {
  const payload = buildPayload(input);
  const workbook = new ExcelJS.Workbook();
  for (const layout of layoutSubmission(payload)) {
    const sheet = workbook.addWorksheet(layout.name);
    for (const cell of layout.cells) if (cell.value !== null) sheet.getCell(cell.row, cell.col).value = cell.value;
  }
  const data = workbook.addWorksheet('data');
  // Escaped as the real writer does: raw canonical JSON may hold U+FFFF, which no XML reader accepts.
  const json = encodeForSheet(canonicalJson(payload));
  for (let i = 0, row = 1; i < json.length; i += 16_000, row += 1) data.getCell(row, 1).value = json.slice(i, i + 16_000);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function loadPlain(bytes: Uint8Array): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
}

const plainBytes = await writePlain();
const written = await writeSubmissionWorkbook(input);
// Warm up both paths so the JIT does not favour whichever runs first.
await writePlain();
await writeSubmissionWorkbook(input);
await loadPlain(plainBytes);
await readSubmissionWorkbook(written.bytes);

const samples = { plainWrite: [] as number[], write: [] as number[], plainLoad: [] as number[], read: [] as number[], payload: [] as number[] };
for (let i = 0; i < RUNS; i += 1) {
  samples.plainWrite.push(await time(writePlain));
  samples.write.push(await time(() => writeSubmissionWorkbook(input)));
  samples.plainLoad.push(await time(() => loadPlain(plainBytes)));
  samples.read.push(
    await time(async () => {
      const read = await readSubmissionWorkbook(written.bytes);
      if (!read.ok || !read.value.intact) throw new Error('the benchmark workbook did not verify');
    }),
  );
  samples.payload.push(await time(() => sha256Hex(canonicalJson(buildPayload(input)))));
}

const plainWrite = median(samples.plainWrite);
const plainLoad = median(samples.plainLoad);
const row = (label: string, ms: number, baseline: number, baselineName: string): string =>
  `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / baseline).toFixed(2).padStart(5)} × ${baselineName}`;

console.log(`return: ${ROSTER_ROWS} roster rows × ${set.roster.fields.length} fields; workbook ${(written.bytes.length / 1024).toFixed(0)} KB (plain ${(plainBytes.length / 1024).toFixed(0)} KB); median of ${RUNS} runs`);
console.log(row('baseline: exceljs plain write, same cells', plainWrite, plainWrite, 'plain write'));
console.log(row('write submission workbook', median(samples.write), plainWrite, 'plain write'));
console.log(row('  of which payload: canonical JSON + SHA-256', median(samples.payload), plainWrite, 'plain write'));
console.log(row('baseline: exceljs load of the plain file', plainLoad, plainLoad, 'plain load'));
console.log(row('read back + verify (checksum, every cell)', median(samples.read), plainLoad, 'plain load'));
