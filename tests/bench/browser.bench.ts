/**
 * Browser benchmark (`npm run bench browser`): the web build in real Chromium (/usr/bin/chromium,
 * headless, driven by playwright-core), served on 127.0.0.1 as the e2e tests serve it, with the
 * database of browser-data.ts (120 zones × 5 years, 143,940 audit lines, a 10,000-project zone).
 * The database is seeded by raw IndexedDB puts from the page (fast, outside every measure).
 *
 * Each measure is taken in the page and paired with its raw-IndexedDB baseline in the same page,
 * the two sides interleaved (baseline, operation, baseline, …), ≥ 5 pairs, min and median printed:
 *  (a) open the 2024 Q4 return of the 10,000-project zone from the list until every section grid
 *      has its rows on screen (the frame after) — vs one read-only transaction of raw IndexedDB
 *      reading the same rows (the return, its values, texts, explanations and outbox, last year's
 *      return with its values and texts, and the zone's 10,000 ledger rows);
 *  (b) restore the backup file through 备份与恢复 (pick the file, 确认恢复, until 已从…恢复 shows) —
 *      vs gunzip + JSON.parse + a raw IndexedDB clear-and-put of the same rows into a database
 *      with the same stores and indexes, in one transaction;
 *  (c) a keystroke into 本期 of 规上工业增加值 until its 同比增长 shows the new figure (the frame it
 *      is painted in, measured from the key event's timestamp) — vs the first frame after the same
 *      key event (requestAnimationFrame): a ratio of 1.0 is "on screen in the next frame". The first
 *      keystroke after each opening is reported on its own as well.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { encodeBackup } from '../../src-renderer/db/backup';
import { DEFAULT_DB_NAME } from '../../src-renderer/db/schema';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { buildWeb, cspHeaderOfBuild, repoRoot } from '../../scripts/web-build.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumProblem } from '../e2e/chromium';
import { benchData, BIG_ZONE, OPEN_PERIOD } from './browser-data';

const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 7);
const RESTORE_PAIRS = Number(process.env['BENCH_RESTORE_PAIRS'] ?? 5);
const KEYS = '12345';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Pairs {
  op: number[];
  base: number[];
}

const results: Array<{ label: string; baseline: string; pairs: Pairs; goal: string }> = [];

function record(label: string, baseline: string, pairs: Pairs, goal: string): void {
  results.push({ label, baseline, pairs, goal });
  const { op, base } = pairs;
  console.log(`  ${label}: op ${op.map((x) => x.toFixed(0)).join(' ')} | base ${base.map((x) => x.toFixed(0)).join(' ')}`);
}

function printTable(): void {
  const head = ['measure (real Chromium)', 'min ms', 'median ms', 'baseline', 'base min', 'base median', 'ratio (medians)', 'n', 'goal'];
  const rows = results.map(({ label, baseline, pairs, goal }) => [
    label,
    Math.min(...pairs.op).toFixed(1),
    median(pairs.op).toFixed(1),
    baseline,
    Math.min(...pairs.base).toFixed(1),
    median(pairs.base).toFixed(1),
    `${(median(pairs.op) / median(pairs.base)).toFixed(2)} ×`,
    String(pairs.op.length),
    goal,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/** In the page: raw IndexedDB, no library — open, clear-and-put tables, read a return's rows. */
const RAW = `(() => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const done = (tx) => new Promise((resolve, reject) => { tx.oncomplete = () => resolve(); tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
  const open = (name) => req(indexedDB.open(name));
  async function unpack(url) {
    const bytes = await (await fetch(url)).arrayBuffer();
    const json = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    return JSON.parse(json).tables;
  }
  /** clear + put every row of tables into db, one transaction (strict durability, as the app). */
  async function write(db, tables) {
    const names = Object.keys(tables).filter((n) => db.objectStoreNames.contains(n));
    const tx = db.transaction(names, 'readwrite', { durability: 'strict' });
    for (const name of names) {
      const store = tx.objectStore(name);
      store.clear();
      for (const row of tables[name]) store.put(row);
    }
    await done(tx);
  }
  /** A database with the stores and indexes of 'from' (same key paths, same indexes). */
  async function cloneSchema(from, name) {
    const shape = [...from.objectStoreNames].map((n) => {
      const s = from.transaction(n).objectStore(n);
      return { n, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes: [...s.indexNames].map((i) => { const x = s.index(i); return { i, keyPath: x.keyPath, unique: x.unique, multiEntry: x.multiEntry }; }) };
    });
    await req(indexedDB.deleteDatabase(name));
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => {
      for (const s of shape) {
        const store = r.result.createObjectStore(s.n, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const x of s.indexes) store.createIndex(x.i, x.keyPath, { unique: x.unique, multiEntry: x.multiEntry });
      }
    };
    return req(r);
  }
  /** What the return's screen shows, read raw in one transaction. */
  async function readReturn(db, returnId, lastYearId, zoneId) {
    const tx = db.transaction(['returns', 'values', 'texts', 'explanations', 'rosterRows', 'outbox'], 'readonly');
    const range = (id) => IDBKeyRange.only(id);
    const got = await Promise.all([
      req(tx.objectStore('returns').get(returnId)),
      req(tx.objectStore('values').index('returnId').getAll(range(returnId))),
      req(tx.objectStore('texts').index('returnId').getAll(range(returnId))),
      req(tx.objectStore('explanations').index('returnId').getAll(range(returnId))),
      req(tx.objectStore('outbox').index('returnId').getAll(range(returnId))),
      req(tx.objectStore('returns').get(lastYearId)),
      req(tx.objectStore('values').index('returnId').getAll(range(lastYearId))),
      req(tx.objectStore('texts').index('returnId').getAll(range(lastYearId))),
      req(tx.objectStore('rosterRows').index('zoneId').getAll(range(zoneId))),
    ]);
    return got[8].length;
  }
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  async function until(test, timeout = 120000) {
    const start = performance.now();
    for (;;) {
      if (test()) return frame();
      if (performance.now() - start > timeout) throw new Error('timed out waiting in the page');
      await frame();
    }
  }
  return { open, unpack, write, cloneSchema, readReturn, frame, until };
})()`;

declare global {
  interface Window {
    benchRaw: {
      open(name: string): Promise<IDBDatabase>;
      unpack(url: string): Promise<Record<string, unknown[]>>;
      write(db: IDBDatabase, tables: Record<string, unknown[]>): Promise<void>;
      cloneSchema(from: IDBDatabase, name: string): Promise<IDBDatabase>;
      readReturn(db: IDBDatabase, returnId: string, lastYearId: string, zoneId: string): Promise<number>;
      frame(): Promise<number>;
      until(test: () => boolean, timeout?: number): Promise<number>;
    };
    benchDb?: IDBDatabase;
    benchRawDb?: IDBDatabase;
    benchTables?: Record<string, unknown[]>;
  }
}

async function installRaw(page: Page): Promise<void> {
  await page.evaluate(`window.benchRaw = ${RAW}`);
}

async function waitList(page: Page): Promise<void> {
  await page.locator(`tr[data-period="${OPEN_PERIOD}"] button`).waitFor({ timeout: 120_000 });
}

async function main(): Promise<void> {
  const problem = chromiumProblem();
  if (problem) throw new Error(problem);
  const tmp = join(repoRoot, 'tests', '.tmp');
  mkdirSync(tmp, { recursive: true });
  const outDir = mkdtempSync(join(tmp, 'bench-web-'));
  // BENCH_PROFILE=<dir>: keep the seeded browser profile there and reuse it next run (to work on the bench).
  const keptProfile = process.env['BENCH_PROFILE'];
  const profileDir = keptProfile ?? mkdtempSync(join(tmpdir(), 'zone-returns-bench-'));
  let close = async (): Promise<void> => undefined;
  let pageForShot: Page | undefined;
  try {
    const t0 = performance.now();
    await buildWeb({ quiet: true, outDir });
    const csp = cspHeaderOfBuild(outDir);
    const served = await serveStatic({ root: outDir, port: 0, headers: csp ? { 'Content-Security-Policy': csp } : {} });
    const { doc, counts } = benchData();
    const file = await encodeBackup(doc, { gzip: true });
    console.log(`web build + data: ${((performance.now() - t0) / 1000).toFixed(1)} s; backup file ${(file.byteLength / 1024 / 1024).toFixed(2)} MiB gzip; rows: ${Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}`);

    const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
    close = async () => {
      await context.close();
      await served.close();
    };
    // tsx (esbuild) wraps named functions in __name(…); the functions handed to page.evaluate need it in the page.
    await context.addInitScript('window.__name = (f) => f;');
    const page = context.pages()[0] ?? (await context.newPage());
    pageForShot = page;
    page.on('pageerror', (error) => console.log(`pageerror: ${error.message}`));
    const seedUrl = new URL('__bench__/seed.zrbak', served.url).toString();
    await page.route(seedUrl, (route) => route.fulfill({ body: Buffer.from(file), contentType: 'application/octet-stream' }));

    // Seed: the app creates its database (current schema) on first load; raw puts fill it; reload.
    await page.goto(served.url, { waitUntil: 'load' });
    await page.locator('#setting-zoneId, .app-nav').first().waitFor({ timeout: 120_000 });
    await installRaw(page);
    const seeded = (await page.locator('.app-nav').count()) > 0 ? 0 : await page.evaluate(async ({ name, url }) => {
      const start = performance.now();
      const db = await window.benchRaw.open(name);
      await window.benchRaw.write(db, await window.benchRaw.unpack(url));
      db.close();
      return performance.now() - start;
    }, { name: DEFAULT_DB_NAME, url: seedUrl });
    console.log(`seeded in the page by raw puts: ${(seeded / 1000).toFixed(1)} s`);
    await page.reload({ waitUntil: 'load' });
    await waitList(page);
    await installRaw(page);
    await page.evaluate(async (name) => {
      window.benchDb = await window.benchRaw.open(name);
      window.benchRawDb = await window.benchRaw.cloneSchema(window.benchDb, 'bench-raw-baseline');
    }, DEFAULT_DB_NAME);

    // ---- (a) open a return and (c) keystrokes, per opening --------------------------------------
    const returnId = `${BIG_ZONE}|${OPEN_PERIOD}`;
    const lastYearId = `${BIG_ZONE}|${OPEN_PERIOD.replace('2024', '2023')}`;
    const open: Pairs = { op: [], base: [] };
    const keys: Pairs = { op: [], base: [] };
    const firstKeys: Pairs = { op: [], base: [] };
    console.log(`\n(a) open a return + (c) keystrokes, ${PAIRS} openings in one page (the first is the first open after the page loaded; it counts too)`);
    // Every key event of a digit: when the growth of 规上工业增加值 changes on screen, and the first frame after the event.
    await page.evaluate(() => {
      const w = window as unknown as { benchKey?: { pending: Promise<[number, number]> | null } };
      const state: { pending: Promise<[number, number]> | null } = { pending: null };
      w.benchKey = state;
      window.addEventListener('keydown', (event) => {
        if (!/^[0-9]$/.test(event.key)) return;
        const growth = () => document.querySelector('.ag-row[row-id="gyzjz"] .ag-cell[col-id="growth"]')?.textContent ?? '';
        const before = growth();
        const stamp = event.timeStamp;
        const frame = new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now() - stamp)));
        const shown = window.benchRaw.until(() => growth() !== before, 10_000).then((t) => t - stamp);
        state.pending = Promise.all([shown, frame]);
      }, { capture: true });
    });
    for (let i = 0; i < PAIRS; i += 1) {
      const base = await page.evaluate(async ({ returnId, lastYearId, zoneId }) => {
        const db = window.benchDb;
        if (db === undefined) throw new Error('no raw connection');
        const start = performance.now();
        const n = await window.benchRaw.readReturn(db, returnId, lastYearId, zoneId);
        const end = await window.benchRaw.frame();
        if (n < 10_000) throw new Error(`raw read found ${n} ledger rows`);
        return end - start;
      }, { returnId, lastYearId, zoneId: BIG_ZONE });
      const op = await page.evaluate(async (period) => {
        const button = document.querySelector<HTMLButtonElement>(`tr[data-period="${period}"] button`);
        if (button === null) throw new Error('no list row');
        const start = performance.now();
        button.click();
        const end = await window.benchRaw.until(() => {
          const sections = [...document.querySelectorAll('section.section-grid')];
          return sections.length > 0 && sections.every((s) => s.querySelector('.ag-row .ag-cell[col-id="current"]') !== null || s.querySelector('.ag-overlay-no-rows-center, .ag-overlay') !== null);
        });
        return end - start;
      }, OPEN_PERIOD);
      open.base.push(base);
      open.op.push(op);

      // (c): the cell of 本期 of 规上工业增加值 selected, then digits typed (the first one starts the edit).
      await page.locator('.ag-row[row-id="gyzjz"] .ag-cell[col-id="current"]').first().click();
      for (let k = 0; k < KEYS.length; k += 1) {
        await page.keyboard.press(KEYS[k] ?? '1');
        const [shown, frame] = await page.evaluate(async () => {
          const w = window as unknown as { benchKey: { pending: Promise<[number, number]> | null } };
          const pending = w.benchKey.pending;
          w.benchKey.pending = null;
          if (pending === null) throw new Error('no key event seen');
          return pending;
        });
        keys.op.push(shown);
        keys.base.push(frame);
        if (k === 0) {
          firstKeys.op.push(shown);
          firstKeys.base.push(frame);
        }
      }
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /返回/ }).first().click();
      await waitList(page);
      const spent = await page.evaluate(() => {
        const sums = new Map<string, number>();
        for (const m of performance.getEntriesByType('measure')) sums.set(m.name, (sums.get(m.name) ?? 0) + m.duration);
        performance.clearMeasures();
        return [...sums].map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ');
      });
      console.log(`    in the app (performance measures, this opening and its keys): ${spent}`);
      console.log(`  opening ${i + 1}${i === 0 ? ' (first after load)' : ''}: ${op.toFixed(0)} ms (raw ${base.toFixed(0)} ms); keys ${keys.op.slice(-KEYS.length).map((x) => x.toFixed(0)).join(' ')} ms`);
    }
    record('(a) open a return of the 10,000-project zone to interactive', 'raw IndexedDB reads of the same rows', open, '≤ 300 ms, ≤ 1.5× raw');
    record('(c) keystroke → growth on screen (all keys)', 'one frame (rAF after the key)', keys, '≤ 16 ms, ≤ 1 frame');
    record('(c) first keystroke after opening', 'one frame (rAF after the key)', firstKeys, '≤ 16 ms, ≤ 1 frame');

    // ---- (b) restore through 备份与恢复 vs raw bulk write ---------------------------------------
    console.log(`\n(b) restore, ${RESTORE_PAIRS} pairs`);
    const restore: Pairs = { op: [], base: [] };
    await page.evaluate(async () => {
      window.benchRawDb = await window.benchRaw.open('bench-raw-baseline');
    });
    for (let i = 0; i < RESTORE_PAIRS; i += 1) {
      const base = await page.evaluate(async (url) => {
        const db = window.benchRawDb;
        if (db === undefined) throw new Error('no raw baseline database');
        const start = performance.now();
        await window.benchRaw.write(db, await window.benchRaw.unpack(url));
        return performance.now() - start;
      }, seedUrl);
      await page.getByRole('tab', { name: '备份与恢复' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '从备份恢复…' }).click();
      await (await chooser).setFiles({ name: 'bench.zrbak', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
      await page.getByRole('button', { name: '确认恢复' }).waitFor();
      // The first restore's progress bar, photographed while it runs (tests/.tmp/bench-restore-progress.png).
      const shot = i > 0 ? Promise.resolve() : page.locator('.restore-progress').waitFor({ timeout: 60_000 }).then(async () => {
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(tmp, 'bench-restore-progress.png') });
      }).catch((error: unknown) => console.log(`no progress screenshot: ${String(error)}`));
      const op = await page.evaluate(async () => {
        const confirm = [...document.querySelectorAll('button')].find((b) => b.textContent === '确认恢复');
        if (confirm === undefined) throw new Error('no 确认恢复');
        const start = performance.now();
        confirm.click();
        const end = await window.benchRaw.until(() => {
          const notices = [...document.querySelectorAll('.notice')].map((n) => n.textContent ?? '');
          if (notices.some((t) => t.includes('恢复备份时写入失败') || t.includes('不能恢复'))) throw new Error(notices.join('\n'));
          return notices.some((t) => t.includes('已从“bench.zrbak”恢复'));
        }, 600_000);
        return end - start;
      });
      await shot;
      restore.base.push(base);
      restore.op.push(op);
      const spent = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('restore:')).map((m) => `${m.name} ${m.duration.toFixed(0)}`).join(', '));
      console.log(`    in the app: ${spent}`);
      console.log(`  pair ${i + 1}: restore ${op.toFixed(0)} ms, raw ${base.toFixed(0)} ms`);
      // Dismiss the notice for the next pair: a fresh page.
      await page.reload({ waitUntil: 'load' });
      await waitList(page);
      await installRaw(page);
      await page.evaluate(async () => {
        window.benchRawDb = await window.benchRaw.open('bench-raw-baseline');
      });
    }
    record(`(b) restore a ${(file.byteLength / 1024 / 1024).toFixed(1)} MiB backup through 备份与恢复`, 'gunzip + parse + raw clear-and-put, 1 tx', restore, '≤ 3 s, ≤ 2× raw');
    printTable();
  } catch (error) {
    const page = pageForShot;
    if (page !== undefined) await page.screenshot({ path: join(tmp, 'bench-browser-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await close();
    rmSync(outDir, { recursive: true, force: true });
    if (keptProfile === undefined) rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();
