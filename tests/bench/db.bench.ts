/**
 * Storage benchmark (`npm run bench db`): the local database on fake-indexeddb, filled like a
 * busy install — 120 zones with 5 years of quarterly returns each (2,400 returns, 60 indicators
 * apiece), a ledger of 10,000 projects in the zone being edited (and 20 in each other zone), and
 * an audit log as long as the values table. Reported: opening a return (the `ZoneReturn` with
 * its 10,000-row roster), saving one edit, and pasting 1,000 × 10 cells — each as a median in
 * milliseconds and as a multiple of a raw IndexedDB put of one record measured in the same run
 * (fake-indexeddb is far slower than Chromium's IndexedDB; the ratios carry over better than
 * the milliseconds).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import { openRepository, type Repository } from '../../src-renderer/db';
import type { AuditEntry, ReturnRecord, RosterRowRecord, TextRecord, ValueRecord, ZoneRecord } from '../../src-renderer/db/schema';

const ZONES = 120;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const INDICATORS = 60;
const TEXTS = 4;
const BIG_ROSTER = 10_000;
const SMALL_ROSTER = 20;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function measure(runs: number, body: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await body(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open('baseline', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('records', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function rawWrite(db: IDBDatabase, records: object[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('records');
    for (const record of records) store.put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

function rawReadAll(db: IDBDatabase): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const req = db.transaction('records', 'readonly').objectStore('records').getAll();
    req.onsuccess = () => resolve((req.result as unknown[]).length);
    req.onerror = () => reject(req.error);
  });
}

function sampleRow(i: number, run: number): object {
  return { id: `r${i}`, zoneId: 'zone-000', position: i, name: `项目${i}`, totalInvestment: i * 0.73 + run, plannedOutput: 1.1, batch: '签约', strategic: true, chain: false, industry: '新材料', county: '城区', signedOn: '2024-03-15', activity: '2024年第一次' };
}

/** Baselines, raw IndexedDB with no library in between: one record put; 10,000 records put in one transaction; 10,000 records read. */
async function rawBaselines(factory: IDBFactory): Promise<{ putOne: number[]; putMany: number[]; readMany: number[] }> {
  const db = await openRaw(factory);
  const putOne = (await measure(200, (i) => rawWrite(db, [sampleRow(i % 20, i)]))).slice(20);
  const putMany = await measure(5, (run) => rawWrite(db, Array.from({ length: 10_000 }, (_, i) => sampleRow(i, run))));
  const readMany = (await measure(12, () => rawReadAll(db))).slice(2);
  db.close();
  return { putOne, putMany, readMany };
}

function zoneId(z: number): string {
  return `zone-${String(z).padStart(3, '0')}`;
}

async function fill(repo: Repository): Promise<{ returnId: string; rosterIds: string[] }> {
  const at = '2024-04-10T00:00:00.000Z';
  const zones: ZoneRecord[] = [];
  const returns: ReturnRecord[] = [];
  const values: ValueRecord[] = [];
  const texts: TextRecord[] = [];
  const roster: RosterRowRecord[] = [];
  const audit: AuditEntry[] = [];
  for (let z = 0; z < ZONES; z += 1) {
    const id = zoneId(z);
    zones.push({ id, registry: { id, name: `第${z}开发区`, cityCode: '140500', county: '城区', type: 'industrial', level: '省级' }, registryVersion: 'bench', edits: {}, updatedAt: at });
    for (const year of YEARS) {
      for (const endMonth of [3, 6, 9, 12]) {
        const periodKey = `${year}-${String(endMonth).padStart(2, '0')}-q`;
        const returnId = `${id}|${periodKey}`;
        const submitted = year < 2024;
        returns.push({ id: returnId, zoneId: id, periodKey, period: { year, endMonth, frequency: 'quarter' }, indicatorSet: { id: 'kfq-quarterly', version: `${year}.1` }, status: submitted ? '已报送' : '填报中', revision: submitted ? 1 : 0, cover: { filler: '张三' }, createdAt: at, updatedAt: at, submittedAt: submitted ? at : null, reopenReason: null });
        for (let c = 0; c < INDICATORS; c += 1) {
          values.push({ returnId, code: `i${c}`, current: c * 1.37 + year, lastYear: c * 1.21 + year, updatedAt: at });
          audit.push({ at, who: '张三', returnId, zoneId: id, table: 'values', key: `i${c}`, field: 'current', old: null, new: c * 1.37 + year, action: 'update' });
        }
        for (let t = 0; t < TEXTS; t += 1) texts.push({ returnId, code: `t${t}`, text: '本季度主要举措：'.repeat(20), updatedAt: at });
      }
    }
    const rows = z === 0 ? BIG_ROSTER : SMALL_ROSTER;
    for (let r = 0; r < rows; r += 1) {
      roster.push({ id: `${id}-p${r}`, zoneId: id, position: r + 1, name: `项目${r}`, totalInvestment: (r % 97) * 0.73, plannedOutput: (r % 13) * 1.1, batch: ['签约', '开工', '投产'][r % 3] ?? '签约', strategic: r % 5 === 0, chain: r % 7 === 0, industry: '新材料', county: '城区', signedOn: '2024-03-15', activity: '2024年第一次' });
    }
  }
  const db = repo.db;
  await db.transaction('rw', db.tables, async () => {
    await db.zones.bulkAdd(zones);
    await db.returns.bulkAdd(returns);
    await db.values.bulkAdd(values);
    await db.texts.bulkAdd(texts);
    await db.rosterRows.bulkAdd(roster);
    await db.auditLog.bulkAdd(audit);
  });
  console.log(`filled: ${zones.length} zones, ${returns.length} returns, ${values.length} values, ${texts.length} texts, ${roster.length} roster rows, ${audit.length} audit lines`);
  return { returnId: `${zoneId(0)}|2024-12-q`, rosterIds: roster.filter((r) => r.zoneId === zoneId(0)).map((r) => r.id) };
}

function row(label: string, samples: number[], baseline: { name: string; ms: number }, note = ''): void {
  const m = median(samples);
  console.log(`${label.padEnd(42)} ${m.toFixed(2).padStart(9)} ms  ${(m / baseline.ms).toFixed(1).padStart(7)} × ${baseline.name.padEnd(14)} (n=${samples.length}, min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)})${note}`);
}

async function main(): Promise<void> {
  const factory = new IDBFactory();
  const raw = await rawBaselines(factory);
  const putOne = { name: 'raw put 1', ms: median(raw.putOne) };
  const putMany = { name: 'raw put 10k', ms: median(raw.putMany) };
  const readMany = { name: 'raw getAll 10k', ms: median(raw.readMany) };

  const opened = await openRepository({ name: 'bench', indexedDB: factory, IDBKeyRange });
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('\n'));
  const repo = opened.value;
  const fillStart = performance.now();
  const { returnId, rosterIds } = await fill(repo);
  console.log(`fill time: ${((performance.now() - fillStart) / 1000).toFixed(1)} s\n`);

  for (const [label, ms, n] of [
    ['baseline: raw put of 1 record (tx)', putOne.ms, raw.putOne.length],
    ['baseline: raw put of 10,000 records (1 tx)', putMany.ms, raw.putMany.length],
    ['baseline: raw getAll of 10,000 records', readMany.ms, raw.readMany.length],
  ] as const) {
    console.log(`${label.padEnd(42)} ${ms.toFixed(3).padStart(9)} ms  (n=${n})`);
  }
  console.log('');

  let rosterSize = 0;
  const open = await measure(20, async () => {
    const loaded = await repo.loadReturn(returnId);
    if (!loaded.ok) throw new Error('load failed');
    rosterSize = loaded.value.zoneReturn.roster.length;
  });
  row('open a return (values, texts, roster)', open.slice(2), readMany, `, roster ${rosterSize} rows`);

  const edit = await measure(60, async (i) => {
    const saved = await repo.saveValue(returnId, `i${i % INDICATORS}`, 'current', 1000 + i, '张三');
    if (!saved.ok) throw new Error('save failed');
  });
  row('save one edit (value + audit, strict)', edit.slice(5), putOne);

  const rosterEdit = await measure(40, async (i) => {
    const saved = await repo.updateRowFields(zoneId(0), [{ id: rosterIds[i] ?? '', fields: { totalInvestment: 5000 + i } }], '张三');
    if (!saved.ok) throw new Error('save failed');
  });
  row('save one roster cell (+ audit)', rosterEdit.slice(5), putOne);

  const FIELDS = ['totalInvestment', 'plannedOutput', 'batch', 'strategic', 'chain', 'industry', 'county', 'signedOn', 'activity', 'name'];
  const paste = await measure(5, async (run) => {
    const patches = rosterIds.slice(run * 1000, run * 1000 + 1000).map((id, r) => ({
      id,
      fields: Object.fromEntries(FIELDS.map((f, c) => [f, c < 2 ? run * 10_000 + r * 10 + c : `${f}-${run}-${r}`])),
    }));
    const saved = await repo.updateRowFields(zoneId(0), patches, '张三');
    if (!saved.ok || saved.value.changed !== 10_000) throw new Error(`paste failed: ${JSON.stringify(saved.ok ? saved.value.changed : saved.issues)}`);
  });
  row('paste 1,000 × 10 cells into the roster', paste, putMany, ' — writes 1,000 rows + 10,000 audit lines');

  const valuePaste = await measure(5, async (run) => {
    const cells = Array.from({ length: 10_000 }, (_, k) => ({ code: `p${Math.floor(k / 2)}`, column: k % 2 === 0 ? ('current' as const) : ('lastYear' as const), value: run * 100_000 + k }));
    const saved = await repo.saveValues({ returnId, who: '张三', cells });
    if (!saved.ok || saved.value.changed !== 10_000) throw new Error('value paste failed');
  });
  row('paste 10,000 indicator cells (1 return)', valuePaste, putMany, ' — writes 5,000 value rows + 10,000 audit lines');

  const exportStart = performance.now();
  const bytes = await repo.exportBackup();
  const exportMs = performance.now() - exportStart;
  console.log(`${'backup of the whole database (gzip)'.padEnd(42)} ${exportMs.toFixed(0).padStart(9)} ms  ${(exportMs / readMany.ms).toFixed(1).padStart(7)} × ${readMany.name.padEnd(14)} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB for ~320,000 rows)`);
  repo.close();
}

await main();
