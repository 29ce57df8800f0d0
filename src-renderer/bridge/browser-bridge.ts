import {
  BACKUP_FILTERS,
  LEDGER_FILTERS,
  MAX_FILE_BYTES,
  MAX_LEDGER_BYTES,
  type HostBridge,
} from '../../src-shared/ipc/contract';
import { name, version } from '../../package.json';
import { downloadFile } from './download-file';
import { pickFile } from './pick-file';
import { safeFileName } from '../../src-shared/ipc/safe-file-name';

/** The bridge of the web build: a file picker for open dialogs, downloads for save dialogs. */
export function createBrowserBridge(): HostBridge {
  return {
    appInfo: async () => ({ name, version, host: 'web' }),
    pickAndReadLedger: () => pickFile(LEDGER_FILTERS, MAX_LEDGER_BYTES),
    saveFile: async ({ suggestedName, bytes }) => downloadFile(safeFileName(suggestedName), bytes),
    openFile: ({ filters, maxBytes }) => pickFile(filters, Math.min(maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES)),
    printToPdf: async () => {
      // The browser cannot write a PDF by itself; its print dialog offers 另存为 PDF.
      window.print();
      return { ok: true, value: { kind: 'print-dialog' }, issues: [] };
    },
    saveBackup: async ({ suggestedName, bytes }) => downloadFile(safeFileName(suggestedName), bytes),
    pickBackup: () => pickFile(BACKUP_FILTERS, MAX_FILE_BYTES),
    // A browser page has no application menu: nothing ever arrives.
    onMenuCommand: () => () => undefined,
  };
}
