import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, writeFileAtomic, type AtomicFs, type WritableHandle } from './atomic-write';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zr-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, with one step made to fail. */
function failing(step: 'create' | 'write' | 'sync' | 'rename', code: string, options: { partial?: boolean } = {}): AtomicFs {
  return {
    ...nodeFs,
    async create(path) {
      if (step === 'create') throw fsError(code);
      const real = await nodeFs.create(path);
      const handle: WritableHandle = {
        async write(buffer, offset, length) {
          if (step === 'write') {
            // Half the bytes reach the disk before the failure, as when the disk fills up.
            if (options.partial) await real.write(buffer, offset, Math.floor(length / 2));
            throw fsError(code);
          }
          return real.write(buffer, offset, length);
        },
        async sync() {
          if (step === 'sync') throw fsError(code);
          return real.sync();
        },
        close: () => real.close(),
      };
      return handle;
    },
    async rename(from, to) {
      if (step === 'rename') throw fsError(code);
      return nodeFs.rename(from, to);
    },
  };
}

const earlier = new Uint8Array([1, 2, 3, 4]);
const later = new Uint8Array(Array.from({ length: 100_000 }, (_, i) => i % 256));

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file', async () => {
    const path = join(dir, '报送.xlsx');
    const result = await writeFileAtomic(path, later);
    expect(result).toEqual({ kind: 'written', path, bytesWritten: later.length });
    expect(new Uint8Array(readFileSync(path))).toEqual(later);
    expect(readdirSync(dir)).toEqual(['报送.xlsx']);
  });

  it('replaces an earlier file whole', async () => {
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, earlier);
    expect((await writeFileAtomic(path, later)).kind).toBe('written');
    expect(new Uint8Array(readFileSync(path))).toEqual(later);
  });

  it('writes in several calls when the OS takes fewer bytes at a time', async () => {
    const path = join(dir, 'short-writes.xlsx');
    const fs: AtomicFs = {
      ...nodeFs,
      async create(p) {
        const real = await nodeFs.create(p);
        return { write: (b, o, l) => real.write(b, o, Math.min(l, 4096)), sync: () => real.sync(), close: () => real.close() };
      },
    };
    expect((await writeFileAtomic(path, later, fs)).kind).toBe('written');
    expect(new Uint8Array(readFileSync(path))).toEqual(later);
  });

  it.each([
    ['EBUSY', 'busy'],
    ['EPERM', 'busy'],
    ['EACCES', 'busy'],
    ['EXDEV', 'error'],
  ] as const)('a rename refused with %s (file open in Excel/WPS) is %s; the earlier file is intact', async (code, kind) => {
    const path = join(dir, '晋城开发区.xlsx');
    writeFileSync(path, earlier);
    const result = await writeFileAtomic(path, later, failing('rename', code));
    expect(result.kind).toBe(kind);
    if (result.kind === 'busy') {
      expect(result.message).toContain('晋城开发区.xlsx');
      expect(result.message).toContain('另存为');
      expect(result.errorCode).toBe(code);
    }
    expect(new Uint8Array(readFileSync(path))).toEqual(earlier);
    expect(readdirSync(dir)).toEqual(['晋城开发区.xlsx']);
  });

  it.each([
    ['write', 'ENOSPC', '磁盘空间不足'],
    ['sync', 'EIO', 'EIO: simulated'],
    ['create', 'EACCES', '没有写入该文件夹的权限'],
    ['create', 'EROFS', '只读'],
  ] as const)('a failed %s (%s) reports why and leaves the earlier file intact', async (step, code, reason) => {
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, earlier);
    const result = await writeFileAtomic(path, later, failing(step, code, { partial: true }));
    expect(result.kind).toBe('error');
    if (result.kind === 'error') {
      expect(result.errorCode).toBe(code);
      expect(result.detail).toContain(reason);
      expect(result.message).toContain('另存为');
    }
    expect(new Uint8Array(readFileSync(path))).toEqual(earlier);
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });

  it('a failed write where there was no earlier file leaves nothing behind', async () => {
    const path = join(dir, 'new.xlsx');
    const result = await writeFileAtomic(path, later, failing('write', 'ENOSPC', { partial: true }));
    expect(result.kind).toBe('error');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports a folder that does not exist', async () => {
    const result = await writeFileAtomic(join(dir, 'missing', 'a.xlsx'), later);
    expect(result).toMatchObject({ kind: 'error', errorCode: 'ENOENT', detail: '文件夹不存在' });
  });
});
