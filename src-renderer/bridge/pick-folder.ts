/**
 * A whole folder in the web build: the browser's folder picker (`<input webkitdirectory>`), and a
 * folder dropped on the window (DataTransferItem.webkitGetAsEntry, walked through every subfolder).
 * Electron does the same in main (the `folder:open` channel); both answer a PickedFolder.
 */
import { MAX_FOLDER_FILES, fileTooLargeIssue, fileUnreadableIssue, type OpenFolderArgs, type Picked, type PickedFile, type PickedFolder } from '../../src-shared/ipc/contract';
import type { Result, UserIssue } from '../../src-shared/model/results';
import { pickWithInput } from './pick-file';

/** The extension of a file name, lower case, without the dot. */
const extensionOf = (name: string): string => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
/** Office's lock files (~$高平.xlsx) sit beside an open workbook; they are never a submission. */
const isLockFile = (path: string): boolean => (path.split('/').at(-1) ?? '').startsWith('~$');

/** Reads the files of a folder that match, each with its path below the folder; the rest are left out. */
export async function readFolderFiles(folderName: string, found: { path: string; file: File }[], { extensions, maxBytes }: OpenFolderArgs): Promise<Result<Picked<PickedFolder>>> {
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  const matching = found.filter((f) => wanted.has(extensionOf(f.path)) && !isLockFile(f.path)).sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
  const issues: UserIssue[] = [];
  if (matching.length > MAX_FOLDER_FILES) {
    issues.push({ code: 'too-many-files', severity: 'warning', message: `文件夹“${folderName}”里有 ${matching.length} 个文件，只读取了前 ${MAX_FOLDER_FILES} 个。请把文件分到几个文件夹中再打开。`, location: { file: folderName } });
  }
  const files: PickedFile[] = [];
  for (const { path, file } of matching.slice(0, MAX_FOLDER_FILES)) {
    if (maxBytes !== undefined && file.size > maxBytes) {
      issues.push(fileTooLargeIssue(path, file.size, maxBytes));
      continue;
    }
    try {
      files.push({ name: path, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (error) {
      issues.push(fileUnreadableIssue(path, error instanceof Error ? error.message : String(error)));
    }
  }
  if (files.length === 0 && issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { kind: 'picked', file: { name: folderName, files } }, issues };
}

/** The browser's folder picker. The input stays in the document while open (`[data-bridge-folder-input]`) for e2e tests. */
export function pickFolder(args: OpenFolderArgs): Promise<Result<Picked<PickedFolder>>> {
  return pickWithInput(
    (input) => {
      input.webkitdirectory = true;
      input.multiple = true;
      input.setAttribute('data-bridge-folder-input', '');
    },
    (list) => {
      // webkitRelativePath is `一季度报送/高平/高平开发区.xlsx`: the folder's name, then the path below it.
      const first = list[0]!.webkitRelativePath.split('/')[0] || '文件夹';
      const found = list.map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/') || file.name, file }));
      return readFolderFiles(first, found, args);
    },
  );
}

/** The part of the File and Directory Entries API a drop gives (FileSystemEntry and its kinds). */
export interface DropEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (file: File) => void, failure: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DropEntry[]) => void, failure: (error: unknown) => void): void };
}

async function walk(entry: DropEntry, out: { path: string; file: File }[], inFolder: boolean, extensions: Set<string>): Promise<void> {
  if (entry.isFile && entry.file) {
    const path = entry.fullPath.replace(/^\//, '') || entry.name;
    // Files dropped themselves are all kept (the inbox says why one is not a submission); inside a
    // dropped folder only those with a wanted extension are.
    if (inFolder && (!extensions.has(extensionOf(entry.name)) || isLockFile(path))) return;
    const getFile = entry.file.bind(entry);
    out.push({ path, file: await new Promise<File>((resolve, reject) => getFile(resolve, reject)) });
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  const reader = entry.createReader();
  // readEntries answers in batches (Chromium: 100 at a time) until it answers an empty one.
  for (;;) {
    const batch = await new Promise<DropEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out, true, extensions);
  }
}

/**
 * What was dropped, folders walked: each file with its path (`一季度报送/高平开发区.xlsx` for a file
 * in a dropped folder). Where the browser gives no entries, the dropped files as they are.
 */
export async function droppedFiles(items: { webkitGetAsEntry(): DropEntry | null }[], files: File[], extensions: string[]): Promise<{ path: string; file: File }[]> {
  // Entries must be taken synchronously, before the first await: the DataTransfer empties after the event.
  const entries = items.map((i) => i.webkitGetAsEntry()).filter((e): e is DropEntry => e !== null);
  if (entries.length === 0) return files.map((file) => ({ path: file.name, file }));
  const out: { path: string; file: File }[] = [];
  const wanted = new Set(extensions.map((e) => e.toLowerCase()));
  for (const e of entries) await walk(e, out, false, wanted);
  return out;
}
