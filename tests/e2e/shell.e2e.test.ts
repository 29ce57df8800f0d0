import { afterEach, describe, expect, it } from 'vitest';
import { rosterTargets } from '../../src-shared/ledger';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import { cancelFilePick, captureDownload, discardProfile, exposeBridgeProbe, openApp, pickFile, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the web build in Chromium', () => {
  it('loads over http with the strict CSP, without console errors', async () => {
    app = await openApp();
    const { page } = app;
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect.poll(() => page.locator('#root').evaluate((root) => root.childElementCount)).toBeGreaterThan(0);
    expect(await page.title()).toBe('开发区季度指标填报');

    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self';");
    expect(meta).toContain("object-src 'none'");
    expect(meta).not.toContain('unsafe-eval');

    const response = await page.request.get(app.url);
    expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    await screenshot(page, 'shell-start');
    expect(app.errors).toEqual([]);
  });

  it('the CSP refuses an inline script', async () => {
    app = await openApp();
    const ran = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.head.append(script);
      return document.body.dataset.inlineRan === 'yes';
    });
    expect(ran).toBe(false);
    expect(app.errors.some((e) => e.includes('Content Security Policy'))).toBe(true);
  });
});

describe('the harness', () => {
  it('a killed browser keeps what IndexedDB committed, and the same profile opens again', async () => {
    app = await openApp();
    const { profileDir } = app;
    try {
      await app.page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('harness-probe', 1);
            open.onupgradeneeded = () => open.result.createObjectStore('kv');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('kv', 'readwrite', { durability: 'strict' });
              tx.objectStore('kv').put('已保存', 'value');
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
      );
      await app.kill();
      app = await openApp({ profileDir });
      const value = await app.page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('harness-probe', 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('kv').objectStore('kv').get('value');
              get.onsuccess = () => resolve(get.result);
              get.onerror = () => reject(get.error);
            };
          }),
      );
      expect(value).toBe('已保存');
    } finally {
      await app?.close();
      app = undefined;
      discardProfile(profileDir);
    }
  });
});

describe('the browser bridge', () => {
  it('print shows the browser print dialog', async () => {
    app = await openApp();
    await exposeBridgeProbe(app.page);
    const outcome = await app.page.evaluate(() => window.bridgeProbe!.printToPdf({ suggestedName: '报表.pdf', landscape: true, pageSize: 'A4' }));
    expect(outcome).toEqual({ ok: true, value: { kind: 'print-dialog' }, issues: [] });
  });


  it('reads and parses the ledger picked in the file chooser', async () => {
    app = await openApp();
    const { page } = app;
    await exposeBridgeProbe(page);
    const set = builtinIndicatorSets()[0];
    if (!set) throw new Error('no built-in indicator set');
    const targets = rosterTargets(set.roster.fields);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const csv = '2024年项目台账\n项目名称,总投资（亿元）\n甲项目,1.5\n乙项目,2\n';
    const result = await pickFile(
      page,
      () =>
        page.evaluate(async (targets) => {
          const picked = await window.bridgeProbe!.pickAndReadLedger({ targets });
          if (!picked.ok || picked.value.kind !== 'picked') return picked;
          const { name, bytes, ledger } = picked.value.file;
          const table = ledger.tables[0];
          return { name, text: new TextDecoder().decode(bytes), format: ledger.format, headers: table?.columns.map((c) => c.header), rows: table?.rows.length };
        }, targets),
      { name: '台账2024.csv', bytes: new TextEncoder().encode(csv) },
    );
    expect(result).toEqual({ name: '台账2024.csv', text: csv, format: 'csv', headers: ['项目名称', '总投资（亿元）'], rows: 2 });
    // Parsed off the UI thread, in the ledger Web Worker.
    expect(workers.some((url) => /ledger/.test(url))).toBe(true);
    expect(await page.locator('[data-bridge-file-input]').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('reports a cancelled file chooser as cancelled', async () => {
    app = await openApp();
    const { page } = app;
    await exposeBridgeProbe(page);
    const result = await cancelFilePick(page, () => page.evaluate(() => window.bridgeProbe!.pickBackup()));
    expect(result).toEqual({ ok: true, value: { kind: 'cancelled' }, issues: [] });
  });

  it('refuses a file over the size limit with a Chinese message', async () => {
    app = await openApp();
    const { page } = app;
    await exposeBridgeProbe(page);
    const outcome = await pickFile(
      page,
      () => page.evaluate(() => window.bridgeProbe!.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 4 })),
      { name: 'big.json', bytes: new TextEncoder().encode('{"a":1}') },
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.issues[0]?.code).toBe('file-too-large');
    expect(outcome.issues[0]?.message).toContain('big.json');
  });

  it('hands a saved file to the browser as a download under a safe name', async () => {
    app = await openApp();
    const { page } = app;
    await exposeBridgeProbe(page);
    let outcome: unknown;
    const download = await captureDownload(page, async () => {
      outcome = await page.evaluate(() =>
        window.bridgeProbe!.saveFile({ suggestedName: '../某开发区:2024年一季度.xlsx', bytes: new Uint8Array([80, 75, 3, 4]), filters: [] }),
      );
    });
    expect(download.fileName).toBe('某开发区_2024年一季度.xlsx');
    expect([...download.bytes]).toEqual([80, 75, 3, 4]);
    expect(outcome).toEqual({ ok: true, value: { kind: 'downloaded', fileName: '某开发区_2024年一季度.xlsx' }, issues: [] });
  });
});
