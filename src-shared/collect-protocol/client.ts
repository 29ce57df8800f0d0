/**
 * The client side of the collection protocol: builds and signs each request, sends it through
 * the injected `fetch`, and turns every answer into a value (never throws for what the network
 * or the server does). Used by the CLI (`enroll`, `push`, `status`) and, later, the app's outbox.
 */
import { sha256Hex } from '../crypto';
import { canonicalRequest, enrollmentProof, formatAuthHeader } from './canonical-request';
import { decodeUtf8, toHexString } from './encoding';
import { encodeUtf8 } from '../crypto';
import { collectError, isCollectErrorCode, type CollectError } from './errors';
import { signText, type Signer } from './signer';
import {
  API_PREFIX,
  WORKBOOK_MEDIA_TYPE,
  type DeviceListResponse,
  type EnrollResponse,
  type IndicatorSetListResponse,
  type IndicatorSetResponse,
  type StateChangeResponse,
  type SubmissionListResponse,
  type UploadResponse,
  type UploadSignatureRecord,
} from './types';

export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array }) => Promise<FetchResponse>;

export type CollectResult<T> = { ok: true; status: number; value: T } | { ok: false; status: number; error: CollectError };

export interface ClientOptions {
  /** `http://host:port` of the server, without `/api/v1`. */
  server: string;
  fetch: FetchLike;
  /** Random bytes for nonces (crypto.getRandomValues). */
  randomBytes: (n: number) => Uint8Array;
  now?: () => number;
}

export interface Device {
  deviceId: string;
  signer: Signer;
}

const EMPTY_SHA256 = sha256Hex(new Uint8Array(0));

function decodeJson(bytes: ArrayBuffer): unknown {
  try {
    return JSON.parse(decodeUtf8(new Uint8Array(bytes)));
  } catch {
    return undefined;
  }
}

async function answer<T>(response: FetchResponse): Promise<CollectResult<T>> {
  const body = decodeJson(await response.arrayBuffer());
  if (typeof body === 'object' && body !== null && 'ok' in body) {
    if (body.ok === true) return { ok: true, status: response.status, value: body as T };
    const error = 'error' in body ? (body.error as Partial<CollectError> | undefined) : undefined;
    if (error && isCollectErrorCode(error.code)) return { ok: false, status: response.status, error: error as CollectError };
  }
  return { ok: false, status: response.status, error: collectError('bad-response', { message: `${collectError('bad-response').message}（HTTP ${response.status}）` }) };
}

export function createCollectClient(options: ClientOptions) {
  const base = options.server.replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());

  async function send(method: string, path: string, init: { body?: Uint8Array; type?: string; device?: Device }): Promise<FetchResponse | CollectError> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.type) headers['content-type'] = init.type;
    if (init.device) {
      const timestamp = now();
      const nonce = toHexString(options.randomBytes(16));
      const bodySha256 = init.body ? sha256Hex(init.body) : EMPTY_SHA256;
      const text = canonicalRequest({ deviceId: init.device.deviceId, method, path, timestamp, nonce, bodySha256 });
      headers.authorization = formatAuthHeader({ deviceId: init.device.deviceId, timestamp, nonce, signature: await signText(init.device.signer, text) });
    }
    try {
      return await options.fetch(base + path, { method, headers, ...(init.body ? { body: init.body } : {}) });
    } catch (error) {
      return collectError('network-error', { message: `${collectError('network-error').message}（${error instanceof Error ? error.message : String(error)}）` });
    }
  }

  async function json<T>(method: string, path: string, init: { body?: unknown; device?: Device }): Promise<CollectResult<T>> {
    const body = init.body === undefined ? undefined : encodeUtf8(JSON.stringify(init.body));
    const response = await send(method, path, { ...(body ? { body, type: 'application/json' } : {}), ...(init.device ? { device: init.device } : {}) });
    if ('code' in response) return { ok: false, status: 0, error: response };
    return answer<T>(response);
  }

  return {
    /** Enrolls the device whose key `signer` holds with a one-time code. */
    async enroll(code: string, signer: Signer, deviceName?: string): Promise<CollectResult<EnrollResponse>> {
      const proof = await signText(signer, enrollmentProof(code, signer.publicKey));
      return json<EnrollResponse>('POST', `${API_PREFIX}/enroll`, { body: { code, publicKey: signer.publicKey, proof, ...(deviceName ? { deviceName } : {}) } });
    },
    /** Uploads a submission workbook's bytes as they are. Safe to repeat: the server stores it once. */
    async push(device: Device, workbook: Uint8Array): Promise<CollectResult<UploadResponse>> {
      const response = await send('POST', `${API_PREFIX}/submissions`, { body: workbook, type: WORKBOOK_MEDIA_TYPE, device });
      if ('code' in response) return { ok: false, status: 0, error: response };
      return answer<UploadResponse>(response);
    },
    /** The device's own submissions (a zone), or its city's since a cursor (a reader). */
    list(device: Device, since?: number): Promise<CollectResult<SubmissionListResponse>> {
      return json<SubmissionListResponse>('GET', `${API_PREFIX}/submissions${since === undefined ? '' : `?since=${since}`}`, { device });
    },
    /** A submission's workbook bytes and its signature record. */
    async download(device: Device, submissionId: string, revision: number): Promise<CollectResult<{ bytes: Uint8Array; signatureRecord: UploadSignatureRecord }>> {
      const path = `${API_PREFIX}/submissions/${submissionId}/revisions/${revision}`;
      const record = await json<{ ok: true; signatureRecord: UploadSignatureRecord }>('GET', `${path}/signature`, { device });
      if (!record.ok) return record;
      const response = await send('GET', `${path}/workbook`, { device });
      if ('code' in response) return { ok: false, status: 0, error: response };
      if (response.status !== 200) return (await answer<never>(response)) as CollectResult<never>;
      return { ok: true, status: 200, value: { bytes: new Uint8Array(await response.arrayBuffer()), signatureRecord: record.value.signatureRecord } };
    },
    /** The bureau sends a submission back (退回修改) with a reason. */
    sendBack(device: Device, submissionId: string, revision: number, reason: string): Promise<CollectResult<StateChangeResponse>> {
      return json<StateChangeResponse>('POST', `${API_PREFIX}/submissions/${submissionId}/revisions/${revision}/send-back`, { device, body: { reason } });
    },
    /** The bureau records that a submission went into a consolidation (已汇总). */
    accept(device: Device, submissionId: string, revision: number, consolidation: string): Promise<CollectResult<StateChangeResponse>> {
      return json<StateChangeResponse>('POST', `${API_PREFIX}/submissions/${submissionId}/revisions/${revision}/accept`, { device, body: { consolidation } });
    },
    /** The city's enrolled devices with when each was last seen (the bureau's reader only). */
    devices(device: Device): Promise<CollectResult<DeviceListResponse>> {
      return json<DeviceListResponse>('GET', `${API_PREFIX}/devices`, { device });
    },
    /** The device withdraws its own enrollment (取消登记): the server refuses it from then on. */
    revokeSelf(device: Device): Promise<CollectResult<{ ok: true; revokedAt: string }>> {
      return json<{ ok: true; revokedAt: string }>('POST', `${API_PREFIX}/devices/self/revoke`, { device, body: {} });
    },
    indicatorSets(device: Device): Promise<CollectResult<IndicatorSetListResponse>> {
      return json<IndicatorSetListResponse>('GET', `${API_PREFIX}/indicator-sets`, { device });
    },
    indicatorSet(device: Device, id: string, version: string): Promise<CollectResult<IndicatorSetResponse>> {
      return json<IndicatorSetResponse>('GET', `${API_PREFIX}/indicator-sets/${encodeURIComponent(id)}/${encodeURIComponent(version)}`, { device });
    },
  };
}

export type CollectClient = ReturnType<typeof createCollectClient>;
