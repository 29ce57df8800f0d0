/** The Electron implementation of HostServices: thin calls into dialog, fs and webContents. */
import { readdir } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import type { AppInfo } from '../../src-shared/ipc/contract';
import type { HostServices, WriteOutcome } from './host-services';
import { readFileLimited } from './read-file-limited';

export function createElectronHostServices(deps: {
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<WriteOutcome>;
  parseLedger: HostServices<WebContents>['parseLedger'];
}): HostServices<WebContents> {
  const windowOf = (owner: WebContents): BrowserWindow | null => BrowserWindow.fromWebContents(owner);
  return {
    appInfo: (): AppInfo => ({
      name: app.getName(),
      version: app.getVersion(),
      host: 'electron',
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    }),
    showOpenDialog: async (owner, { title, filters }) => {
      const window = windowOf(owner);
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showOpenFolderDialog: async (owner, { title }) => {
      const window = windowOf(owner);
      const options = { title, properties: ['openDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    listFolder: async (folder) => {
      try {
        const entries = await readdir(folder, { recursive: true, withFileTypes: true });
        return { kind: 'listed', files: entries.filter((e) => e.isFile()).map((e) => relative(folder, `${e.parentPath}${sep}${e.name}`).split(sep).join('/')) };
      } catch (error) {
        return { kind: 'error', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    showSaveDialog: async (owner, { title, defaultName, filters }) => {
      const window = windowOf(owner);
      const options = { title, defaultPath: defaultName, filters, properties: ['showOverwriteConfirmation' as const] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    readFile: readFileLimited,
    writeFileAtomic: deps.writeFileAtomic,
    parseLedger: deps.parseLedger,
    printToPdf: async (owner, { landscape, pageSize }) => {
      const pdf = await owner.printToPDF({ landscape, pageSize, printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
  };
}
