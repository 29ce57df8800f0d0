import type { Queryable } from '../../db/database';

export interface IndicatorSetRow {
  id: string;
  version: string;
  year: number;
  name: string;
  sha256: string;
  published_at: Date;
}

export async function publishSet(db: Queryable, s: { id: string; version: string; year: number; name: string; body: string; sha256: string }): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'INSERT INTO indicator_sets (id, version, year, name, body, sha256) VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (id, version) DO NOTHING RETURNING id',
    [s.id, s.version, s.year, s.name, s.body, s.sha256],
  );
  return rows.length > 0;
}

export async function listSets(db: Queryable): Promise<IndicatorSetRow[]> {
  return db.query<IndicatorSetRow>('SELECT id, version, year, name, sha256, published_at FROM indicator_sets ORDER BY id, year, version');
}

export async function findSet(db: Queryable, id: string, version: string): Promise<(IndicatorSetRow & { body: unknown }) | undefined> {
  return (await db.query<IndicatorSetRow & { body: unknown }>('SELECT id, version, year, name, sha256, published_at, body FROM indicator_sets WHERE id = $1 AND version = $2', [id, version]))[0];
}
