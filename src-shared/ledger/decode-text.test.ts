import { describe, expect, it } from 'vitest';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';
import { decodeText, decodeUtf8Strict } from './decode-text';

const gbk = (text: string): Uint8Array => {
  // The typings describe a different shape than the module namespace has.
  const out = (cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array | number[] } }).utils.encode(936, text);
  return out instanceof Uint8Array ? out : Uint8Array.from(out);
};

describe('decodeText', () => {
  const text = '项目名称,总投资\r\n晋城光伏项目,１２．５\r\n';
  it('reads UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
  });
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const body = new TextEncoder().encode(text);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...body]))).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('reads GBK when the bytes are not UTF-8', () => {
    expect(decodeText(gbk(text))).toEqual({ text, encoding: 'gbk' });
  });
  it('reads UTF-16LE with its BOM', () => {
    const bytes = [0xff, 0xfe];
    for (const ch of text) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
    expect(decodeText(Uint8Array.from(bytes))).toEqual({ text, encoding: 'utf-16le' });
  });
  it('rejects overlong and truncated UTF-8 sequences', () => {
    expect(decodeUtf8Strict(Uint8Array.from([0xc0, 0x80]))).toBeNull();
    expect(decodeUtf8Strict(Uint8Array.from([0xe9, 0xa1]))).toBeNull();
    expect(decodeUtf8Strict(new TextEncoder().encode('𠀀好'))).toBe('𠀀好');
  });
});
