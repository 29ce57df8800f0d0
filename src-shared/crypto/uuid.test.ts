import { describe, expect, it } from 'vitest';
import { isUuidV4, uuidV4 } from './uuid';

describe('uuidV4', () => {
  it('sets the version and variant bits of the given random bytes', () => {
    const id = uuidV4((bytes) => bytes.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('lays the bytes out in order', () => {
    const id = uuidV4((bytes) => {
      bytes.forEach((_, i) => (bytes[i] = i));
      return bytes;
    });
    expect(id).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });

  it('draws distinct, well-formed ids from the default source', () => {
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
