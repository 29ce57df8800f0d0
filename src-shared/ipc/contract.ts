/**
 * The one IPC contract: every request the renderer makes of its host (the Electron main process
 * through the preload, or the browser bridge in the web build), channel → argument and result types.
 * Main's handlers (src-main/ipc), the preload bridge (src-main/preload.ts) and the browser bridge
 * (src-renderer/bridge) are all typed from this file.
 *
 * Failures the user can cause (a file too large, a file held open by Excel) come back as
 * `Result` values with a Chinese message; a cancelled dialog is a normal outcome, not a failure.
 * Only bugs (malformed arguments, an untrusted sender) reject the promise.
 */
import { DEFAULT_LIMITS, type LedgerFile, type MappingTarget } from '../ledger/types';
import type { Result, UserIssue } from '../model/results';

/** A filter in an open or save dialog, e.g. `{ name: 'Excel 工作簿', extensions: ['xlsx'] }`. */
export interface FileFilter {
  name: string;
  /** Extensions without the dot. */
  extensions: string[];
}

/** A file the user picked, read whole. The host never tells the renderer where it lives. */
export interface PickedFile {
  /** The file's base name, e.g. `台账2024.xlsx`. */
  name: string;
  bytes: Uint8Array;
}

export type Picked<T> = { kind: 'picked'; file: T } | { kind: 'cancelled' };

export type SaveOutcome =
  /** Written (atomically) where the user chose in a save dialog: Electron. */
  | { kind: 'saved'; fileName: string }
  /** Handed to the browser as a download; the browser decides where it goes: web build. */
  | { kind: 'downloaded'; fileName: string }
  /** The browser's print dialog was shown (where the clerk can choose 另存为 PDF): web build. */
  | { kind: 'print-dialog' }
  | { kind: 'cancelled' };

export type HostKind = 'electron' | 'web';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** Electron, Chromium and Node versions under Electron; absent in the web build. */
  versions?: { electron: string; chrome: string; node: string };
}

export interface SaveFileArgs {
  /** Base name offered in the save dialog, e.g. `某开发区2024年一季度.xlsx`. No directories. */
  suggestedName: string;
  bytes: Uint8Array;
  filters: FileFilter[];
}

export interface OpenFileArgs {
  filters: FileFilter[];
  /** Larger files are refused with `file-too-large`; at most MAX_FILE_BYTES. */
  maxBytes?: number;
}

export interface OpenFolderArgs {
  /** Only files with these extensions (without the dot, lower case) are read, in every subfolder. */
  extensions: string[];
  /** Each file larger than this is left out with `file-too-large`; at most MAX_FILE_BYTES. */
  maxBytes?: number;
}

/** A folder the user picked: the files in it (and its subfolders) that matched, read whole. */
export interface PickedFolder {
  /** The folder's base name, e.g. `一季度报送`. */
  name: string;
  /** Each with its path below the folder, e.g. `高平/高平开发区.xlsx`. */
  files: PickedFile[];
}

/** No more files than this are read from one folder. */
export const MAX_FOLDER_FILES = 2000;

export interface PrintToPdfArgs {
  suggestedName: string;
  landscape: boolean;
  pageSize: 'A4' | 'A3';
}

export interface LedgerPickArgs {
  /** What columns can map to (rosterTargets / indicatorTargets of src-shared/ledger). */
  targets: MappingTarget[];
  /** Read only this sheet; every sheet when absent. */
  sheet?: string;
}

/** A ledger the user picked, with its bytes (to re-read another sheet) and what the reader found. */
export interface PickedLedger extends PickedFile {
  ledger: LedgerFile;
}

export interface BackupSaveArgs {
  suggestedName: string;
  bytes: Uint8Array;
}

/** channel → { args, result }. A channel whose args are `void` is called without arguments. */
export interface IpcContract {
  'app:info': { args: void; result: AppInfo };
  /**
   * The host shows its open dialog (the path never comes from the renderer), reads the ledger and
   * parses it off the UI thread (Electron: a worker_threads worker; web: a Web Worker). A file
   * that cannot be read comes back as `ok: false` with the reader's issues.
   */
  'ledger:pick-and-read': { args: LedgerPickArgs; result: Result<Picked<PickedLedger>> };
  /** Main opens a save dialog and writes the bytes atomically. `file-busy` means: offer 另存为. */
  'file:save': { args: SaveFileArgs; result: Result<SaveOutcome> };
  'file:open': { args: OpenFileArgs; result: Result<Picked<PickedFile>> };
  /**
   * Main shows a folder dialog and reads the matching files below it. Files it could not read come
   * back as issues beside the ones it read (`ok: true`); `ok: false` only when nothing could be read.
   */
  'folder:open': { args: OpenFolderArgs; result: Result<Picked<PickedFolder>> };
  /** Prints the asking window to PDF and saves it where the user chooses. */
  'print:to-pdf': { args: PrintToPdfArgs; result: Result<SaveOutcome> };
  'backup:save': { args: BackupSaveArgs; result: Result<SaveOutcome> };
  'backup:pick': { args: void; result: Result<Picked<PickedFile>> };
}

export type Channel = keyof IpcContract;
export type ArgsOf<K extends Channel> = IpcContract[K]['args'];
export type ResultOf<K extends Channel> = IpcContract[K]['result'];

export const CHANNELS = [
  'app:info',
  'ledger:pick-and-read',
  'file:save',
  'file:open',
  'folder:open',
  'print:to-pdf',
  'backup:save',
  'backup:pick',
] as const satisfies readonly Channel[];

// Compile-time proof that CHANNELS lists every channel of the contract.
type MissingChannels = Exclude<Channel, (typeof CHANNELS)[number]>;
const everyChannelListed: MissingChannels extends never ? true : MissingChannels = true;
void everyChannelListed;

/** Bridge method name → channel. The preload and the browser bridge expose exactly these names. */
export const BRIDGE_METHODS = {
  appInfo: 'app:info',
  pickAndReadLedger: 'ledger:pick-and-read',
  saveFile: 'file:save',
  openFile: 'file:open',
  openFolder: 'folder:open',
  printToPdf: 'print:to-pdf',
  saveBackup: 'backup:save',
  pickBackup: 'backup:pick',
} as const satisfies Record<string, Channel>;

export type BridgeMethod = keyof typeof BRIDGE_METHODS;

type Call<K extends Channel> = ArgsOf<K> extends void ? () => Promise<ResultOf<K>> : (args: ArgsOf<K>) => Promise<ResultOf<K>>;

/** Commands the host's menu sends to the renderer (文件 → 导入台账… and the like). */
export const MENU_COMMANDS = ['import-ledger', 'open-file', 'backup', 'restore', 'print', 'undo', 'redo', 'help', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
/** The one main → renderer channel. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** What `getBridge()` returns: one named function per channel, plus the menu subscription. */
export type HostBridge = { [M in BridgeMethod]: Call<(typeof BRIDGE_METHODS)[M]> } & {
  /** Calls `listener` for each menu command; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** Name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'zoneReturnsHost';

/** No file the app reads or writes is larger than this (ledgers, workbooks, backups, PDFs). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Ledgers larger than this are refused before they are read (the ledger reader's own limit). */
export const MAX_LEDGER_BYTES = DEFAULT_LIMITS.maxFileBytes;

export const LEDGER_FILTERS: FileFilter[] = [
  { name: 'Excel、WPS 或 CSV 台账', extensions: ['xlsx', 'xls', 'xlsm', 'et', 'ods', 'csv', 'txt'] },
];
/** The database backup (src-renderer/db/backup.ts): gzip-compressed JSON named `*.zrbak`. */
export const BACKUP_FILTERS: FileFilter[] = [{ name: '数据备份', extensions: ['zrbak'] }];
export const PDF_FILTERS: FileFilter[] = [{ name: 'PDF 文档', extensions: ['pdf'] }];

/** Issue codes the hosts return; the UI branches on them (e.g. `file-busy` → offer 另存为). */
export const HOST_ISSUE = {
  fileBusy: 'file-busy',
  fileTooLarge: 'file-too-large',
  fileUnreadable: 'file-unreadable',
  fileUnwritable: 'file-unwritable',
  printFailed: 'print-failed',
} as const;

export function fileBusyIssue(fileName: string): UserIssue {
  return {
    code: HOST_ISSUE.fileBusy,
    severity: 'error',
    message: `文件“${fileName}”正被其他程序（如 Excel 或 WPS）打开，无法写入。请关闭该文件后重试，或选择“另存为”换一个文件名保存。`,
    location: { file: fileName },
  };
}

export function fileTooLargeIssue(fileName: string, sizeBytes: number, maxBytes: number): UserIssue {
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  return {
    code: HOST_ISSUE.fileTooLarge,
    severity: 'error',
    message: `文件“${fileName}”有 ${mb(sizeBytes)} MB，超过了 ${mb(maxBytes)} MB 的上限。请确认选对了文件，或把台账拆成几个较小的文件再导入。`,
    location: { file: fileName },
  };
}

export function fileUnreadableIssue(fileName: string, detail: string): UserIssue {
  return {
    code: HOST_ISSUE.fileUnreadable,
    severity: 'error',
    message: `无法读取文件“${fileName}”（${detail}）。请确认文件存在且没有被其他程序独占，然后重试。`,
    location: { file: fileName },
  };
}

export function fileUnwritableIssue(fileName: string, detail: string): UserIssue {
  return {
    code: HOST_ISSUE.fileUnwritable,
    severity: 'error',
    message: `无法保存文件“${fileName}”（${detail}）。请换一个文件夹（例如“文档”或桌面）另存为，或检查磁盘空间。`,
    location: { file: fileName },
  };
}

export function printFailedIssue(detail: string): UserIssue {
  return {
    code: HOST_ISSUE.printFailed,
    severity: 'error',
    message: `生成 PDF 失败（${detail}）。请重试；若仍失败，请使用“文件 → 打印”直接打印。`,
  };
}
