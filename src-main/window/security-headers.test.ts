import { describe, expect, it } from 'vitest';
import { rendererCsp } from './csp';
import { withSecurityHeaders } from './security-headers';

describe('withSecurityHeaders', () => {
  it('adds the header CSP to the app own pages, replacing a looser one the server sent', () => {
    const headers = withSecurityHeaders(
      'app://zone-returns/index.html',
      { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] },
      null,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [rendererCsp('header')],
      'X-Content-Type-Options': ['nosniff'],
    });
  });

  it('gives the dev server pages the dev policy', () => {
    const headers = withSecurityHeaders('http://localhost:5173/', {}, 'http://localhost:5173');
    expect(headers['Content-Security-Policy']).toEqual([rendererCsp('header', { dev: { origin: 'http://localhost:5173' } })]);
  });

  it('leaves other responses alone', () => {
    const original = { 'Content-Type': ['text/html'] };
    expect(withSecurityHeaders('https://example.com/', original, null)).toBe(original);
  });
});
