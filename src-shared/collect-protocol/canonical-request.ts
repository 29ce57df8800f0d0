/**
 * What a device signs. Every signed request is reduced to one line-separated string; the server
 * rebuilds it from what it received and checks the Ed25519 signature against the device's
 * public key. The body enters through its SHA-256, so the record of an upload (this string and
 * its signature) later proves which device sent which workbook bytes.
 */
export const SIGNATURE_SCHEME = 'ZR1-Ed25519';
export const AUTH_HEADER = 'authorization';
/** How far a request's timestamp may be from the server's clock. */
export const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

export interface RequestToSign {
  deviceId: string;
  method: string;
  /** Path and query exactly as sent, e.g. `/api/v1/submissions?since=12`. */
  path: string;
  /** Milliseconds since 1970 (UTC). */
  timestamp: number;
  /** 16 or more random bytes, hex; never reused by a device. */
  nonce: string;
  /** SHA-256 of the body bytes in hex (of the empty string when there is none). */
  bodySha256: string;
}

export function canonicalRequest(r: RequestToSign): string {
  return [SIGNATURE_SCHEME, r.deviceId, r.method.toUpperCase(), r.path, String(r.timestamp), r.nonce, r.bodySha256.toLowerCase()].join('\n');
}

export interface AuthFields {
  deviceId: string;
  timestamp: number;
  nonce: string;
  /** Ed25519 signature of the canonical request, base64url. */
  signature: string;
}

/** `ZR1-Ed25519 device=<id>,ts=<ms>,nonce=<hex>,sig=<base64url>` */
export function formatAuthHeader(f: AuthFields): string {
  return `${SIGNATURE_SCHEME} device=${f.deviceId},ts=${f.timestamp},nonce=${f.nonce},sig=${f.signature}`;
}

/** Undefined when the header is not of the protocol's form (the server answers `unsigned`). */
export function parseAuthHeader(header: string | undefined): AuthFields | undefined {
  if (header === undefined) return undefined;
  const m = /^ZR1-Ed25519 device=([A-Za-z0-9-]{1,64}),ts=(\d{1,16}),nonce=([0-9a-f]{32,128}),sig=([A-Za-z0-9_-]{86})$/.exec(header.trim());
  if (!m) return undefined;
  return { deviceId: m[1]!, timestamp: Number(m[2]), nonce: m[3]!, signature: m[4]! };
}

/** What the enrolling device signs with its new key, to show it holds the private key. */
export function enrollmentProof(code: string, publicKey: string): string {
  return `${SIGNATURE_SCHEME}\nenroll\n${code}\n${publicKey}`;
}
