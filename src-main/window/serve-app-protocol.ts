import { readFile } from 'node:fs/promises';
import { appFileFor, contentTypeFor } from './app-url';
import { rendererCsp } from './csp';

/**
 * The app:// protocol handler: serves the built renderer from `rendererDir`, never anything
 * outside it; HTML pages carry the CSP header. A plain function of a Request so it is testable.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('method not allowed', { status: 405 });
    const file = appFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('not found', { status: 404 });
    }
    const type = contentTypeFor(file);
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = rendererCsp('header');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
