import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from './download-file';

describe('mimeTypeFor', () => {
  it.each([
    ['报送.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['报表.PDF', 'application/pdf'],
    ['备份.zrbak', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});
