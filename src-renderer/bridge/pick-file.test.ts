import { describe, expect, it } from 'vitest';
import { HOST_ISSUE } from '../../src-shared/ipc/contract';
import { acceptFromFilters, readPicked } from './pick-file';

describe('acceptFromFilters', () => {
  it.each([
    [[{ name: 'Excel', extensions: ['xlsx', 'XLS'] }], '.xlsx,.xls'],
    [[{ name: 'a', extensions: ['csv'] }, { name: 'b', extensions: ['zrbak'] }], '.csv,.zrbak'],
    [[], ''],
    [[{ name: 'Excel', extensions: ['xlsx'] }, { name: '所有文件', extensions: ['*'] }], ''],
  ])('%j → %s', (filters, accept) => {
    expect(acceptFromFilters(filters)).toBe(accept);
  });
});

describe('readPicked', () => {
  it('reads a file within the limit', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], '台账.csv');
    expect(await readPicked(file, 3)).toEqual({ ok: true, value: { kind: 'picked', file: { name: '台账.csv', bytes: new Uint8Array([1, 2, 3]) } }, issues: [] });
  });

  it('refuses a larger one without reading it', async () => {
    const result = await readPicked(new File([new Uint8Array(10)], 'big.xlsx'), 9);
    expect(result).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileTooLarge, location: { file: 'big.xlsx' } }] });
  });
});
