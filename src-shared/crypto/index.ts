export { sha256, sha256Hex, toHex } from './sha256';
export { encodeUtf8 } from './utf8';
export { uuidV4, isUuidV4, defaultRandomSource, type RandomSource } from './uuid';
