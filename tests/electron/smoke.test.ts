/**
 * Electron build and smoke test: `electron-vite build` must work everywhere (it needs no Electron
 * binary); then the built app is launched with Playwright's Electron driver and the window must be
 * the app's page with the bridge and no Node in the page. Where no Electron binary is installed
 * (it cannot be downloaded here), the launch is skipped loudly.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { HostBridge } from '../../src-shared/ipc/contract';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { repoRoot } from '../../scripts/web-build.mjs';

const binary = electronBinary();
if (!binary) {
  console.warn(
    '[tests/electron/smoke.test.ts] SKIPPED: the Electron binary is not installed (node_modules/electron/dist is missing and ' +
      'cannot be downloaded here), so the desktop app cannot be launched. The web build is tested by tests/e2e instead.',
  );
}

const out = join(repoRoot, 'out');

describe('the Electron build (npm run build)', () => {
  it('builds main, a one-file CommonJS preload and the renderer', { timeout: 180_000 }, () => {
    const build = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);

    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    // A sandboxed preload is a classic script that may require only 'electron'.
    expect([...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld');

    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/chunks\/ledger-worker-[\w-]+\.js/);

    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`content="default-src 'self'; script-src 'self';`);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe('the Electron app', () => {
  const test = binary ? it : it.skip;
  test('starts on the app:// page with the bridge and no Node in the page', { timeout: 180_000 }, async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: [repoRoot], cwd: repoRoot });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('load');
      expect(page.url()).toBe('app://zone-returns/index.html');
      expect(await page.title()).toBe('开发区季度指标填报');
      const inPage = await page.evaluate(() => ({
        hasRequire: typeof Reflect.get(window, 'require') === 'function',
        hasProcess: typeof Reflect.get(window, 'process') === 'object',
        bridgeMethods: Object.keys(Reflect.get(window, 'zoneReturnsHost') ?? {}).sort(),
      }));
      expect(inPage).toEqual({
        hasRequire: false,
        hasProcess: false,
        bridgeMethods: ['appInfo', 'onMenuCommand', 'openFile', 'pickAndReadLedger', 'pickBackup', 'printToPdf', 'saveBackup', 'saveFile'],
      });
      const info = await page.evaluate(() => (Reflect.get(window, 'zoneReturnsHost') as HostBridge).appInfo());
      expect(info).toMatchObject({ host: 'electron' });
    } finally {
      await app.close();
    }
  });
});
