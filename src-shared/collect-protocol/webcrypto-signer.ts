/**
 * A signer over a WebCrypto Ed25519 key pair: what the browser build uses, with the private key
 * generated non-extractable (`generateKey('Ed25519', false, ['sign', 'verify'])`) and kept in
 * IndexedDB, so no script can read it out. `subtle` is injected: the core has no DOM types.
 */
import { toBase64Url } from './encoding';
import type { Signer } from './signer';

/** The part of SubtleCrypto the signer needs (method syntax: the platform's own types fit). */
export interface Ed25519Subtle {
  sign(algorithm: { name: 'Ed25519' }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  exportKey(format: 'raw', key: unknown): Promise<ArrayBuffer>;
}

export async function webCryptoSigner(subtle: Ed25519Subtle, pair: { privateKey: unknown; publicKey: unknown }): Promise<Signer> {
  const publicKey = toBase64Url(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
  return { publicKey, sign: async (message) => new Uint8Array(await subtle.sign({ name: 'Ed25519' }, pair.privateKey, message)) };
}
