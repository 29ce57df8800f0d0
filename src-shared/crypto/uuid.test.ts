import { describe, expect, it } from 'vitest';
import { isUuidV4, uuidV4 } from './uuid';

describe('uuidV4', () => {
  it('draws distinct, well-formed version-4 ids from Web Crypto', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidV4()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isUuidV4(id)).toBe(true);
  });

  it.each([['not-a-uuid'], ['ffffffff-ffff-1fff-bfff-ffffffffffff'], ['ffffffff-ffff-4fff-7fff-ffffffffffff'], ['FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF']])(
    'refuses %s',
    (text) => {
      expect(isUuidV4(text)).toBe(false);
    },
  );
});
