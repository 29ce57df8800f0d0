/**
 * The Content Security Policy of the app's pages. One source: the meta tag in
 * src-renderer/index.html must equal `rendererCsp('meta')` (a test checks it), and main adds
 * `rendererCsp('header')` as a response header to the app's own pages.
 */

export type CspDelivery = 'meta' | 'header';

export interface CspOptions {
  /** The dev server (electron-vite dev) needs its HMR websocket and React Refresh's inline preamble. */
  dev?: { origin: string };
}

export function cspDirectives(delivery: CspDelivery, options: CspOptions = {}): Array<[string, string[]]> {
  const dev = options.dev;
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    // AG Grid injects its theme as <style> elements at run time, so inline styles must be allowed;
    // scripts stay strict, which is what matters.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    // 联网报送: the collection server's address is the clerk's choice (设置 → 联网报送), unknown
    // when the page is built, so any http(s) origin may be fetched; scripts stay 'self' only, and
    // the app's code sends only to the address in the settings, with every request signed.
    ['connect-src', dev ? ["'self'", 'http:', 'https:', dev.origin.replace(/^http/, 'ws')] : ["'self'", 'http:', 'https:']],
    // The Excel parse runs in a module worker built into the app's own files.
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  // Browsers ignore (and warn about) frame-ancestors in a meta tag: send it only as a header.
  if (delivery === 'header') directives.push(['frame-ancestors', ["'none'"]]);
  return directives;
}

export function rendererCsp(delivery: CspDelivery, options: CspOptions = {}): string {
  return cspDirectives(delivery, options)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
