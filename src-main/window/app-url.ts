/**
 * Where the app's own pages live. In a packaged or built app they are served from the privileged
 * `app://zone-returns/` scheme (main's protocol handler reads out/renderer/); under
 * `electron-vite dev` from the dev server on loopback. Anything else is foreign.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'zone-returns';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The dev server URL when it is a loopback http URL; anything else is refused (null). */
export function devServerOrigin(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The dev server the window may trust: only in a main process built by `electron-vite dev`
 * (`devBuild`, a constant the build writes in), never in a built app — an unpackaged build is
 * still a build, and any page on 127.0.0.1 named by ELECTRON_RENDERER_URL must not become the
 * trusted renderer with the dev CSP.
 */
export function trustedDevOrigin(devBuild: boolean, raw: string | undefined): string | null {
  return devBuild ? devServerOrigin(raw) : null;
}

/** True when `url` is one of the app's own pages (same origin as the app or the dev server). */
export function isAppUrl(url: string, devOrigin: string | null): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // For non-special schemes URL.origin is "null": compare protocol and host instead.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  return devOrigin !== null && parsed.origin === devOrigin;
}

/**
 * The file under `rendererDir` an app:// request asks for, or null when the request is not the
 * app's or would leave the directory.
 */
export function appFileFor(rendererDir: string, requestUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname}`);
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..') ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  const ext = /\.[^./\\]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
