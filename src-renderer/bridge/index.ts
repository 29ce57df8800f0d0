export { getBridge, isElectronHost } from './get-bridge';
export { createBrowserBridge, type BrowserBridgeDeps, type LedgerJob } from './browser-bridge';
export { safeFileName } from '../../src-shared/ipc/safe-file-name';
export type {
  AppInfo,
  FileFilter,
  HostBridge,
  LedgerPickArgs,
  MenuCommand,
  Picked,
  PickedFile,
  PickedLedger,
  SaveOutcome,
} from '../../src-shared/ipc/contract';
export { BACKUP_FILTERS, HOST_ISSUE, LEDGER_FILTERS, PDF_FILTERS } from '../../src-shared/ipc/contract';
