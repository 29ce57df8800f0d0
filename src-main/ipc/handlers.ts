/**
 * Main's side of the IPC contract: one handler per channel, typed from src-shared/ipc/contract.ts.
 * Every path comes from a dialog opened here; the renderer only ever names a suggested file name.
 */
import { basename, join } from 'node:path';
import {
  BACKUP_FILTERS,
  LEDGER_FILTERS,
  MAX_FILE_BYTES,
  MAX_FOLDER_FILES,
  MAX_LEDGER_BYTES,
  PDF_FILTERS,
  fileBusyIssue,
  fileTooLargeIssue,
  fileUnreadableIssue,
  fileUnwritableIssue,
  printFailedIssue,
  type ArgsOf,
  type Channel,
  type FileFilter,
  type LedgerPickArgs,
  type OpenFolderArgs,
  type PickedFolder,
  type Picked,
  type PickedFile,
  type PickedLedger,
  type ResultOf,
  type SaveOutcome,
} from '../../src-shared/ipc/contract';
import { safeFileName } from '../../src-shared/ipc/safe-file-name';
import type { Result } from '../../src-shared/model/results';
import type { HostServices } from './host-services';

export interface HandlerContext<Owner> {
  /** The window that asked. */
  owner: Owner;
}

export type Handler<K extends Channel, Owner> = (args: ArgsOf<K>, context: HandlerContext<Owner>) => Promise<ResultOf<K>>;
export type Handlers<Owner> = { [K in Channel]: Handler<K, Owner> };

const cancelled = { ok: true, value: { kind: 'cancelled' }, issues: [] } as const satisfies Result<SaveOutcome> & Result<Picked<PickedFile>>;

async function pickAndRead<Owner>(
  host: HostServices<Owner>,
  owner: Owner,
  title: string,
  filters: FileFilter[],
  maxBytes: number,
): Promise<Result<Picked<PickedFile>>> {
  const path = await host.showOpenDialog(owner, { title, filters });
  if (path === null) return cancelled;
  const name = basename(path);
  const read = await host.readFile(path, maxBytes);
  switch (read.kind) {
    case 'read':
      return { ok: true, value: { kind: 'picked', file: { name, bytes: read.bytes } }, issues: [] };
    case 'too-large':
      return { ok: false, issues: [fileTooLargeIssue(name, read.sizeBytes, maxBytes)] };
    case 'error':
      return { ok: false, issues: [fileUnreadableIssue(name, read.detail)] };
  }
}

async function pickAndParseLedger<Owner>(host: HostServices<Owner>, owner: Owner, args: LedgerPickArgs): Promise<Result<Picked<PickedLedger>>> {
  const picked = await pickAndRead(host, owner, '选择要导入的台账', LEDGER_FILTERS, MAX_LEDGER_BYTES);
  if (!picked.ok) return picked;
  if (picked.value.kind === 'cancelled') return cancelled;
  const { name, bytes } = picked.value.file;
  const job = { bytes, fileName: name, targets: args.targets, ...(args.sheet === undefined ? {} : { sheet: args.sheet }) };
  const parsed = await host.parseLedger(job);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { kind: 'picked', file: { name, bytes, ledger: parsed.value } }, issues: parsed.issues };
}

/** Shows the folder dialog and reads every file below it whose extension is one asked for. */
async function pickAndReadFolder<Owner>(host: HostServices<Owner>, owner: Owner, { extensions, maxBytes }: OpenFolderArgs): Promise<Result<Picked<PickedFolder>>> {
  const folder = await host.showOpenFolderDialog(owner, { title: '选择文件夹' });
  if (folder === null) return cancelled;
  const name = basename(folder);
  const listed = await host.listFolder(folder);
  if (listed.kind === 'error') return { ok: false, issues: [fileUnreadableIssue(name, listed.detail)] };
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const matching = listed.files
    .filter((f) => wanted.has(/\.([^./]+)$/.exec(f)?.[1]?.toLowerCase() ?? '') && !basename(f).startsWith('~$'))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const limit = Math.min(maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES);
  const files: PickedFile[] = [];
  const issues: Result<unknown>['issues'] = [];
  if (matching.length > MAX_FOLDER_FILES) {
    issues.push({ code: 'too-many-files', severity: 'warning', message: `文件夹“${name}”里有 ${matching.length} 个文件，只读取了前 ${MAX_FOLDER_FILES} 个。请把文件分到几个文件夹中再打开。`, location: { file: name } });
  }
  for (const rel of matching.slice(0, MAX_FOLDER_FILES)) {
    const read = await host.readFile(join(folder, rel), limit);
    if (read.kind === 'read') files.push({ name: rel, bytes: read.bytes });
    else issues.push(read.kind === 'too-large' ? fileTooLargeIssue(rel, read.sizeBytes, limit) : fileUnreadableIssue(rel, read.detail));
  }
  if (files.length === 0 && issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { kind: 'picked', file: { name, files } }, issues };
}

/** Adds the filter's first extension when the user typed a name without one. */
export function withExtension(path: string, filters: FileFilter[]): string {
  const ext = filters[0]?.extensions[0];
  if (!ext || ext === '*' || /\.[^./\\]+$/.test(basename(path))) return path;
  return `${path}.${ext}`;
}

async function saveWithDialog<Owner>(
  host: HostServices<Owner>,
  owner: Owner,
  title: string,
  suggestedName: string,
  filters: FileFilter[],
  produce: () => Promise<Result<Uint8Array>>,
): Promise<Result<SaveOutcome>> {
  const chosen = await host.showSaveDialog(owner, { title, defaultName: safeFileName(suggestedName), filters });
  if (chosen === null) return cancelled;
  const path = withExtension(chosen, filters);
  const name = basename(path);
  const bytes = await produce();
  if (!bytes.ok) return bytes;
  const written = await host.writeFileAtomic(path, bytes.value);
  switch (written.kind) {
    case 'written':
      return { ok: true, value: { kind: 'saved', fileName: name }, issues: [] };
    case 'busy':
      return { ok: false, issues: [fileBusyIssue(name)] };
    case 'error':
      return { ok: false, issues: [fileUnwritableIssue(name, written.detail)] };
  }
}

export function createHandlers<Owner>(host: HostServices<Owner>): Handlers<Owner> {
  return {
    'app:info': async () => host.appInfo(),
    'ledger:pick-and-read': async (args, { owner }) => pickAndParseLedger(host, owner, args),
    'file:open': async ({ filters, maxBytes }, { owner }) =>
      pickAndRead(host, owner, '打开文件', filters, Math.min(maxBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES)),
    'folder:open': async (args, { owner }) => pickAndReadFolder(host, owner, args),
    'backup:pick': async (_args, { owner }) => pickAndRead(host, owner, '选择要恢复的备份文件', BACKUP_FILTERS, MAX_FILE_BYTES),
    'file:save': async ({ suggestedName, bytes, filters }, { owner }) =>
      saveWithDialog(host, owner, '保存文件', suggestedName, filters, async () => ({ ok: true, value: bytes, issues: [] })),
    'backup:save': async ({ suggestedName, bytes }, { owner }) =>
      saveWithDialog(host, owner, '保存数据备份', suggestedName, BACKUP_FILTERS, async () => ({ ok: true, value: bytes, issues: [] })),
    'print:to-pdf': async ({ suggestedName, landscape, pageSize }, { owner }) =>
      saveWithDialog(host, owner, '导出 PDF', suggestedName, PDF_FILTERS, async () => {
        try {
          return { ok: true, value: await host.printToPdf(owner, { landscape, pageSize }), issues: [] };
        } catch (error) {
          return { ok: false, issues: [printFailedIssue(error instanceof Error ? error.message : String(error))] };
        }
      }),
  };
}
