/**
 * UUID version 4 from Web Crypto's randomUUID, present in browsers (secure contexts: the web build
 * is served from 127.0.0.1 and the desktop app from the secure app:// scheme), Electron and
 * Node ≥ 20. Looked up at run time because the core's type-check has neither DOM nor Node types.
 */
interface RandomUuidSource {
  randomUUID(): string;
}

function hasRandomUuid(value: unknown): value is RandomUuidSource {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'randomUUID') === 'function';
}

export function uuidV4(): string {
  const webCrypto: unknown = Reflect.get(globalThis, 'crypto');
  if (!hasRandomUuid(webCrypto)) throw new Error('no Web Crypto randomUUID in this environment (not a secure context?)');
  return webCrypto.randomUUID();
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A lower-case version-4 UUID as randomUUID writes it. */
export function isUuidV4(text: string): boolean {
  return UUID_PATTERN.test(text);
}
