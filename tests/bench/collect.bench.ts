/**
 * City bureau collection benchmark (`npm run bench collect`): 120 submission workbooks (4 zones ×
 * 30 revisions of 晋城 2024 Q1) read and verified with `readReceivedFile` (the inbox's reader:
 * checksum, metadata and visible sheets), judged by the inbox rules and consolidated with
 * `cityFigures`; against SheetJS alone reading the same files (`XLSX.read`). Sides interleaved,
 * 5 pairs; min and median of each side and of the ratio. Goal: ≤ 2×.
 */
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { cityFigures, judgeInbox, readReceivedFile, type ReadReceived, type ReceivedItem } from '../../src-shared/collect';
import { computeReturn } from '../../src-shared/compute';
import { parsePeriodKey } from '../../src-shared/period';
import { builtinZoneRegistry, exampleReturn, kfqSet, type ExampleName } from '../../src-shared/seeds';
import { parseReturn } from '../../src-shared/return';
import { validateReturn } from '../../src-shared/validate';
import { submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';

const PAIRS = 5;
const REVISIONS = 30;
const set = kfqSet();
const registry = builtinZoneRegistry();
const names: ExampleName[] = ['jincheng-kfq-2024-q1', 'gaoping-kfq-2024-q1', 'qinshui-kfq-2024-q1', 'yangcheng-kfq-2024-q1'];

const files: { name: string; bytes: Uint8Array }[] = [];
for (const name of names) {
  const ret = exampleReturn(name);
  const computed = computeReturn(set, ret, { zoneType: 'industrial' });
  const issues = validateReturn(set, ret, computed, { zoneType: 'industrial' });
  const zone = submissionZone(ret.zoneId, registry)!;
  for (let rev = 1; rev <= REVISIONS; rev++) {
    const w = await writeSubmissionWorkbook({ set, ret, computed, issues, zone, revision: rev, submissionId: `00000000-0000-4000-8000-${String(rev).padStart(12, '0')}`, exportedAt: new Date(Date.UTC(2024, 3, 1, 0, rev)).toISOString() });
    files.push({ name: `${name}-${rev}.xlsx`, bytes: w.bytes });
  }
}
console.log(`${files.length} workbooks, ${(files.reduce((a, f) => a + f.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB`);

async function collect(): Promise<number> {
  const read: ReadReceived[] = [];
  for (const f of files) read.push(await readReceivedFile(f.bytes, f.name));
  const items: ReceivedItem[] = read.map((r, i) => {
    const item: ReceivedItem = { key: String(i), fileName: r.fileName, intact: r.intact, problems: r.problems };
    const p = r.identity ? parsePeriodKey(r.identity.periodKey) : undefined;
    if (r.identity && p) item.identity = { ...r.identity, period: p };
    return item;
  });
  const judged = judgeInbox(items, { registry, cityCode: '140500', setVersion: () => set.version });
  const accepted = judged.flatMap((j, i) => (j.verdict === 'accepted' ? [read[i]!] : []));
  const rets = accepted.flatMap((r) => {
    const p = parseReturn(JSON.parse(r.returnJson ?? 'null'));
    return p.ok ? [p.value] : [];
  });
  const c = cityFigures(set, rets, { registry });
  if (!c.ok || accepted.length !== 4) throw new Error('collect failed');
  return c.value.figures['gyzjz']?.value ?? NaN;
}

function sheetjs(): number {
  let sheets = 0;
  for (const f of files) sheets += XLSX.read(f.bytes, { type: 'array' }).SheetNames.length;
  return sheets;
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]! };
};
const a: number[] = [];
const b: number[] = [];
const ratios: number[] = [];
await collect(); // warm-up, both sides
sheetjs();
for (let i = 0; i < PAIRS; i++) {
  let t = performance.now();
  const v = await collect();
  const ta = performance.now() - t;
  t = performance.now();
  sheetjs();
  const tb = performance.now() - t;
  a.push(ta);
  b.push(tb);
  ratios.push(ta / tb);
  console.log(`pair ${i + 1}: collect ${ta.toFixed(0)} ms (规上工业增加值 ${v.toFixed(2)}亿元), SheetJS read ${tb.toFixed(0)} ms, ratio ${(ta / tb).toFixed(2)}×`);
}
const sa = stat(a);
const sb = stat(b);
const sr = stat(ratios);
console.log(`collect + consolidate 120 workbooks: min ${sa.min.toFixed(0)} ms, median ${sa.median.toFixed(0)} ms`);
console.log(`SheetJS alone reading them:         min ${sb.min.toFixed(0)} ms, median ${sb.median.toFixed(0)} ms`);
console.log(`ratio: min ${sr.min.toFixed(2)}×, median ${sr.median.toFixed(2)}× (goal ≤ 2×)`);
