/**
 * The main process wiring, with Electron replaced by a recording fake: what window it opens,
 * with which webPreferences, what it registers, and how it treats navigation and headers.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../src-shared/ipc/contract';
import { rendererCsp } from './window/csp';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appHandlers = new Map<string, Handler>();
  const windows: Array<{ options: unknown; loaded: string[] }> = [];
  const record = {
    appHandlers,
    windows,
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    ipcChannels: [] as string[],
    menuTemplate: [] as unknown[],
    headersListener: undefined as Handler | undefined,
    permissionRequest: undefined as Handler | undefined,
  };
  class BrowserWindow {
    static getAllWindows = (): BrowserWindow[] => [];
    static getFocusedWindow = (): BrowserWindow | null => null;
    static fromWebContents = (): BrowserWindow | null => null;
    webContents = { send: () => undefined };
    private readonly entry: { options: unknown; loaded: string[] };
    constructor(options: unknown) {
      this.entry = { options, loaded: [] };
      windows.push(this.entry);
    }
    once(): void {}
    async loadURL(url: string): Promise<void> {
      this.entry.loaded.push(url);
    }
  }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: Handler) => void appHandlers.set(event, handler),
      whenReady: () => Promise.resolve(),
      quit: () => undefined,
      getName: () => 'zone-returns',
      getVersion: () => '0.1.0',
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => void record.ipcChannels.push(channel) },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        record.menuTemplate = template;
        return template;
      },
      setApplicationMenu: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privileged.push(...schemes),
      handle: (scheme: string, handler: Handler) => void record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (listener: Handler) => void (record.headersListener = listener) },
        setPermissionRequestHandler: (handler: Handler) => void (record.permissionRequest = handler),
        setPermissionCheckHandler: () => undefined,
      },
    },
    dialog: {},
  };
  return { record, electron };
});

vi.mock('electron', () => fake.electron);
// The `?modulePath` import exists only in the electron-vite build.
vi.mock('./excel-host/bundled-ledger-worker', () => ({ bundledLedgerWorker: { url: new URL('file:///out/main/chunks/ledger-worker.js'), typescript: false } }));

const { record } = fake;

beforeAll(async () => {
  // Any page on loopback may be named here; a main built without `electron-vite dev` must ignore it.
  process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:5173/';
  await import('./index');
  await vi.waitFor(() => expect(record.windows).toHaveLength(1));
});

describe('the main process', () => {
  it('opens one window: isolated, sandboxed, no Node, web security, the CJS preload', () => {
    const options = record.windows[0]?.options;
    expect(options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
    });
    expect(options).toHaveProperty('webPreferences.preload', expect.stringMatching(/preload[\\/]index\.cjs$/));
  });

  it('loads the renderer from the privileged app:// scheme, not from ELECTRON_RENDERER_URL, in a built app', () => {
    expect(record.windows[0]?.loaded).toEqual(['app://zone-returns/index.html']);
    expect(record.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } }]);
    expect([...record.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('registers a handler for every channel of the contract', () => {
    expect([...record.ipcChannels].sort()).toEqual([...CHANNELS].sort());
  });

  it('sets the Chinese menu', () => {
    expect(record.menuTemplate.map((menu) => Reflect.get(Object(menu), 'label'))).toEqual(['文件', '编辑', '视图', '帮助']);
  });

  it('denies navigation away from the app, new windows and webviews in every web contents', () => {
    const created = record.appHandlers.get('web-contents-created');
    if (!created) throw new Error('no web-contents-created handler');
    const events = new Map<string, Handler>();
    let openHandler: Handler | undefined;
    created({}, { on: (event: string, handler: Handler) => void events.set(event, handler), setWindowOpenHandler: (h: Handler) => void (openHandler = h) });
    const attempt = (event: string, ...args: unknown[]): boolean => {
      let prevented = false;
      events.get(event)?.({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://zone-returns/index.html')).toBe(false);
    expect(attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(attempt('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('sends the header CSP with the app pages', () => {
    let answer: unknown;
    record.headersListener?.({ url: 'app://zone-returns/index.html', responseHeaders: {} }, (response: unknown) => (answer = response));
    expect(answer).toEqual({ responseHeaders: { 'Content-Security-Policy': [rendererCsp('header')], 'X-Content-Type-Options': ['nosniff'] } });
  });

  it('refuses permission requests such as the camera', () => {
    let granted: unknown;
    record.permissionRequest?.({ getURL: () => 'app://zone-returns/index.html' }, 'media', (value: unknown) => (granted = value));
    expect(granted).toBe(false);
  });
});
