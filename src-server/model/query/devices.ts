import type { Queryable } from '../../db/database';

export interface DeviceRow {
  id: string;
  role: 'zone' | 'reader';
  city_code: string;
  zone_id: string | null;
  zone_name: string | null;
  device_name: string | null;
  public_key: string;
  enrolled_at: Date;
  enrolled_from: string | null;
  revoked_at: Date | null;
  last_seen_at: Date | null;
}

const SELECT = `SELECT d.id, d.role, d.city_code, d.zone_id, z.name AS zone_name, d.device_name, d.public_key, d.enrolled_at, d.enrolled_from, d.revoked_at, d.last_seen_at
  FROM devices d LEFT JOIN zones z ON z.id = d.zone_id`;

export async function insertDevice(
  db: Queryable,
  d: { id: string; role: 'zone' | 'reader'; cityCode: string; zoneId: string | null; deviceName: string | null; publicKey: string; code: string; from: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO devices (id, role, city_code, zone_id, device_name, public_key, enrollment_code, enrolled_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [d.id, d.role, d.cityCode, d.zoneId, d.deviceName, d.publicKey, d.code, d.from],
  );
}

export async function findDevice(db: Queryable, id: string): Promise<DeviceRow | undefined> {
  return (await db.query<DeviceRow>(`${SELECT} WHERE d.id = $1`, [id]))[0];
}

export async function findDeviceByKey(db: Queryable, publicKey: string): Promise<DeviceRow | undefined> {
  return (await db.query<DeviceRow>(`${SELECT} WHERE d.public_key = $1`, [publicKey]))[0];
}

export async function listDevices(db: Queryable, cityCode?: string): Promise<DeviceRow[]> {
  return cityCode === undefined ? db.query<DeviceRow>(`${SELECT} ORDER BY d.enrolled_at, d.id`) : db.query<DeviceRow>(`${SELECT} WHERE d.city_code = $1 ORDER BY d.enrolled_at, d.id`, [cityCode]);
}

/** True when the device was active and is now revoked. */
export async function revokeDevice(db: Queryable, id: string, reason: string | null): Promise<boolean> {
  const rows = await db.query<{ id: string }>('UPDATE devices SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, reason]);
  return rows.length > 0;
}

/** A device's last authenticated request is recorded at most once a minute (not a write per request). */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Records that the device was seen at `at`, when what is stored is older than the resolution (or unset). */
export async function noteSeen(db: Queryable, device: Pick<DeviceRow, 'id' | 'last_seen_at'>, at: Date): Promise<boolean> {
  if (device.last_seen_at !== null && at.getTime() - device.last_seen_at.getTime() < LAST_SEEN_RESOLUTION_MS) return false;
  const rows = await db.query<{ id: string }>(
    'UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $3) RETURNING id',
    [device.id, at, new Date(at.getTime() - LAST_SEEN_RESOLUTION_MS)],
  );
  return rows.length > 0;
}
