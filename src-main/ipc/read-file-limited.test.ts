import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileLimited } from './read-file-limited';

const dir = mkdtempSync(join(tmpdir(), 'read-limited-'));
writeFileSync(join(dir, '台账.csv'), '项目,投资\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readFileLimited', () => {
  it('reads a file within the limit', async () => {
    const read = await readFileLimited(join(dir, '台账.csv'), 1024);
    expect(read.kind).toBe('read');
    if (read.kind === 'read') expect(new TextDecoder().decode(read.bytes)).toBe('项目,投资\n');
  });

  it('refuses a larger file by its size, before reading it', async () => {
    expect(await readFileLimited(join(dir, '台账.csv'), 4)).toEqual({ kind: 'too-large', sizeBytes: 14 });
  });

  it('reports a missing file and a directory as errors', async () => {
    expect(await readFileLimited(join(dir, 'none.csv'), 1024)).toMatchObject({ kind: 'error', detail: expect.stringContaining('ENOENT') });
    expect(await readFileLimited(dir, 1024)).toMatchObject({ kind: 'error' });
  });
});
