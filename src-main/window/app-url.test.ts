import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainDefines } from '../../electron.vite.config';
import { appFileFor, contentTypeFor, devServerOrigin, isAppUrl, trustedDevOrigin } from './app-url';

const dev = 'http://localhost:5173';

describe('isAppUrl', () => {
  it.each([
    ['app://zone-returns/index.html', null, true],
    ['app://zone-returns/assets/x.js', null, true],
    ['app://other/index.html', null, false],
    ['app://user:pw@zone-returns/index.html', null, false],
    ['http://localhost:5173/', dev, true],
    ['http://localhost:5173/', null, false],
    ['http://localhost:5174/', dev, false],
    ['http://evil.example/', dev, false],
    ['file:///etc/passwd', null, false],
    ['https://zone-returns/', null, false],
    ['not a url', null, false],
  ])('%s (dev %s) → %s', (url, devOrigin, expected) => {
    expect(isAppUrl(url, devOrigin)).toBe(expected);
  });
});

describe('devServerOrigin', () => {
  it.each([
    [undefined, null],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['https://localhost:5173', null],
    ['http://example.com:5173', null],
    ['garbage', null],
  ])('%s → %s', (raw, expected) => {
    expect(devServerOrigin(raw)).toBe(expected);
  });
});

describe('trustedDevOrigin', () => {
  it('trusts the loopback dev server only in a main built by electron-vite dev', () => {
    expect(trustedDevOrigin(true, 'http://localhost:5173/')).toBe('http://localhost:5173');
    expect(trustedDevOrigin(false, 'http://localhost:5173/')).toBeNull();
    expect(trustedDevOrigin(false, 'http://127.0.0.1:4173/')).toBeNull();
    expect(trustedDevOrigin(true, 'http://example.com/')).toBeNull();
  });

  it('is written in as true by `electron-vite dev` only, false by `electron-vite build`', () => {
    expect(mainDefines('serve')).toEqual({ __ZR_DEV_SERVER__: 'true' });
    expect(mainDefines('build')).toEqual({ __ZR_DEV_SERVER__: 'false' });
  });
});

describe('appFileFor', () => {
  const root = join('/srv', 'renderer');
  it.each([
    ['app://zone-returns/', join(root, 'index.html')],
    ['app://zone-returns/index.html', join(root, 'index.html')],
    ['app://zone-returns/assets/index-abc.js?v=1', join(root, 'assets', 'index-abc.js')],
    ['app://zone-returns/%E5%8F%B0%E8%B4%A6.svg', join(root, '台账.svg')],
    ['app://zone-returns/../../etc/passwd', join(root, 'etc', 'passwd')],
    ['app://zone-returns/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc', 'passwd')],
    ['app://zone-returns/..%2f..%2fetc/passwd', null],
    ['app://zone-returns/a%00b', null],
    ['app://zone-returns/%E0%A4%A', null],
    ['app://elsewhere/index.html', null],
    ['file:///srv/renderer/index.html', null],
  ])('%s → %s', (url, expected) => {
    expect(appFileFor(root, url)).toBe(expected);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['x.svg', 'image/svg+xml'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(contentTypeFor(file)).toBe(type));
});
