/**
 * Text ledgers (CSV / TXT) come as UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"), GBK (what
 * Chinese Excel writes for plain "CSV") or UTF-16LE ("Unicode 文本"). We detect, never ask.
 * SheetJS ignores its codepage option for byte input, so we decode to a string ourselves.
 */
import { codepages } from './cptable';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';

/** Decodes UTF-8, or returns null at the first byte sequence that is not valid UTF-8. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | null {
  const chunks: string[] = [];
  let codes: number[] = [];
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b0 = bytes[i] as number;
    let cp: number;
    if (b0 < 0x80) {
      cp = b0;
      i += 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      const b1 = bytes[i + 1];
      if (b1 === undefined || (b1 & 0xc0) !== 0x80) return null;
      cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (b1 === undefined || b2 === undefined || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null;
      cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (b1 === undefined || b2 === undefined || b3 === undefined || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) return null;
      cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return null;
      i += 4;
    } else {
      return null;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      codes.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      codes.push(cp);
    }
    if (codes.length >= 8192) {
      chunks.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

function decodeUtf16(bytes: Uint8Array, start: number, bigEndian = false): string {
  const chunks: string[] = [];
  let codes: number[] = [];
  const lo = bigEndian ? 1 : 0;
  const hi = bigEndian ? 0 : 1;
  for (let i = start; i + 1 < bytes.length; i += 2) {
    codes.push((bytes[i + lo] as number) | ((bytes[i + hi] as number) << 8));
    if (codes.length >= 8192) {
      chunks.push(String.fromCharCode(...codes));
      codes = [];
    }
  }
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

/** UTF-16LE without a BOM: zeros in most odd bytes and almost no even ones (ASCII-range text). */
export function utf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return false;
  let oddZero = 0;
  let evenZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero += 1;
    if (bytes[i + 1] === 0) oddZero += 1;
  }
  return oddZero >= n / 2 / 3 && evenZero <= n / 2 / 50;
}

export function decodeGbk(bytes: Uint8Array): string {
  // Code page 936 is GBK; cptable's table also covers the GB2312 subset.
  return codepages.utils.decode(936, bytes);
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Strict(bytes, 3) ?? decodeGbk(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16be' };
  if (utf16WithoutBom(bytes)) return { text: decodeUtf16(bytes, 0), encoding: 'utf-16le' };
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeGbk(bytes), encoding: 'gbk' };
}
