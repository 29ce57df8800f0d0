// Test double of HostServices for the handler and registration tests: dialogs answer from a
// queue, files live in a Map, and every call is recorded.
import type { AppInfo, FileFilter } from '../../src-shared/ipc/contract';
import type { LedgerFile } from '../../src-shared/ledger/types';
import type { Result } from '../../src-shared/model/results';
import type { HostServices, ReadOutcome, WriteOutcome } from './host-services';

export interface FakeHost extends HostServices<string> {
  openAnswers: Array<string | null>;
  /** Folder dialog answers; the folder's files are the keys of `files` below it. */
  folderAnswers: Array<string | null>;
  saveAnswers: Array<string | null>;
  files: Map<string, Uint8Array>;
  busyPaths: Set<string>;
  pdf: Uint8Array | Error;
  /** What parseLedger answers; it records the job it was given. */
  ledgerAnswer: Result<LedgerFile>;
  ledgerJobs: Array<{ bytes: Uint8Array; fileName: string; sheet?: string; targetCodes: string[] }>;
  calls: Array<{ call: string; owner?: string; title?: string; defaultName?: string; filters?: FileFilter[]; path?: string }>;
}

export function createFakeHost(): FakeHost {
  const host: FakeHost = {
    openAnswers: [],
    folderAnswers: [],
    saveAnswers: [],
    files: new Map(),
    busyPaths: new Set(),
    pdf: new Uint8Array([37, 80, 68, 70]),
    calls: [],
    ledgerAnswer: {
      ok: true,
      value: { fileName: 'x.xlsx', format: 'xlsx', sheets: [], tables: [], issues: [] },
      issues: [],
    },
    ledgerJobs: [],
    appInfo: (): AppInfo => ({ name: 'zone-returns', version: '0.1.0', host: 'electron' }),
    showOpenDialog: async (owner, { title, filters }) => {
      host.calls.push({ call: 'open', owner, title, filters });
      return host.openAnswers.shift() ?? null;
    },
    showOpenFolderDialog: async (owner, { title }) => {
      host.calls.push({ call: 'open-folder', owner, title });
      return host.folderAnswers.shift() ?? null;
    },
    listFolder: async (folder) => {
      host.calls.push({ call: 'list', path: folder });
      if (folder.startsWith('/unreadable')) return { kind: 'error', detail: 'EACCES: permission denied' };
      return { kind: 'listed', files: [...host.files.keys()].filter((p) => p.startsWith(`${folder}/`)).map((p) => p.slice(folder.length + 1)) };
    },
    showSaveDialog: async (owner, { title, defaultName, filters }) => {
      host.calls.push({ call: 'save', owner, title, defaultName, filters });
      return host.saveAnswers.shift() ?? null;
    },
    readFile: async (path, maxBytes): Promise<ReadOutcome> => {
      host.calls.push({ call: 'read', path });
      const bytes = host.files.get(path);
      if (!bytes) return { kind: 'error', detail: 'ENOENT: no such file' };
      return bytes.byteLength > maxBytes ? { kind: 'too-large', sizeBytes: bytes.byteLength } : { kind: 'read', bytes };
    },
    writeFileAtomic: async (path, bytes): Promise<WriteOutcome> => {
      host.calls.push({ call: 'write', path });
      if (host.busyPaths.has(path)) return { kind: 'busy' };
      if (path.startsWith('/readonly/')) return { kind: 'error', detail: 'EROFS: read-only file system' };
      host.files.set(path, bytes);
      return { kind: 'written' };
    },
    parseLedger: async ({ bytes, fileName, sheet, targets }) => {
      host.calls.push({ call: 'parse' });
      host.ledgerJobs.push({ bytes, fileName, targetCodes: targets.map((t) => t.code), ...(sheet === undefined ? {} : { sheet }) });
      return host.ledgerAnswer;
    },
    printToPdf: async (owner) => {
      host.calls.push({ call: 'print', owner });
      if (host.pdf instanceof Error) throw host.pdf;
      return host.pdf;
    },
  };
  return host;
}
