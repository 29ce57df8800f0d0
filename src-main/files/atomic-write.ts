/**
 * Writes a file so that it is either wholly the new content or untouched: a temporary file in
 * the same folder (same volume, so the rename is atomic), write, fsync, rename over the target,
 * fsync the folder. A failure at any step removes the temporary file and leaves an earlier file
 * as it was.
 *
 * On Windows a file open in Excel or WPS cannot be replaced: rename fails with EBUSY, EPERM or
 * EACCES. That comes back as `busy`, with a plain message, and the UI offers 另存为.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileBusyIssue, fileUnwritableIssue } from '../../src-shared/ipc/contract';

export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the write makes, behind an interface so tests can make any of them fail. */
export interface AtomicFs {
  /** Creates a new file for writing; fails if it exists (flag `wx`). */
  create(path: string): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Flushes the folder entry after the rename; best effort (not possible on Windows). */
  syncDir(dir: string): Promise<void>;
  /** A unique suffix for the temporary file. */
  tempSuffix(): string;
}

export const nodeFs: AtomicFs = {
  create: (path) => open(path, 'wx'),
  rename,
  unlink,
  async syncDir(dir) {
    let handle: WritableHandle | undefined;
    try {
      handle = await open(dir, 'r');
      await handle.sync();
    } catch {
      // Windows cannot open a folder for fsync (EISDIR/EPERM); the rename is durable enough there.
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
  tempSuffix: () => randomBytes(6).toString('hex'),
};

export type AtomicWriteResult =
  | { kind: 'written'; path: string; bytesWritten: number }
  /** Held open by another program: offer 另存为. `message` is the Chinese text to show. */
  | { kind: 'busy'; path: string; errorCode: string; message: string }
  | { kind: 'error'; path: string; errorCode: string; detail: string; message: string };

const BUSY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

function errorCode(error: unknown): string {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** The reason in the clerk's words. */
export function describeWriteError(code: string, error: unknown): string {
  switch (code) {
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '超出磁盘配额';
    case 'EACCES':
    case 'EPERM':
      return '没有写入该文件夹的权限';
    case 'EROFS':
      return '磁盘或 U 盘是只读的';
    case 'ENOENT':
      return '文件夹不存在';
    case 'EISDIR':
      return '同名的文件夹已存在';
    case 'ENAMETOOLONG':
      return '文件名或路径太长';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, fs: AtomicFs = nodeFs): Promise<AtomicWriteResult> {
  const dir = dirname(path);
  const name = basename(path);
  const temp = join(dir, `.${name}.${fs.tempSuffix()}.tmp`);
  let handle: WritableHandle | undefined;
  let stage: 'create' | 'write' | 'rename' = 'create';
  try {
    handle = await fs.create(temp);
    stage = 'write';
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('写入了 0 字节'), { code: 'EIO' });
      offset += bytesWritten;
    }
    await handle.sync();
    const closing = handle;
    handle = undefined;
    await closing.close();
    stage = 'rename';
    await fs.rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (stage !== 'create') await fs.unlink(temp).catch(() => undefined);
    const code = errorCode(error);
    // Only the rename meets the target file; a refusal there means another program holds it.
    if ((stage === 'rename' && BUSY_CODES.has(code)) || code === 'EBUSY') {
      return { kind: 'busy', path, errorCode: code, message: fileBusyIssue(name).message };
    }
    const detail = describeWriteError(code, error);
    return { kind: 'error', path, errorCode: code, detail, message: fileUnwritableIssue(name, detail).message };
  }
  await fs.syncDir(dir);
  return { kind: 'written', path, bytesWritten: bytes.length };
}
