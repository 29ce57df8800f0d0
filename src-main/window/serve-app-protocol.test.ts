import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rendererCsp } from './csp';
import { createAppProtocolHandler } from './serve-app-protocol';

const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
const rendererDir = join(base, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
writeFileSync(join(base, 'secret.txt'), 'secret');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handle = createAppProtocolHandler(rendererDir);

describe('the app:// protocol handler', () => {
  it('serves the page with the CSP header', async () => {
    const response = await handle(new Request('app://zone-returns/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(rendererCsp('header'));
    expect(await response.text()).toContain('<title>t</title>');
  });

  it('serves scripts with their type and nosniff', async () => {
    const response = await handle(new Request('app://zone-returns/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['app://zone-returns/..%2fsecret.txt', 'app://zone-returns/missing.js', 'app://other/index.html'])('refuses %s', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(404);
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await handle(new Request('app://zone-returns/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});
