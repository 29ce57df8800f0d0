/**
 * The Electron main process: one window showing the renderer from the privileged app:// scheme,
 * the security checklist applied (see docs/architecture.md, "Shell and bridge"), the Chinese menu
 * and the IPC handlers. The logic lives in src-main/window and src-main/ipc as plain, tested
 * modules; this file only wires them to Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session } from 'electron';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../src-shared/ipc/contract';
import { parseLedgerInWorker } from './excel/parse-in-worker';
import { bundledLedgerWorker } from './excel-host/bundled-ledger-worker';
import { writeFileAtomic } from './files/atomic-write';
import { createElectronHostServices } from './ipc/electron-host-services';
import { createHandlers } from './ipc/handlers';
import { registerIpcHandlers } from './ipc/register';
import { APP_SCHEME, APP_START_URL, isAppUrl, trustedDevOrigin } from './window/app-url';
import { mainWindowOptions } from './window/main-window-options';
import { menuTemplate } from './window/menu-template';
import { isNavigationAllowed, isPermissionAllowed, windowOpenDecision } from './window/navigation';
import { withSecurityHeaders } from './window/security-headers';
import { createAppProtocolHandler } from './window/serve-app-protocol';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');
// Only a main process built by `electron-vite dev` may load from the loopback dev server.
const devOrigin = trustedDevOrigin(__ZR_DEV_SERVER__ && !app.isPackaged, process.env.ELECTRON_RENDERER_URL);

// Must happen before `ready`: app:// behaves like https (secure context, IndexedDB, fetch, and
// module scripts and workers, which Chromium fetches in CORS mode).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
]);

// Two instances would share one IndexedDB; the second one focuses the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, devOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(windowOpenDecision);
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

function sendMenuCommand(command: MenuCommand): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withSecurityHeaders(details.url, details.responseHeaders ?? {}, devOrigin) });
  });
  ses.setPermissionRequestHandler((contents, permission, grant) => grant(isPermissionAllowed(permission, contents.getURL(), devOrigin)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, devOrigin));

  const host = createElectronHostServices({
    writeFileAtomic: (path, bytes) => writeFileAtomic(path, bytes),
    parseLedger: (job) => parseLedgerInWorker(job, {}, bundledLedgerWorker),
  });
  registerIpcHandlers(ipcMain, createHandlers(host), {
    isTrustedUrl: (url) => isAppUrl(url, devOrigin),
    ownerOf: (event) => event.sender,
    onRefused: (channel, reason) => console.error(`[ipc] ${channel} refused: ${reason}`),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ send: sendMenuCommand, quit: () => app.quit() }, { isMac: process.platform === 'darwin', isDev: devOrigin !== null }),
    ),
  );

  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devOrigin && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : APP_START_URL);
}
