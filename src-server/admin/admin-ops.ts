/**
 * What the bureau's administrator does: issue enrollment codes, revoke devices, list devices,
 * codes and submissions. The same functions serve the local admin endpoint (server running) and
 * the CLI opening the data folder itself (server stopped).
 */
import { randomInt } from 'node:crypto';
import { indicatorSetChecksum, type DeviceSummary, type EnrollmentCodeSummary, type SubmissionSummary } from '../../src-shared/collect-protocol';
import { canonicalJson } from '../../src-shared/return';
import { parseIndicatorSet } from '../../src-shared/seeds';
import type { Database } from '../db/database';
import { submissionSummary } from '../frames/submission-summary';
import { appendAudit } from '../model/query/audit-log';
import { findDevice, listDevices, revokeDevice, type DeviceRow } from '../model/query/devices';
import { insertCode, listCodes, type EnrollmentCodeRow } from '../model/query/enrollment-codes';
import { findSet, publishSet } from '../model/query/indicator-sets';
import { findCityByCodeOrName, findZone } from '../model/query/registry';
import { listForCity } from '../model/query/submissions';
import type { Outcome } from '../reply-error';

export const CODE_VALID_DAYS = 7;
// No 0/O, 1/I/L: the code is read aloud and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

export type EnrollTarget = { zoneId: string } | { city: string };

export interface IssuedCode {
  code: string;
  expires: string;
  role: 'zone' | 'reader';
  cityCode: string;
  zoneId: string | null;
  zoneName: string | null;
}

export async function issueCode(db: Database, target: EnrollTarget, actor: string, from: string | null, now: Date = new Date()): Promise<Outcome<IssuedCode>> {
  let role: 'zone' | 'reader';
  let cityCode: string;
  let zoneId: string | null = null;
  let zoneName: string | null = null;
  if ('zoneId' in target) {
    const zone = await findZone(db, target.zoneId);
    if (!zone) return { ok: false, code: 'not-found', field: 'zone', message: `开发区名录中没有「${target.zoneId}」。请用 zone-returns server list 查看各开发区的 id。` };
    role = 'zone';
    cityCode = zone.city_code;
    zoneId = zone.id;
    zoneName = zone.name;
  } else {
    const city = await findCityByCodeOrName(db, target.city);
    if (!city) return { ok: false, code: 'not-found', field: 'city', message: `名录中没有市「${target.city}」。请写市名（如 晋城市）或行政区划代码（如 140500）。` };
    role = 'reader';
    cityCode = city.code;
  }
  const expiresAt = new Date(now.getTime() + CODE_VALID_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const row = await insertCode(tx, { code: newEnrollmentCode(), role, cityCode, zoneId, expiresAt });
    await appendAudit(tx, { actor, action: 'code.issued', target: row.code, detail: { role, cityCode, zoneId, expires: expiresAt.toISOString() }, from });
    return { ok: true, value: { code: row.code, expires: row.expires_at.toISOString(), role, cityCode, zoneId, zoneName } };
  });
}

export async function revoke(db: Database, deviceId: string, reason: string | null, actor: string, from: string | null): Promise<Outcome<DeviceSummary>> {
  return db.transaction(async (tx) => {
    const device = await findDevice(tx, deviceId);
    if (!device) return { ok: false, code: 'not-found', field: 'device', message: `没有设备「${deviceId}」。请用 zone-returns server list 查看设备编号。` };
    if (!(await revokeDevice(tx, deviceId, reason))) return { ok: false, code: 'invalid-transition', field: 'device', message: `设备「${deviceId}」已于 ${device.revoked_at?.toISOString() ?? ''} 停用。` };
    await appendAudit(tx, { actor, action: 'device.revoked', target: deviceId, detail: { reason }, from });
    return { ok: true, value: deviceSummary((await findDevice(tx, deviceId))!) };
  });
}

export function deviceSummary(d: DeviceRow): DeviceSummary {
  return {
    deviceId: d.id,
    role: d.role,
    cityCode: d.city_code,
    zoneId: d.zone_id,
    zoneName: d.zone_name,
    deviceName: d.device_name,
    publicKey: d.public_key,
    enrolledAt: d.enrolled_at.toISOString(),
    enrolledFrom: d.enrolled_from,
    revokedAt: d.revoked_at?.toISOString() ?? null,
    lastSeenAt: d.last_seen_at?.toISOString() ?? null,
  };
}

export function codeSummary(c: EnrollmentCodeRow): EnrollmentCodeSummary {
  return {
    code: c.code,
    role: c.role,
    cityCode: c.city_code,
    zoneId: c.zone_id,
    expires: c.expires_at.toISOString(),
    createdAt: c.created_at.toISOString(),
    usedAt: c.used_at?.toISOString() ?? null,
    usedFrom: c.used_from,
    usedByDevice: c.used_by_device,
  };
}

export interface AdminListing {
  ok: true;
  city: { code: string; name: string } | null;
  devices: DeviceSummary[];
  codes: EnrollmentCodeSummary[];
  submissions: SubmissionSummary[];
}

export async function listAll(db: Database, city?: string): Promise<Outcome<AdminListing>> {
  let found: { code: string; name: string } | undefined;
  if (city !== undefined) {
    found = await findCityByCodeOrName(db, city);
    if (!found) return { ok: false, code: 'not-found', field: 'city', message: `名录中没有市「${city}」。请写市名（如 晋城市）或行政区划代码（如 140500）。` };
  }
  const [devices, codes, submissions] = await Promise.all([listDevices(db, found?.code), listCodes(db, found?.code), listForCity(db, found?.code, 0, 100_000)]);
  return { ok: true, value: { ok: true, city: found ?? null, devices: devices.map(deviceSummary), codes: codes.map(codeSummary), submissions: submissions.map(submissionSummary) } };
}

/**
 * The province changes the indicator set (and its targets) once a year: that is data. A set file
 * is checked by the same parser the app uses, then published with the SHA-256 of its canonical
 * JSON, which the zones' apps check before they install it. A published version is never replaced.
 */
export async function publishIndicatorSet(db: Database, json: unknown, source: string, actor: string, from: string | null): Promise<Outcome<{ ok: true; id: string; version: string; sha256: string }>> {
  const parsed = parseIndicatorSet(json, source);
  if (!parsed.ok) return { ok: false, code: 'invalid-field', field: 'set', message: `指标体系文件 ${source} 有误，未发布：${parsed.issues.slice(0, 3).map((i) => i.message).join('；')}` };
  const set = parsed.value;
  const sha256 = indicatorSetChecksum(set);
  return db.transaction(async (tx) => {
    const existing = await findSet(tx, set.id, set.version);
    if (existing) {
      if (existing.sha256 === sha256) return { ok: true, value: { ok: true, id: set.id, version: set.version, sha256 } };
      return { ok: false, code: 'submission-conflict', field: 'set', message: `指标体系 ${set.id} ${set.version} 已经发布过，内容不同。已发布的版本不能更改，请改用新的版本号。` };
    }
    await publishSet(tx, { id: set.id, version: set.version, year: set.year, name: set.name, body: canonicalJson(set), sha256 });
    await appendAudit(tx, { actor, action: 'indicator-set.published', target: `${set.id}@${set.version}`, detail: { sha256, source }, from });
    return { ok: true, value: { ok: true, id: set.id, version: set.version, sha256 } };
  });
}
