/**
 * The device's Ed25519 key: made by WebCrypto with the private key non-extractable (Chromium ≥ 137
 * and Node 20 support Ed25519 in SubtleCrypto), kept as the CryptoKeyPair itself in IndexedDB
 * (structured clone keeps it usable and still unreadable). The signer is the protocol's own.
 */
import { webCryptoSigner, type Signer } from '../../src-shared/collect-protocol';

export async function createDeviceKey(subtle: SubtleCrypto): Promise<CryptoKeyPair> {
  return (await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
}

export function isKeyPair(value: unknown): value is CryptoKeyPair {
  return typeof value === 'object' && value !== null && 'privateKey' in value && 'publicKey' in value;
}

export async function deviceSigner(subtle: SubtleCrypto, pair: CryptoKeyPair): Promise<Signer> {
  return webCryptoSigner(subtle as never, pair);
}
