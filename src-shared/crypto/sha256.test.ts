import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, parseReturn } from '../return';
import { encodeUtf8, sha256Hex } from './sha256';

describe('sha256', () => {
  // FIPS 180-4 / NIST CAVP examples and well-known vectors.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('hashes %j', (input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });

  it('hashes one million "a"', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node crypto on every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length += 1) {
      const data = new Uint8Array(randomBytes(length));
      expect(sha256Hex(data), `length ${length}`).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('gives the digest the hand-written SHA-256 it replaced gave for a return\'s canonical JSON (workbooks already sent still verify)', () => {
    const parsed = parseReturn(JSON.parse(readFileSync(new URL('../../seeds/examples/jincheng-kfq-2024-q1.json', import.meta.url), 'utf8')));
    if (!parsed.ok) throw new Error('example return does not parse');
    expect(sha256Hex(canonicalJson(parsed.value))).toBe('83a074b28dd66a93f2847505ad71706643cba349b876c165b44489a1d9a68ed6');
  });

  it('hashes strings as UTF-8, Chinese text included', () => {
    const text = '晋城开发区 规上工业增加值108.78亿元 😀';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('encodeUtf8', () => {
  it.each([['ascii'], ['报送工作簿'], ['emoji 😀 and 𠀀'], ['lone \ud800 surrogate'], ['trailing \udc00'], ['\u0000\u007f\u0080\u07ff\u0800\uffff']])(
    'matches TextEncoder for %j',
    (text) => {
      expect(Array.from(encodeUtf8(text))).toEqual(Array.from(new TextEncoder().encode(text)));
    },
  );
});
