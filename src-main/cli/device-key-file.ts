/**
 * The CLI's device key: an Ed25519 secret key in a file readable by its owner only (the app keeps
 * its key non-extractable in WebCrypto, or under Electron's safeStorage). The server has only the
 * public key.
 */
import { getRandomValues } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fromHexString, keyPairFromSeed, nobleSigner, toHexString, type Device, type FetchLike } from '../../src-shared/collect-protocol';
import { open } from 'node:fs/promises';
import { nodeFs, writeFileAtomic, type AtomicFs } from '../files/atomic-write';

// The secret key is readable by its owner only, from the first byte written.
const ownerOnlyFs: AtomicFs = { ...nodeFs, create: (path) => open(path, 'wx', 0o600) };

export const KEY_FILE_FORMAT = 'zone-returns/device-key@1';

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  server: string;
  deviceId: string;
  role: 'zone' | 'reader';
  cityCode: string;
  zoneId: string | null;
  zoneName: string | null;
  publicKey: string;
  secretKey: string;
}

export function newSecretKey(): Uint8Array {
  return keyPairFromSeed(getRandomValues(new Uint8Array(32))).secretKey;
}

export function readKeyFile(path: string): { ok: true; key: KeyFile; device: Device } | { ok: false; message: string } {
  let key: KeyFile;
  try {
    key = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (error) {
    return { ok: false, message: `无法读取设备密钥文件 ${basename(path)}（${error instanceof Error ? error.message : String(error)}）。请先用 zone-returns enroll 登记本设备。` };
  }
  const secret = typeof key.secretKey === 'string' ? fromHexString(key.secretKey) : undefined;
  if (key.format !== KEY_FILE_FORMAT || !secret || secret.length !== 32 || typeof key.deviceId !== 'string') {
    return { ok: false, message: `${basename(path)} 不是本程序的设备密钥文件（${KEY_FILE_FORMAT}）。` };
  }
  return { ok: true, key, device: { deviceId: key.deviceId, signer: nobleSigner(secret) } };
}

export async function writeKeyFile(path: string, key: KeyFile): Promise<{ ok: true } | { ok: false; message: string }> {
  const saved = await writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(key, null, 2) + '\n'), ownerOnlyFs);
  return saved.kind === 'written' ? { ok: true } : { ok: false, message: saved.message };
}

export function secretHex(secret: Uint8Array): string {
  return toHexString(secret);
}

export const nodeFetch: FetchLike = async (url, init) => {
  const response = await fetch(url, { method: init.method, headers: init.headers, ...(init.body ? { body: Buffer.from(init.body) } : {}) });
  return { status: response.status, headers: response.headers, arrayBuffer: () => response.arrayBuffer() };
};

export const randomBytes = (n: number): Uint8Array => getRandomValues(new Uint8Array(n));
