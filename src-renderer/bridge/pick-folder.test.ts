import { describe, expect, it } from 'vitest';
import { HOST_ISSUE } from '../../src-shared/ipc/contract';
import { droppedFiles, readFolderFiles, type DropEntry } from './pick-folder';

const file = (name: string, bytes: number[] = [1]): File => new File([new Uint8Array(bytes)], name);
const fileEntry = (fullPath: string, bytes: number[] = [1]): DropEntry => ({
  isFile: true,
  isDirectory: false,
  name: fullPath.split('/').at(-1)!,
  fullPath,
  file: (ok) => ok(file(fullPath.split('/').at(-1)!, bytes)),
});
/** A folder whose reader answers in batches of two, then an empty batch, as Chromium's does in hundreds. */
const dirEntry = (fullPath: string, children: DropEntry[]): DropEntry => ({
  isFile: false,
  isDirectory: true,
  name: fullPath.split('/').at(-1)!,
  fullPath,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const batch = children.slice(at, at + 2);
        at += 2;
        setTimeout(() => ok(batch), 0);
      },
    };
  },
});

describe('a folder in the web build', () => {
  it('reads the matching files with their path below the folder, sorted; lock files and others left out', async () => {
    const r = await readFolderFiles('一季度', [
      { path: '沁水/沁水.xlsx', file: file('沁水.xlsx', [2]) },
      { path: '高平.XLSX', file: file('高平.XLSX', [1]) },
      { path: '~$高平.xlsx', file: file('~$高平.xlsx') },
      { path: '说明.docx', file: file('说明.docx') },
    ], { extensions: ['xlsx', 'json'] });
    expect(r).toEqual({ ok: true, value: { kind: 'picked', file: { name: '一季度', files: [{ name: '高平.XLSX', bytes: new Uint8Array([1]) }, { name: '沁水/沁水.xlsx', bytes: new Uint8Array([2]) }] } }, issues: [] });
    const big = await readFolderFiles('d', [{ path: 'a.xlsx', file: file('a.xlsx', [1, 2, 3]) }], { extensions: ['xlsx'], maxBytes: 2 });
    expect(big).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileTooLarge, location: { file: 'a.xlsx' } }] });
  });

  it('walks a dropped folder and its subfolders through every batch; files dropped themselves are all kept', async () => {
    const folder = dirEntry('/一季度', [fileEntry('/一季度/a.xlsx'), fileEntry('/一季度/b.txt'), dirEntry('/一季度/沁水', [fileEntry('/一季度/沁水/c.xlsx'), fileEntry('/一季度/沁水/~$c.xlsx')]), fileEntry('/一季度/d.json')]);
    const got = await droppedFiles([{ webkitGetAsEntry: () => folder }, { webkitGetAsEntry: () => fileEntry('/说明.docx') }], [], ['xlsx', 'json']);
    expect(got.map((g) => g.path)).toEqual(['一季度/a.xlsx', '一季度/沁水/c.xlsx', '一季度/d.json', '说明.docx']);
    // No entries (a browser without them): the dropped files as they are.
    const plain = await droppedFiles([{ webkitGetAsEntry: () => null }], [file('x.xlsx')], ['xlsx']);
    expect(plain.map((g) => g.path)).toEqual(['x.xlsx']);
  });
});
