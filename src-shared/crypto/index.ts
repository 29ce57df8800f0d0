export { sha256, sha256Hex, toHex, encodeUtf8 } from './sha256';
export { uuidV4, isUuidV4 } from './uuid';
