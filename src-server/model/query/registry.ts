/** cities and zones: the zone registry, loaded from src-shared's seeds on start. */
import type { ZoneRegistry } from '../../../src-shared/model';
import type { Queryable } from '../../db/database';

export interface ZoneRow {
  id: string;
  name: string;
  city_code: string;
  county: string;
  type: string;
}

export async function upsertRegistry(db: Queryable, registry: ZoneRegistry): Promise<void> {
  for (const c of registry.cities) {
    await db.query('INSERT INTO cities (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name', [c.code, c.name]);
  }
  for (const z of registry.zones) {
    await db.query(
      `INSERT INTO zones (id, name, city_code, county, type, level) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, city_code = EXCLUDED.city_code, county = EXCLUDED.county, type = EXCLUDED.type, level = EXCLUDED.level`,
      [z.id, z.name, z.cityCode, z.county, z.type, z.level],
    );
  }
}

export async function findZone(db: Queryable, id: string): Promise<ZoneRow | undefined> {
  return (await db.query<ZoneRow>('SELECT id, name, city_code, county, type FROM zones WHERE id = $1', [id]))[0];
}

export async function findCity(db: Queryable, code: string): Promise<{ code: string; name: string } | undefined> {
  return (await db.query<{ code: string; name: string }>('SELECT code, name FROM cities WHERE code = $1', [code]))[0];
}

/** A city by its code or its name (`140500` or `晋城市`). */
export async function findCityByCodeOrName(db: Queryable, text: string): Promise<{ code: string; name: string } | undefined> {
  return (await db.query<{ code: string; name: string }>('SELECT code, name FROM cities WHERE code = $1 OR name = $1 OR name = $1 || \'市\'', [text]))[0];
}
