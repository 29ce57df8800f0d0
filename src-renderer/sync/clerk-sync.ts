/**
 * The zone's side of 联网报送: enroll / unenroll, and the upload loop over the Dexie queue
 * (`runUploadPass` of src-shared/sync with the collect-protocol client). One instance per app;
 * `start()` keeps a timer at the next due item (and polls the server's states every
 * `pollMs`), `kick()` runs a pass now (after an export). Offline is normal: a failed pass only
 * sets `online: false` and the items wait with backoff.
 */
import { createCollectClient, type CollectResult, type Device, type EnrollResponse, type FetchLike } from '../../src-shared/collect-protocol';
import { nextWake, onRestart, pendingCount, type UploadItem } from '../../src-shared/sync/upload-queue';
import { runUploadPass, type PassReport } from '../../src-shared/sync/upload-runner';
import type { Repository } from '../db';
import type { Enrollment } from '../db/stores/sync-store';
import { createDeviceKey, deviceSigner, isKeyPair } from './device-key';
import { syncIndicatorSets } from './indicator-sets';

export interface SyncStatus {
  enrolled: Enrollment | null;
  /** null until the first pass; false after a network or server failure. */
  online: boolean | null;
  pending: number;
  lastError: string | null;
  items: UploadItem[];
}

export interface ClerkSyncDeps {
  repo: Repository;
  fetch: FetchLike;
  subtle: SubtleCrypto;
  randomBytes: (n: number) => Uint8Array;
  who: () => string;
  now?: () => number;
  random?: () => number;
  /** How often the server's states are read when nothing is due. */
  pollMs?: number;
  deviceName?: string;
}

export function browserFetch(): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, { method: init.method, headers: init.headers, ...(init.body ? { body: new Uint8Array(init.body) } : {}) });
    return { status: response.status, headers: response.headers, arrayBuffer: () => response.arrayBuffer() };
  };
}

/** `http://host:port` from what the clerk typed, or a Chinese message. */
export function normalizeServerAddress(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch {
    return { ok: false, message: `服务器地址“${text}”无效，应为 http://地址:端口，例如 http://192.168.1.20:8787。` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: '服务器地址应以 http:// 或 https:// 开头。' };
  return { ok: true, value: url.origin };
}

export function createClerkSync(deps: ClerkSyncDeps) {
  const now = deps.now ?? (() => Date.now());
  const random = deps.random ?? (() => Math.random());
  const pollMs = deps.pollMs ?? 30_000;
  let online: boolean | null = null;
  let lastError: string | null = null;
  let running: Promise<PassReport | undefined> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;
  let setsCheckedAt = -Infinity;
  const listeners = new Set<(s: SyncStatus) => void>();

  async function device(): Promise<{ enrollment: Enrollment; device: Device } | undefined> {
    const enrollment = await deps.repo.getEnrollment();
    const key = await deps.repo.getDeviceKey();
    if (enrollment === undefined || !isKeyPair(key)) return undefined;
    return { enrollment, device: { deviceId: enrollment.deviceId, signer: await deviceSigner(deps.subtle, key) } };
  }

  function client(server: string) {
    return createCollectClient({ server, fetch: deps.fetch, randomBytes: deps.randomBytes, now });
  }

  async function status(): Promise<SyncStatus> {
    const items = await deps.repo.listUploads();
    return { enrolled: (await deps.repo.getEnrollment()) ?? null, online, pending: pendingCount(items), lastError, items };
  }

  async function notify(): Promise<void> {
    if (listeners.size === 0) return;
    const s = await status();
    for (const l of listeners) l(s);
  }

  async function pass(): Promise<PassReport | undefined> {
    const d = await device();
    if (d === undefined) return undefined;
    const c = client(d.enrollment.server);
    const report = await runUploadPass({
      listItems: () => deps.repo.listUploads(),
      putItem: (i) => deps.repo.putUpload(i),
      workbookBytes: (id) => deps.repo.uploadBytes(id),
      push: (bytes) => c.push(d.device, bytes),
      listOwn: () => c.list(d.device),
      reopen: async (returnId, reason) => {
        const ret = await deps.repo.getReturn(returnId);
        // Only a submitted return is reopened; one the clerk already reopened keeps its state.
        if (ret?.status === '已报送') await deps.repo.reopenReturn(returnId, `市商务局退回：${reason}`, '市商务局');
      },
      now,
      random,
    });
    const offline = report.lastError !== null && (report.lastError.code === 'network-error' || report.lastError.code === 'internal' || report.lastError.code === 'not-ready' || report.lastError.code === 'bad-response');
    online = !offline;
    lastError = report.lastError?.message ?? null;
    // Published indicator sets, at most every ten minutes, only when the server answered.
    if (!offline && now() - setsCheckedAt > 10 * 60_000) {
      setsCheckedAt = now();
      await syncIndicatorSets(deps.repo, c, d.device);
    }
    return report;
  }

  /** Runs one pass now (or joins the running one). */
  async function kick(): Promise<PassReport | undefined> {
    if (running) return running;
    running = pass().finally(() => {
      running = null;
    });
    const report = await running;
    await notify();
    schedule();
    return report;
  }

  function schedule(): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    void deps.repo.listUploads().then((items) => {
      if (stopped) return;
      const wake = nextWake(items);
      const delay = Math.max(250, Math.min(pollMs, wake === undefined ? pollMs : wake - now()));
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void kick(), delay);
    });
  }

  return {
    status,
    kick,
    subscribe(listener: (s: SyncStatus) => void): () => void {
      listeners.add(listener);
      void status().then(listener);
      return () => listeners.delete(listener);
    },
    /** Starts the loop: items left 待上传 by a killed app are due again at once. */
    async start(): Promise<void> {
      stopped = false;
      for (const item of onRestart(await deps.repo.listUploads(), now())) await deps.repo.putUpload(item);
      void kick();
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },

    /** Enrolls this device with the bureau's one-time code; a new key pair each time. */
    async enroll(serverText: string, code: string): Promise<CollectResult<EnrollResponse> | { ok: false; status: 0; error: { code: 'bad-request'; message: string } }> {
      const server = normalizeServerAddress(serverText);
      if (!server.ok) return { ok: false, status: 0, error: { code: 'bad-request', message: server.message } };
      const pair = await createDeviceKey(deps.subtle);
      const signer = await deviceSigner(deps.subtle, pair);
      const answer = await client(server.value).enroll(code.trim().toUpperCase(), signer, deps.deviceName);
      if (!answer.ok) return answer;
      const v = answer.value;
      await deps.repo.saveEnrollment({ server: server.value, deviceId: v.deviceId, role: v.role, cityCode: v.cityCode, cityName: v.cityName, zoneId: v.zoneId, zoneName: v.zoneName, enrolledAt: v.enrolledAt }, pair);
      online = true;
      lastError = null;
      await notify();
      schedule();
      return answer;
    },

    /**
     * Withdraws the enrollment on the server (so the bureau's board shows 已注销 and the key can
     * no longer be used), then forgets it here — also when the server cannot be reached; then
     * `revokedOnServer` is false with the reason, and the administrator can revoke the device.
     */
    async unenroll(): Promise<{ revokedOnServer: boolean; message: string | null }> {
      const d = await device();
      let outcome: { revokedOnServer: boolean; message: string | null } = { revokedOnServer: false, message: null };
      if (d !== undefined) {
        const answer = await client(d.enrollment.server).revokeSelf(d.device);
        outcome = answer.ok || answer.error.code === 'device-revoked' ? { revokedOnServer: true, message: null } : { revokedOnServer: false, message: answer.error.message };
      }
      await deps.repo.clearEnrollment();
      online = null;
      await notify();
      return outcome;
    },

    /** The device and client for other services (the bureau's, the indicator sets). */
    device,
    client,
  };
}

export type ClerkSync = ReturnType<typeof createClerkSync>;
