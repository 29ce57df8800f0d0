import { describe, expect, it } from 'vitest';
import { encodeForSheet, splitIntoParts } from './payload';

describe('encodeForSheet', () => {
  it.each([
    ['{"a":"_x0041_"}', '{"a":"\\u005fx0041_"}'],
    ['{"a":"\u007f\u0085\uffff\ufffe"}', '{"a":"\\u007f\\u0085\\uffff\\ufffe"}'],
    ['{"plain":"开发区 1.5"}', '{"plain":"开发区 1.5"}'],
  ])('%j', (json, stored) => {
    expect(encodeForSheet(json)).toBe(stored);
    // JSON.parse undoes the escapes: the stored text is the same data.
    expect(JSON.parse(encodeForSheet(json))).toEqual(JSON.parse(json));
  });
});

describe('splitIntoParts', () => {
  const json = JSON.stringify({ values: Array.from({ length: 500 }, (_, i) => ({ v: -i * 1.5, t: `@项目 ${i} =😀 ` })) });

  it.each([[7], [16], [100], [16_000]])('parts of at most %i characters join back, none starting with = + - @ or space, none ending in space', (size) => {
    const parts = splitIntoParts(json, size);
    expect(parts.join('')).toBe(json);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(size);
      expect(part).not.toMatch(/^[=+\-@\s]|\s$/);
      expect(/[\ud800-\udbff]$/.test(part)).toBe(false);
    }
  });

  it('keeps short text whole', () => {
    expect(splitIntoParts('{"a":1}', 100)).toEqual(['{"a":1}']);
  });
});
