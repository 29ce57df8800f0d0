/**
 * SHA-256 from @noble/hashes: audited, synchronous, and the same bytes in main, renderer,
 * workers and the server (Web Crypto's digest is async-only and absent from the core's lib).
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

export const toHex: (bytes: Uint8Array) => string = bytesToHex;

/** Text is hashed as its UTF-8 bytes (TextEncoder's: a lone surrogate becomes U+FFFD). */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(nobleSha256(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** UTF-8 bytes of a text, through TextEncoder (which @noble/hashes types for the core, which has no DOM or Node types). */
export const encodeUtf8: (text: string) => Uint8Array = utf8ToBytes;
