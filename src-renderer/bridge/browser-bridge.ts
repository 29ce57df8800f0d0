import {
  BACKUP_FILTERS,
  LEDGER_FILTERS,
  MAX_FILE_BYTES,
  MAX_LEDGER_BYTES,
  type HostBridge,
  type LedgerPickArgs,
  type Picked,
  type PickedLedger,
} from '../../src-shared/ipc/contract';
import { safeFileName } from '../../src-shared/ipc/safe-file-name';
import type { LedgerFile, MappingTarget } from '../../src-shared/ledger/types';
import type { Result } from '../../src-shared/model/results';
import { name, version } from '../../package.json';
import { downloadFile } from './download-file';
import { pickFile } from './pick-file';
import { pickFolder } from './pick-folder';

export interface LedgerJob {
  bytes: Uint8Array;
  fileName: string;
  targets: MappingTarget[];
  sheet?: string;
}

export interface BrowserBridgeDeps {
  /** Parses a ledger off the UI thread (the Web Worker of src-renderer/excel); leaves `job.bytes` intact. */
  parseLedger(job: LedgerJob): Promise<Result<LedgerFile>>;
}

async function pickAndParseLedger(deps: BrowserBridgeDeps, args: LedgerPickArgs): Promise<Result<Picked<PickedLedger>>> {
  const picked = await pickFile(LEDGER_FILTERS, MAX_LEDGER_BYTES);
  if (!picked.ok) return picked;
  if (picked.value.kind === 'cancelled') return { ok: true, value: { kind: 'cancelled' }, issues: [] };
  const { name: fileName, bytes } = picked.value.file;
  const parsed = await deps.parseLedger({ bytes, fileName, targets: args.targets, ...(args.sheet === undefined ? {} : { sheet: args.sheet }) });
  if (!parsed.ok) return parsed;
  return { ok: true, value: { kind: 'picked', file: { name: fileName, bytes, ledger: parsed.value } }, issues: parsed.issues };
}

/** The bridge of the web build: a file picker for open dialogs, downloads for save dialogs. */
export function createBrowserBridge(deps: BrowserBridgeDeps): HostBridge {
  return {
    appInfo: async () => ({ name, version, host: 'web' }),
    pickAndReadLedger: (args) => pickAndParseLedger(deps, args),
    saveFile: async ({ suggestedName, bytes }) => downloadFile(safeFileName(suggestedName), bytes),
    openFile: ({ filters, maxBytes }) => pickFile(filters, Math.min(maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES)),
    openFolder: ({ extensions, maxBytes }) => pickFolder({ extensions, maxBytes: Math.min(maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES) }),
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
