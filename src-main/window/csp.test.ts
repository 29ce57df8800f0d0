import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspDirectives, rendererCsp } from './csp';

const indexHtml = readFileSync(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');

function directive(policy: string, name: string): string[] | undefined {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([n]) => n === name);
  return found?.slice(1);
}

describe('the renderer CSP', () => {
  it('index.html carries exactly the meta policy', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(indexHtml)?.[1];
    expect(meta).toBe(rendererCsp('meta'));
  });

  it.each(['meta', 'header'] as const)('%s: scripts only from the app itself, no eval, no plugins, no base or form targets', (delivery) => {
    const policy = rendererCsp(delivery);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'form-action')).toEqual(["'none'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http:', 'https:']);
    // http:/https: only for connect-src (the collection server is the clerk's choice), nowhere else.
    expect(policy.replace(/connect-src [^;]*/, '')).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(policy).not.toMatch(/unsafe-eval|\*/);
  });

  it('frame-ancestors only in the header (a meta tag cannot carry it)', () => {
    expect(directive(rendererCsp('header'), 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(rendererCsp('meta'), 'frame-ancestors')).toBeUndefined();
  });

  it('the dev policy opens only the inline preamble and the HMR websocket', () => {
    const dev = rendererCsp('header', { dev: { origin: 'http://localhost:5173' } });
    expect(directive(dev, 'script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directive(dev, 'connect-src')).toEqual(["'self'", 'http:', 'https:', 'ws://localhost:5173']);
    expect(cspDirectives('header').length).toBe(cspDirectives('meta').length + 1);
  });
});
