/** Enrollment: a one-time code (7 days, single use) and the new device's public key, proven by a signature with it. */
import { randomUUID } from 'node:crypto';
import { enrollmentProof, verifySignature, type EnrollResponse } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../model/query/audit-log';
import { insertDevice, findDeviceByKey } from '../model/query/devices';
import { findCodeForUpdate, markCodeUsed } from '../model/query/enrollment-codes';
import { findCity, findZone } from '../model/query/registry';
import type { Outcome } from '../reply-error';

export async function enrollDevice(
  db: Database,
  req: { code: string; publicKey: string; proof: string; deviceName?: string },
  from: string | null,
  now: Date = new Date(),
): Promise<Outcome<EnrollResponse>> {
  const code = req.code.trim().toUpperCase();
  if (!verifySignature(req.publicKey, enrollmentProof(req.code, req.publicKey), req.proof)) {
    return { ok: false, code: 'bad-signature', field: 'proof', message: '登记签名无效：proof 不是该公钥对报送码的签名。请用本设备新生成的密钥重新登记。' };
  }
  return db.transaction(async (tx): Promise<Outcome<EnrollResponse>> => {
    const row = await findCodeForUpdate(tx, code);
    if (!row) return { ok: false, code: 'code-invalid', field: 'code' };
    if (row.used_at !== null) return { ok: false, code: 'code-used', field: 'code' };
    if (row.expires_at.getTime() <= now.getTime()) {
      return { ok: false, code: 'code-expired', field: 'code', message: `报送码已于 ${row.expires_at.toISOString()} 过期（有效期 7 天）。请向市商务局申请新的报送码。` };
    }
    if (await findDeviceByKey(tx, req.publicKey)) return { ok: false, code: 'key-in-use', field: 'publicKey' };
    const deviceId = randomUUID();
    await insertDevice(tx, { id: deviceId, role: row.role, cityCode: row.city_code, zoneId: row.zone_id, deviceName: req.deviceName ?? null, publicKey: req.publicKey, code, from });
    await markCodeUsed(tx, code, deviceId, from);
    await appendAudit(tx, { actor: `device:${deviceId}`, action: 'device.enrolled', target: deviceId, detail: { code, role: row.role, zoneId: row.zone_id, cityCode: row.city_code, publicKey: req.publicKey }, from });
    const city = await findCity(tx, row.city_code);
    const zone = row.zone_id === null ? undefined : await findZone(tx, row.zone_id);
    return {
      ok: true,
      value: { ok: true, deviceId, role: row.role, cityCode: row.city_code, cityName: city?.name ?? '', zoneId: row.zone_id, zoneName: zone?.name ?? null, enrolledAt: now.toISOString() },
    };
  });
}
