import type { AppInfo, FileFilter } from '../../src-shared/ipc/contract';
import type { LedgerFile, MappingTarget } from '../../src-shared/ledger/types';
import type { Result } from '../../src-shared/model/results';

export type ReadOutcome =
  | { kind: 'read'; bytes: Uint8Array }
  | { kind: 'too-large'; sizeBytes: number }
  | { kind: 'error'; detail: string };

export type WriteOutcome =
  | { kind: 'written' }
  /** The target is held open by another program (EBUSY / EPERM / EACCES on Windows). */
  | { kind: 'busy' }
  | { kind: 'error'; detail: string };

/**
 * What the IPC handlers need from the host, behind an interface so that the handlers are plain
 * code with fakes in their tests. `Owner` is the window that asked (Electron: its WebContents):
 * dialogs are attached to it and print-to-PDF prints it.
 */
export interface HostServices<Owner> {
  appInfo(): AppInfo;
  /** An open dialog main shows; the chosen path, or null when cancelled. */
  showOpenDialog(owner: Owner, options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder dialog main shows; the chosen folder's path, or null when cancelled. */
  showOpenFolderDialog(owner: Owner, options: { title: string }): Promise<string | null>;
  /** Every file below `folder` (subfolders included), as paths relative to it with '/' between parts. */
  listFolder(folder: string): Promise<{ kind: 'listed'; files: string[] } | { kind: 'error'; detail: string }>;
  /** A save dialog main shows; the chosen path, or null when cancelled. */
  showSaveDialog(owner: Owner, options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  readFile(path: string, maxBytes: number): Promise<ReadOutcome>;
  /** Writes via a temporary file, fsync and rename, so a failed write never leaves half a file. */
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<WriteOutcome>;
  /** Parses a ledger off the main thread (a worker with time and memory limits); leaves `job.bytes` intact. */
  parseLedger(job: { bytes: Uint8Array; fileName: string; targets: MappingTarget[]; sheet?: string }): Promise<Result<LedgerFile>>;
  /** Renders the owner's page to PDF; throws when Chromium cannot. */
  printToPdf(owner: Owner, options: { landscape: boolean; pageSize: 'A4' | 'A3' }): Promise<Uint8Array>;
}
