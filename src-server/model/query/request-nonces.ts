import type { Queryable } from '../../db/database';

/** False when the device has used this nonce before: a replayed request. */
export async function claimNonce(db: Queryable, deviceId: string, nonce: string): Promise<boolean> {
  const rows = await db.query<{ nonce: string }>('INSERT INTO request_nonces (device_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce', [deviceId, nonce]);
  return rows.length > 0;
}

/** Nonces older than twice the timestamp window can never be replayed (the timestamp check refuses them). */
export async function purgeNonces(db: Queryable, olderThanMs: number): Promise<void> {
  await db.query("DELETE FROM request_nonces WHERE seen_at < now() - ($1 || ' milliseconds')::interval", [String(olderThanMs)]);
}
