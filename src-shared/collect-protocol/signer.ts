/**
 * Key operations are injected: the CLI keeps an Ed25519 secret key in a file (noble), the
 * browser build a non-extractable WebCrypto key, Electron a key under safeStorage. The protocol
 * only needs `sign`. Verification is pure (noble), the same on the server and in `verify`.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeUtf8 } from '../crypto';
import { fromBase64Url, toBase64Url } from './encoding';

export interface Signer {
  /** The device's Ed25519 public key (32 bytes), base64url. */
  publicKey: string;
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** A new Ed25519 key pair from 32 random bytes the caller supplies (crypto.getRandomValues). */
export function keyPairFromSeed(seed: Uint8Array): KeyPair {
  if (seed.length !== 32) throw new Error('Ed25519 seed must be 32 bytes');
  const secretKey = new Uint8Array(seed);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** A signer over a secret key held in memory (the CLI's key file). */
export function nobleSigner(secretKey: Uint8Array): Signer {
  const publicKey = toBase64Url(ed25519.getPublicKey(secretKey));
  return { publicKey, sign: async (message) => ed25519.sign(message, secretKey) };
}

/** True when `signature` (base64url) is `publicKey`'s (base64url) Ed25519 signature of the text. */
export function verifySignature(publicKey: string, text: string, signature: string): boolean {
  const key = fromBase64Url(publicKey);
  const sig = fromBase64Url(signature);
  if (!key || key.length !== 32 || !sig || sig.length !== 64) return false;
  try {
    return ed25519.verify(sig, encodeUtf8(text), key);
  } catch {
    // noble throws on a point that is not on the curve: a forged key, not a bug.
    return false;
  }
}

export async function signText(signer: Signer, text: string): Promise<string> {
  return toBase64Url(await signer.sign(encodeUtf8(text)));
}

export function isPublicKey(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const bytes = fromBase64Url(text);
  return bytes !== undefined && bytes.length === 32;
}
