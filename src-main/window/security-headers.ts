import { isAppUrl } from './app-url';
import { rendererCsp, type CspOptions } from './csp';

export type ResponseHeaders = Record<string, string[]>;

/**
 * Response headers for a response main sees in `session.webRequest.onHeadersReceived`: the app's
 * own pages get the CSP (and nosniff); a CSP the server sent is replaced, never merged, so a
 * looser one cannot survive. Other responses pass unchanged.
 */
export function withSecurityHeaders(url: string, headers: ResponseHeaders, devOrigin: string | null): ResponseHeaders {
  if (!isAppUrl(url, devOrigin)) return headers;
  const options: CspOptions = devOrigin && url.startsWith(devOrigin) ? { dev: { origin: devOrigin } } : {};
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !/^content-security-policy(-report-only)?$|^x-content-type-options$/i.test(name)),
  );
  return { ...kept, 'Content-Security-Policy': [rendererCsp('header', options)], 'X-Content-Type-Options': ['nosniff'] };
}
