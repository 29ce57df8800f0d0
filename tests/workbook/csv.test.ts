import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['"x,y","say ""hi"""\r\n', [['x,y', 'say "hi"']]],
    ['"two\nlines",z', [['two\nlines', 'z']]],
    [',,\n', [['', '', '']]],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});
