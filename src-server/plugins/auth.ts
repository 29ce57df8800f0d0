/**
 * Every request but health, readiness and enrollment is signed by an enrolled device
 * (header `Authorization: ZR1-Ed25519 device=…,ts=…,nonce=…,sig=…`). The checks, in order:
 * the header's form, the timestamp window, the device (known, not revoked), the Ed25519
 * signature over the canonical request (which names the body's SHA-256), the rate limit, and
 * last the nonce — claimed only once the signature holds, so a forger cannot use up nonces.
 * A request that passes records the device as seen (at most one write a minute per device).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canonicalRequest, parseAuthHeader, TIMESTAMP_WINDOW_MS, verifySignature } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import { findDevice, noteSeen, type DeviceRow } from '../model/query/devices';
import { claimNonce } from '../model/query/request-nonces';
import { sendError } from '../reply-error';
import type { createRateLimiter } from './rate-limit';

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceRow;
    /** The canonical request and signature as received, kept with an upload. */
    signed?: { canonical: string; signature: string };
  }
}

export function bodySha256(request: FastifyRequest): string {
  return createHash('sha256').update(request.rawBody ?? Buffer.alloc(0)).digest('hex');
}

export function deviceAuth(db: Database, limiter: ReturnType<typeof createRateLimiter>, now: () => number = () => Date.now()) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    // Failures count against the address, so guessing device ids or signatures is slowed down too.
    const refuse = (code: Parameters<typeof sendError>[1], field: string) => (limiter.take(`fail:${request.ip}`) ? sendError(reply, code, { field }) : sendError(reply, 'rate-limited'));
    const auth = parseAuthHeader(request.headers.authorization);
    if (!auth) return refuse('unsigned', 'Authorization');
    if (Math.abs(now() - auth.timestamp) > TIMESTAMP_WINDOW_MS) return refuse('clock-skew', 'Authorization.ts');
    const device = await findDevice(db, auth.deviceId);
    if (!device) return refuse('unknown-device', 'Authorization.device');
    if (device.revoked_at !== null) return refuse('device-revoked', 'Authorization.device');
    const canonical = canonicalRequest({ deviceId: auth.deviceId, method: request.method, path: request.url, timestamp: auth.timestamp, nonce: auth.nonce, bodySha256: bodySha256(request) });
    if (!verifySignature(device.public_key, canonical, auth.signature)) return refuse('bad-signature', 'Authorization.sig');
    if (!limiter.take(`device:${device.id}`)) return sendError(reply, 'rate-limited');
    if (!(await claimNonce(db, device.id, auth.nonce))) {
      request.log.warn({ device: device.id, nonce: auth.nonce }, 'replayed request refused');
      return sendError(reply, 'replay', { field: 'Authorization.nonce' });
    }
    // 报送情况 shows when each device was last seen: its last authenticated request, to the minute.
    await noteSeen(db, device, new Date(now()));
    request.device = device;
    request.signed = { canonical, signature: auth.signature };
    return undefined;
  };
}
