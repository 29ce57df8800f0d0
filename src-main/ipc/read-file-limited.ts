import { readFile, stat } from 'node:fs/promises';
import type { ReadOutcome } from './host-services';

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = Reflect.get(error, 'code');
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** Reads a file whole unless it is larger than `maxBytes` (checked before reading). */
export async function readFileLimited(path: string, maxBytes: number): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { kind: 'error', detail: '所选的不是文件' };
    if (info.size > maxBytes) return { kind: 'too-large', sizeBytes: info.size };
    const bytes = await readFile(path);
    return { kind: 'read', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    return { kind: 'error', detail: describeError(error) };
  }
}
