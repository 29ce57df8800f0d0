import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isPermissionAllowed, windowOpenDecision } from './navigation';

describe('navigation and new windows', () => {
  it.each([
    ['app://zone-returns/index.html', null, true],
    ['https://example.com/', null, false],
    ['file:///C:/Windows/', null, false],
    ['javascript:alert(1)', null, false],
    ['http://localhost:5173/', 'http://localhost:5173', true],
    ['http://localhost:5173/', null, false],
  ])('navigating to %s (dev %s) allowed: %s', (url, dev, allowed) => {
    expect(isNavigationAllowed(url, dev)).toBe(allowed);
  });

  it('denies every new window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it.each([
    ['clipboard-sanitized-write', 'app://zone-returns/index.html', true],
    ['clipboard-sanitized-write', 'https://example.com/', false],
    ['media', 'app://zone-returns/index.html', false],
    ['notifications', 'app://zone-returns/index.html', false],
    ['openExternal', 'app://zone-returns/index.html', false],
  ])('permission %s from %s granted: %s', (permission, url, granted) => {
    expect(isPermissionAllowed(permission, url, null)).toBe(granted);
  });
});
