/**
 * Storage benchmark (`npm run bench db`): the local database on fake-indexeddb (its figures are
 * printed labelled [fake-indexeddb]; the same measures in real Chromium are `npm run bench browser`), filled like a
 * busy install — 120 zones with 5 years of quarterly returns each (2,400 returns, 60 indicators
 * apiece), a ledger of 10,000 projects in the zone being edited (and 20 in each other zone), and
 * an audit log as long as the values table. Reported: opening a return (the `ZoneReturn` with
 * its 10,000-row roster), saving one edit, and pasting 1,000 × 10 cells — each as a median in
 * milliseconds and as a multiple of the raw IndexedDB work it stands for (no library between):
 * a put of one record, a put of 10,000 records in one transaction, a getAll of 10,000 records.
 * Each sample of an operation is taken right after a sample of its baseline, so both see the
 * same machine load (the CI box is shared); fake-indexeddb is far slower than Chromium's
 * IndexedDB, and the ratios carry over better than the milliseconds.
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

interface Paired {
  op: number[];
  base: number[];
}

/** Alternates a baseline sample and an operation sample, `runs` times; drops the first `warmup` pairs. */
async function paired(runs: number, warmup: number, base: (i: number) => Promise<unknown>, op: (i: number) => Promise<unknown>): Promise<Paired> {
  const result: Paired = { op: [], base: [] };
  for (let i = 0; i < runs; i += 1) {
    const [b] = await measure(1, () => base(i));
    const [o] = await measure(1, () => op(i));
    if (i >= warmup) {
      result.base.push(b ?? 0);
      result.op.push(o ?? 0);
    }
  }
  return result;
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

function row(label: string, sample: Paired, baseline: string, note = ''): void {
  const op = median(sample.op);
  const base = median(sample.base);
  console.log(
    `[fake-indexeddb] ${label.padEnd(40)} ${op.toFixed(2).padStart(9)} ms  ${(op / base).toFixed(1).padStart(6)} × ${baseline.padEnd(17)} (${base.toFixed(3)} ms; n=${sample.op.length}, op min ${Math.min(...sample.op).toFixed(2)} max ${Math.max(...sample.op).toFixed(2)})${note}`,
  );
}

async function main(): Promise<void> {
  console.log('Dexie on fake-indexeddb in Node (not a browser; both sides of each ratio on fake-indexeddb). Real Chromium figures: npm run bench browser.');
  const factory = new IDBFactory();
  const raw = await openRaw(factory);
  const rawRows = (run: number) => Array.from({ length: 10_000 }, (_, i) => sampleRow(i, run));
  await rawWrite(raw, rawRows(0));

  const open = async (): Promise<Repository> => {
    const opened = await openRepository({ name: 'bench', indexedDB: factory, IDBKeyRange });
    if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('\n'));
    return opened.value;
  };
  const filling = await open();
  const fillStart = performance.now();
  const { returnId, rosterIds } = await fill(filling);
  console.log(`fill time: ${((performance.now() - fillStart) / 1000).toFixed(1)} s\n`);
  filling.close();

  // App start: the version probe (the pre-upgrade backup check) and Dexie's open of the database.
  const rawOpen = async () => (await openRaw(factory)).close();
  row('open the database (app start)', await paired(6, 1, rawOpen, async () => (await open()).close()), 'raw open');
  const repo = await open();

  let rosterSize = 0;
  const load = await paired(20, 2, () => rawReadAll(raw), async () => {
    const loaded = await repo.loadReturn(returnId);
    if (!loaded.ok) throw new Error('load failed');
    rosterSize = loaded.value.zoneReturn.roster.length;
  });
  row('open a return (values, texts, roster)', load, 'raw getAll 10k', ` — roster of ${rosterSize} rows`);

  const putOne = (i: number) => rawWrite(raw, [sampleRow(i % 20, i)]);
  const edit = await paired(60, 5, putOne, async (i) => {
    const saved = await repo.saveValue(returnId, `i${i % INDICATORS}`, 'current', 1000 + i, '张三');
    if (!saved.ok) throw new Error('save failed');
  });
  row('save one edit (value + audit, strict)', edit, 'raw put 1');

  const rosterEdit = await paired(40, 5, putOne, async (i) => {
    const saved = await repo.updateRowFields(zoneId(0), [{ id: rosterIds[i] ?? '', fields: { totalInvestment: 5000 + i } }], '张三');
    if (!saved.ok) throw new Error('save failed');
  });
  row('save one roster cell (+ audit)', rosterEdit, 'raw put 1');

  const FIELDS = ['totalInvestment', 'plannedOutput', 'batch', 'strategic', 'chain', 'industry', 'county', 'signedOn', 'activity', 'name'];
  const paste = await paired(6, 1, (run) => rawWrite(raw, rawRows(run)), async (run) => {
    const patches = rosterIds.slice(run * 1000, run * 1000 + 1000).map((id, r) => ({
      id,
      fields: Object.fromEntries(FIELDS.map((f, c) => [f, c < 2 ? run * 10_000 + r * 10 + c : `${f}-${run}-${r}`])),
    }));
    const saved = await repo.updateRowFields(zoneId(0), patches, '张三');
    if (!saved.ok || saved.value.changed !== 10_000) throw new Error(`paste failed: ${JSON.stringify(saved.ok ? saved.value.changed : saved.issues)}`);
  });
  row('paste 1,000 × 10 cells into the roster', paste, 'raw put 10k', ' — writes 1,000 rows + 10,000 audit lines');

  const valuePaste = await paired(6, 1, (run) => rawWrite(raw, rawRows(run)), async (run) => {
    const cells = Array.from({ length: 10_000 }, (_, k) => ({ code: `p${Math.floor(k / 2)}`, column: k % 2 === 0 ? ('current' as const) : ('lastYear' as const), value: run * 100_000 + k }));
    const saved = await repo.saveValues({ returnId, who: '张三', cells });
    if (!saved.ok || saved.value.changed !== 10_000) throw new Error('value paste failed');
  });
  row('paste 10,000 indicator cells (1 return)', valuePaste, 'raw put 10k', ' — writes 5,000 value rows + 10,000 audit lines');

  // Baseline: what any backup must do: every store of the same database read raw, JSON, gzip.
  const benchDb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = factory.open('bench');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rawDump = async (): Promise<number> => {
    const names = [...benchDb.objectStoreNames];
    const tx = benchDb.transaction(names, 'readonly');
    const tables = await Promise.all(
      names.map(
        (name) =>
          new Promise<unknown[]>((resolve, reject) => {
            const req = tx.objectStore(name).getAll();
            req.onsuccess = () => resolve(req.result as unknown[]);
            req.onerror = () => reject(req.error);
          }),
      ),
    );
    const json = new TextEncoder().encode(JSON.stringify(Object.fromEntries(names.map((n, i) => [n, tables[i]]))));
    const gz = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    return gz.byteLength;
  };
  let size = 0;
  const backup = await paired(2, 0, rawDump, async () => {
    size = (await repo.exportBackup()).byteLength;
  });
  row('backup of the whole database (gzip)', backup, 'raw dump + gzip', ` — ${(size / 1024 / 1024).toFixed(1)} MiB for ~320,000 rows`);
  benchDb.close();
  repo.close();
  raw.close();
}

await main();
