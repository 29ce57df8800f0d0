export { canonicalRequest, formatAuthHeader, parseAuthHeader, enrollmentProof, SIGNATURE_SCHEME, AUTH_HEADER, TIMESTAMP_WINDOW_MS, type RequestToSign, type AuthFields } from './canonical-request';
export { toBase64Url, fromBase64Url, toHexString, fromHexString, decodeUtf8 } from './encoding';
export { COLLECT_ERRORS, collectError, isCollectErrorCode, type CollectError, type CollectErrorCode } from './errors';
export { nobleSigner, keyPairFromSeed, verifySignature, signText, isPublicKey, type Signer, type KeyPair } from './signer';
export { webCryptoSigner, type Ed25519Subtle } from './webcrypto-signer';
export { checkSignatureRecord, type SignatureCheck } from './signature-record';
export { createCollectClient, type CollectClient, type CollectResult, type FetchLike, type FetchResponse, type ClientOptions, type Device } from './client';
export { checkPublishedIndicatorSet, indicatorSetChecksum } from './install-indicator-set';
export * from './types';
