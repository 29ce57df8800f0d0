/** UUID version 4 (RFC 9562) from 16 random bytes. */
import { toHex } from './sha256';

/** Fills and returns `bytes` with cryptographically strong random values. */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;

interface WebCryptoLike {
  getRandomValues(bytes: Uint8Array): Uint8Array;
}

function isWebCryptoLike(value: unknown): value is WebCryptoLike {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'getRandomValues') === 'function';
}

/**
 * Web Crypto's getRandomValues exists in browsers, Electron's renderer and Node ≥ 20 alike; it is
 * looked up at run time because the core's type-check has neither DOM nor Node types in scope.
 */
export function defaultRandomSource(): RandomSource {
  const webCrypto: unknown = Reflect.get(globalThis, 'crypto');
  if (!isWebCryptoLike(webCrypto)) throw new Error('no Web Crypto getRandomValues in this environment');
  return (bytes) => webCrypto.getRandomValues(bytes);
}

export function uuidV4(random: RandomSource = defaultRandomSource()): string {
  const bytes = random(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A lower-case version-4 UUID as `uuidV4` writes it. */
export function isUuidV4(text: string): boolean {
  return UUID_PATTERN.test(text);
}
