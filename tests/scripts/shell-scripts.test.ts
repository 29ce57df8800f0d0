import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { fileForRequest, serveStatic } from '../../scripts/serve-static.mjs';
import { repoRoot } from '../../scripts/web-build.mjs';

const base = mkdtempSync(join(tmpdir(), 'shell-scripts-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('fileForRequest (the web build static server)', () => {
  const root = join(base, 'dist-web');
  it.each([
    ['/', join(root, 'index.html')],
    ['/assets/a.js?x=1', join(root, 'assets', 'a.js')],
    ['/returns/2024', join(root, 'index.html')],
    ['/../../etc/passwd', join(root, 'index.html')],
    ['/%2e%2e/%2e%2e/etc/passwd.txt', join(root, 'etc', 'passwd.txt')],
    ['/..%2f..%2fetc%2fpasswd.txt', null],
    ['/a%00.js', null],
    ['/%E0%A4%A.js', null],
  ])('%s → %s', (url, expected) => {
    expect(fileForRequest(root, url)).toBe(expected);
  });
});

describe('serveStatic', () => {
  it('serves files on loopback with the given headers on HTML, and 404 for missing ones', async () => {
    const root = join(base, 'site');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>开发区</title>');
    writeFileSync(join(root, 'assets', 'a.js'), 'export {};');
    const served = await serveStatic({ root, port: 0, headers: { 'Content-Security-Policy': "default-src 'self'" } });
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(served.url);
      expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
      expect(await page.text()).toContain('开发区');
      const script = await fetch(new URL('assets/a.js', served.url));
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('content-security-policy')).toBeNull();
      expect((await fetch(new URL('assets/missing.js', served.url))).status).toBe(404);
      expect((await fetch(served.url, { method: 'POST', body: 'x' })).status).toBe(405);
    } finally {
      await served.close();
    }
  });
});

describe('electronBinary', () => {
  it('is null when the package has no downloaded binary', () => {
    const root = join(base, 'no-binary');
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinary({ root, env: {} })).toBeNull();
  });

  it('finds the binary named by path.txt', () => {
    const root = join(base, 'with-binary');
    mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(electronBinary({ root, env: {} })).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('is null when path.txt names a binary that is not there', () => {
    const root = join(base, 'stale');
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinary({ root, env: {} })).toBeNull();
  });
});

describe('npm start without the Electron binary', () => {
  it.skipIf(electronBinary() !== null)('explains in Chinese and English, points to npm run web, and exits non-zero', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const message = run.stderr.trim();
    expect(message).toContain('npm run web');
    expect(message).toContain('未安装 Electron');
    expect(message).toContain("Electron's binary is not installed");
    expect(message.split('\n')).toHaveLength(1);
  });
});
