export { getBridge, isElectronHost } from './get-bridge';
export { createBrowserBridge } from './browser-bridge';
export { safeFileName } from '../../src-shared/ipc/safe-file-name';
export type {
  AppInfo,
  FileFilter,
  HostBridge,
  MenuCommand,
  Picked,
  PickedFile,
  SaveOutcome,
} from '../../src-shared/ipc/contract';
export { BACKUP_FILTERS, HOST_ISSUE, LEDGER_FILTERS, PDF_FILTERS } from '../../src-shared/ipc/contract';
