import { afterEach, describe, expect, it } from 'vitest';
import { cancelFilePick, captureDownload, exposeBridgeProbe, openApp, pickFile, screenshot, type OpenedApp } from './harness';

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

describe('the browser bridge', () => {
  it('reads the file picked in the file chooser', async () => {
    app = await openApp();
    const { page } = app;
    await exposeBridgeProbe(page);
    const result = await pickFile(
      page,
      () =>
        page.evaluate(async () => {
          const picked = await window.bridgeProbe!.pickAndReadLedger();
          return picked.ok && picked.value.kind === 'picked'
            ? { name: picked.value.file.name, text: new TextDecoder().decode(picked.value.file.bytes) }
            : picked;
        }),
      { name: '台账2024.csv', bytes: new TextEncoder().encode('项目名称,总投资\n甲,1\n') },
    );
    expect(result).toEqual({ name: '台账2024.csv', text: '项目名称,总投资\n甲,1\n' });
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
