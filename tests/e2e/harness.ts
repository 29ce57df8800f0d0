/**
 * Shared end-to-end harness: Chromium (playwright-core + /usr/bin/chromium) against the web build
 * that tests/e2e/global-setup.ts built and serves. Every test opens the app with a fresh profile.
 *
 *   const app = await openApp();
 *   try { …; await screenshot(app.page, 'return-form'); } finally { await app.close(); }
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { build } from 'vite';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const SCREENSHOT_DIR = join(import.meta.dirname, 'screenshots');

export interface OpenAppOptions {
  /** Reuse a profile (e.g. after `close({ keepProfile: true })` or `kill()`) instead of a fresh one. */
  profileDir?: string;
  /** Path (and query) under the app's URL; default the start page. */
  path?: string;
  viewport?: { width: number; height: number };
}

export interface OpenedApp {
  page: Page;
  /** The persistent browser context (one profile directory); `browser` is its alias. */
  context: BrowserContext;
  browser: BrowserContext;
  /** The app's base URL, http://127.0.0.1:PORT/. */
  url: string;
  profileDir: string;
  /** Console errors, page errors and failed requests seen so far. */
  errors: string[];
  /** Closes the browser; removes a fresh profile unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Kills the browser process with SIGKILL (no clean shutdown); the profile is kept. */
  kill(): Promise<void>;
}

/** The web build's URL; throws the clear install message when Chromium is missing. */
export function appUrl(): string {
  const problem = inject('chromiumProblem');
  if (problem) throw new Error(problem);
  return inject('webUrl');
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  return `console.${message.type()}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
}

/** Opens the app in Chromium with a fresh profile (or `profileDir`) and waits for it to load. */
export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  const url = appUrl();
  const freshProfile = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'zone-returns-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1440, height: 900 },
  });
  const errors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(describeConsole(message));
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A download's blob: navigation is reported as aborted; that is not an error of the app.
      if (!request.url().startsWith('blob:')) errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL(options.path ?? '', url).toString(), { waitUntil: 'load' });

  let closed = false;
  const removeProfile = (): void => {
    if (freshProfile) rmSync(profileDir, { recursive: true, force: true });
  };
  return {
    page,
    context,
    browser: context,
    url,
    profileDir,
    errors,
    close: async ({ keepProfile = false } = {}) => {
      if (!closed) {
        closed = true;
        await context.close();
      }
      if (!keepProfile) removeProfile();
    },
    kill: async () => {
      const pids = browserPidsFor(profileDir);
      if (pids.length === 0) throw new Error(`no Chromium process found for profile ${profileDir}`);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      closed = true;
      // The context's close resolves once Playwright notices the process is gone.
      await context.close().catch(() => undefined);
    },
  };
}

/** Removes a profile kept by `close({ keepProfile: true })` or `kill()`. */
export function discardProfile(profileDir: string): void {
  rmSync(profileDir, { recursive: true, force: true });
}

/** The Chromium browser process(es) this harness started with `profileDir` (Linux /proc). */
function browserPidsFor(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const isBrowser = !args.some((a) => a.startsWith('--type='));
    if (isBrowser && args.includes(`--user-data-dir=${profileDir}`)) pids.push(Number(entry));
  }
  return pids;
}

/** Saves a full-page screenshot as tests/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w\u4e00-\u9fff.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Puts `text` on the clipboard and presses Ctrl+V, as a clerk pasting a block copied from Excel
 * does. The app's origin needs clipboard permissions (`app.context.grantPermissions`).
 */
export async function pasteWithKeyboard(app: OpenedApp, text: string): Promise<void> {
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.page.keyboard.press('Control+V');
}

export interface FileToPick {
  name: string;
  bytes: Uint8Array;
  mimeType?: string;
}

/**
 * Runs `trigger` (e.g. a click on 导入台账…), answers the file chooser it opens with `file` (bytes
 * with a name, or a path on disk), and returns what `trigger` resolved to. The chooser listener is
 * attached before `trigger` runs: Playwright intercepts only choosers opened while it listens.
 */
export async function pickFile<T>(page: Page, trigger: () => Promise<T>, file: FileToPick | string): Promise<T> {
  const chooser = page.waitForEvent('filechooser');
  const triggered = trigger();
  await (await chooser).setFiles(
    typeof file === 'string'
      ? file
      : { name: file.name, mimeType: file.mimeType ?? 'application/octet-stream', buffer: Buffer.from(file.bytes) },
  );
  return triggered;
}

/** Runs `trigger`, cancels the file chooser it opens, and returns what `trigger` resolved to. */
export async function cancelFilePick<T>(page: Page, trigger: () => Promise<T>): Promise<T> {
  const chooser = page.waitForEvent('filechooser');
  const triggered = trigger();
  // Playwright cannot press a chooser's Cancel button; dispatch the event a cancelled picker fires.
  await (await chooser).element().dispatchEvent('cancel');
  return triggered;
}

export interface CapturedDownload {
  fileName: string;
  bytes: Buffer;
}

/** Runs `trigger` (e.g. a click on 导出报送工作簿) and returns the file the page downloaded. */
export async function captureDownload(page: Page, trigger: () => Promise<unknown>): Promise<CapturedDownload> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

let probeBundle: Promise<Map<string, { body: string | Uint8Array; type: string }>> | undefined;

/** The probe bundle, built in memory: its entry plus any worker chunks it references. */
async function buildBridgeProbe(): Promise<Map<string, { body: string | Uint8Array; type: string }>> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    base: '/__e2e__/',
    worker: { format: 'es' },
    build: {
      write: false,
      minify: false,
      lib: { entry: join(import.meta.dirname, 'bridge-probe-entry.ts'), formats: ['es'], fileName: 'bridge-probe' },
    },
  });
  const files = new Map<string, { body: string | Uint8Array; type: string }>();
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) continue;
    for (const item of result.output) {
      const type = item.fileName.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream';
      files.set(item.fileName, { body: item.type === 'chunk' ? item.code : item.source, type });
    }
  }
  if (!files.has('bridge-probe.js')) throw new Error(`bridge probe bundle was not produced (got ${[...files.keys()].join(', ')})`);
  return files;
}

/**
 * Puts the real browser bridge (src-renderer/bridge) on `window.bridgeProbe` in `page`, served from
 * the app's own origin under /__e2e__/ so the strict CSP admits it. For tests of the bridge itself;
 * screens' tests should click the screens instead.
 */
export async function exposeBridgeProbe(page: Page): Promise<void> {
  probeBundle ??= buildBridgeProbe();
  const files = await probeBundle;
  const base = new URL('__e2e__/', appUrl());
  await page.route(`${base.toString()}**`, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(base.pathname.length));
    const file = files.get(name);
    return file ? route.fulfill({ body: typeof file.body === 'string' ? file.body : Buffer.from(file.body), contentType: file.type }) : route.fulfill({ status: 404 });
  });
  await page.addScriptTag({ url: new URL('bridge-probe.js', base).toString(), type: 'module' });
  await page.waitForFunction(() => window.bridgeProbe !== undefined);
}
