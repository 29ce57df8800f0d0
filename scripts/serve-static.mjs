// A tiny static file server for the web build (no dependencies): used by `npm run web`
// (scripts/web.mjs) and by the end-to-end tests (tests/e2e/global-setup.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Maps a request path to a file under `root`, or null when it would leave `root`.
 * Paths without an extension fall back to index.html (the app is a single page).
 * @param {string} root
 * @param {string} urlPath
 * @returns {string | null}
 */
export function fileForRequest(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = resolve(root);
  if (pathname.endsWith('/')) pathname += 'index.html';
  if (extname(pathname) === '') pathname = '/index.html';
  const file = resolve(join(base, pathname));
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * Serves `root` on 127.0.0.1. `port` 0 picks a free port.
 * @param {{ root: string, port?: number, host?: string, headers?: Record<string, string> }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function serveStatic({ root, port = 0, host = '127.0.0.1', headers = {} }) {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileForRequest(root, req.url ?? '/');
    if (!file) {
      res.writeHead(400).end('bad path');
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(info.size),
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
          ...(extname(file) === '.html' ? headers : {}),
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      },
      () => res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}/`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
