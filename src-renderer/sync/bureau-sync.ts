/**
 * The city bureau's side of 联网报送, for the 收件箱 and 报送情况 screens (which call it; no UI
 * here). The bureau's app enrolls as a `reader` with `createClerkSync(...).enroll` (same key
 * handling; the code is issued with `zone-returns server enroll --city 晋城市`).
 *
 *   poll()                 → new or changed submissions since the stored cursor (call every ~15 s)
 *   download(id, rev)      → the workbook bytes with the server's signature record checked; the
 *                            caller reads them once (in the inbox's worker, as a dropped file)
 *   sendBack(id, rev, why) → 退回修改 on the server; the zone's app reopens the return
 *   devices()              → the city's enrolled devices, each with when it was last seen
 *   zonesSeen(list)        → per zone: last submission received, its device, revision, state
 *   zoneLinks(devices, list) → per zone: 已联网 (last seen) / 已注销, with its last submission
 */
import { checkSignatureRecord, type CollectResult, type EnrolledDevice, type SubmissionSummary, type UploadSignatureRecord } from '../../src-shared/collect-protocol';
import { shortLocalTime } from '../../src-shared/format';
import type { Repository } from '../db';
import type { ClerkSync } from './clerk-sync';

const CURSOR = 'bureauCursor';

export interface BureauSyncDeps {
  repo: Repository;
  sync: ClerkSync;
}

export interface Downloaded {
  bytes: Uint8Array;
  fileName: string;
  signatureRecord: UploadSignatureRecord;
  /** The signature record holds for these bytes (file SHA-256 and Ed25519 signature). */
  signatureOk: boolean;
  signatureMessage: string;
}

export interface ZoneSeen {
  zoneId: string;
  zoneName: string;
  lastReceivedAt: string;
  deviceId: string;
  periodLabel: string;
  revision: number;
  state: SubmissionSummary['state'];
}

const notEnrolled = { ok: false as const, status: 0, error: { code: 'forbidden' as const, message: '本机尚未以市商务局身份登记联网报送。请在 设置 → 联网报送 中填写服务器地址和报送码。' } };

export function createBureauSync(deps: BureauSyncDeps) {
  async function reader() {
    const d = await deps.sync.device();
    if (d === undefined || d.enrollment.role !== 'reader') return undefined;
    return { ...d, client: deps.sync.client(d.enrollment.server) };
  }

  return {
    /** Submissions received (or changed) since the last poll; the cursor is kept in the database. */
    async poll(): Promise<CollectResult<{ submissions: SubmissionSummary[]; cursor: number | null }>> {
      const r = await reader();
      if (r === undefined) return notEnrolled;
      const since = await deps.repo.getSyncValue<number>(CURSOR);
      const answer = await r.client.list(r.device, since);
      if (!answer.ok) return answer;
      if (answer.value.cursor !== null) await deps.repo.setSyncValue(CURSOR, answer.value.cursor);
      return { ok: true, status: answer.status, value: { submissions: answer.value.submissions, cursor: answer.value.cursor } };
    },

    /** Everything the server has for this city (the board), without moving the cursor. */
    async listAll(): Promise<CollectResult<SubmissionSummary[]>> {
      const r = await reader();
      if (r === undefined) return notEnrolled;
      const answer = await r.client.list(r.device, 0);
      return answer.ok ? { ok: true, status: answer.status, value: answer.value.submissions } : answer;
    },

    async download(submissionId: string, revision: number): Promise<CollectResult<Downloaded>> {
      const r = await reader();
      if (r === undefined) return notEnrolled;
      const answer = await r.client.download(r.device, submissionId, revision);
      if (!answer.ok) return answer;
      const { bytes, signatureRecord } = answer.value;
      const fileName = `${signatureRecord.zoneName}-${submissionId}-第${revision}版.xlsx`;
      const check = checkSignatureRecord(signatureRecord, bytes);
      return {
        ok: true,
        status: 200,
        value: { bytes, fileName, signatureRecord, signatureOk: check.ok, signatureMessage: check.ok ? `由${signatureRecord.zoneName}的设备 ${signatureRecord.deviceId} 签名` : check.message },
      };
    },

    /** The city's enrolled devices (zones' and readers'), with when each was last seen. */
    async devices(): Promise<CollectResult<EnrolledDevice[]>> {
      const r = await reader();
      if (r === undefined) return notEnrolled;
      const answer = await r.client.devices(r.device);
      return answer.ok ? { ok: true, status: answer.status, value: answer.value.devices } : answer;
    },

    async sendBack(submissionId: string, revision: number, reason: string) {
      const r = await reader();
      if (r === undefined) return notEnrolled;
      return r.client.sendBack(r.device, submissionId, revision, reason);
    },
  };
}

/** 报送情况: per zone, the latest submission the server received and the device that sent it. */
export function zonesSeen(submissions: readonly SubmissionSummary[]): ZoneSeen[] {
  const byZone = new Map<string, ZoneSeen>();
  for (const s of submissions) {
    const seen = byZone.get(s.zoneId);
    if (seen !== undefined && seen.lastReceivedAt >= s.receivedAt) continue;
    byZone.set(s.zoneId, { zoneId: s.zoneId, zoneName: s.zoneName, lastReceivedAt: s.receivedAt, deviceId: s.deviceId, periodLabel: s.periodLabel, revision: s.revision, state: s.state });
  }
  return [...byZone.values()].sort((a, b) => a.zoneId.localeCompare(b.zoneId));
}

/** A zone's link to the server on the board; a zone without any device is 未联网. */
export interface ZoneLink {
  zoneId: string;
  /** 已联网: at least one device of the zone is enrolled and not revoked; 已注销: all were revoked. */
  state: '已联网' | '已注销';
  /** The latest contact of the zone's enrolled devices: its last authenticated request, or its enrollment. */
  lastSeenAt: string;
  /** When the last device was revoked (已注销 only). */
  revokedAt: string | null;
  devices: EnrolledDevice[];
}

/** 报送情况: per zone, whether its app is enrolled and when it was last seen. */
export function zoneLinks(devices: readonly EnrolledDevice[]): Map<string, ZoneLink> {
  const byZone = new Map<string, EnrolledDevice[]>();
  for (const d of devices) if (d.role === 'zone' && d.zoneId !== null) byZone.set(d.zoneId, [...(byZone.get(d.zoneId) ?? []), d]);
  const latest = (xs: (string | null)[]): string => xs.filter((x): x is string => x !== null).sort().at(-1) ?? '';
  const out = new Map<string, ZoneLink>();
  for (const [zoneId, list] of byZone) {
    const active = list.filter((d) => d.revokedAt === null);
    const counted = active.length > 0 ? active : list;
    out.set(zoneId, {
      zoneId,
      state: active.length > 0 ? '已联网' : '已注销',
      lastSeenAt: latest(counted.map((d) => d.lastSeenAt ?? d.enrolledAt)),
      revokedAt: active.length > 0 ? null : latest(list.map((d) => d.revokedAt)),
      devices: list,
    });
  }
  return out;
}

/** 已联网（最近 12-02 10:31） / 未联网 / 已注销（12-02 10:31）. */
export function describeZoneLink(link: ZoneLink | undefined, now: Date = new Date()): string {
  if (link === undefined) return '未联网';
  if (link.state === '已注销') return `已注销${link.revokedAt ? `（${shortLocalTime(link.revokedAt, now)}）` : ''}`;
  return `已联网（最近 ${shortLocalTime(link.lastSeenAt, now)}）`;
}

export type BureauSync = ReturnType<typeof createBureauSync>;
