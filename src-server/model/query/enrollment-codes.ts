import type { Queryable } from '../../db/database';

export interface EnrollmentCodeRow {
  code: string;
  role: 'zone' | 'reader';
  city_code: string;
  zone_id: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  used_from: string | null;
  used_by_device: string | null;
}

const COLUMNS = 'code, role, city_code, zone_id, created_at, expires_at, used_at, used_from, used_by_device';

export async function insertCode(db: Queryable, c: { code: string; role: 'zone' | 'reader'; cityCode: string; zoneId: string | null; expiresAt: Date }): Promise<EnrollmentCodeRow> {
  const rows = await db.query<EnrollmentCodeRow>(
    `INSERT INTO enrollment_codes (code, role, city_code, zone_id, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [c.code, c.role, c.cityCode, c.zoneId, c.expiresAt],
  );
  return rows[0]!;
}

/** Locks the code's row until the transaction ends, so two devices cannot both use it. */
export async function findCodeForUpdate(db: Queryable, code: string): Promise<EnrollmentCodeRow | undefined> {
  return (await db.query<EnrollmentCodeRow>(`SELECT ${COLUMNS} FROM enrollment_codes WHERE code = $1 FOR UPDATE`, [code]))[0];
}

export async function markCodeUsed(db: Queryable, code: string, deviceId: string, from: string | null): Promise<void> {
  await db.query('UPDATE enrollment_codes SET used_at = now(), used_from = $2, used_by_device = $3 WHERE code = $1 AND used_at IS NULL', [code, from, deviceId]);
}

export async function listCodes(db: Queryable, cityCode?: string): Promise<EnrollmentCodeRow[]> {
  return cityCode === undefined
    ? db.query<EnrollmentCodeRow>(`SELECT ${COLUMNS} FROM enrollment_codes ORDER BY created_at, code`)
    : db.query<EnrollmentCodeRow>(`SELECT ${COLUMNS} FROM enrollment_codes WHERE city_code = $1 ORDER BY created_at, code`, [cityCode]);
}
