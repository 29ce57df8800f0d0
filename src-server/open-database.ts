/**
 * Opens the server's database — PGlite in a data folder (locked), or a PostgreSQL server —
 * migrates it, and loads the zone registry and the built-in indicator sets from src-shared.
 */
import { join } from 'node:path';
import { indicatorSetChecksum } from '../src-shared/collect-protocol';
import { canonicalJson } from '../src-shared/return';
import { builtinIndicatorSets, builtinZoneRegistry } from '../src-shared/seeds';
import { acquireLock } from './data-lock';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite-database';
import { openPostgres } from './db/postgres-database';
import { appendAudit } from './model/query/audit-log';
import { publishSet } from './model/query/indicator-sets';
import { upsertRegistry } from './model/query/registry';

export type StorageOptions = { database: string } | { dataDir: string };

export type Opened = { ok: true; db: Database; close: () => Promise<void> } | { ok: false; message: string };

export async function seedDatabase(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertRegistry(tx, builtinZoneRegistry());
    for (const set of builtinIndicatorSets()) {
      const published = await publishSet(tx, { id: set.id, version: set.version, year: set.year, name: set.name, body: canonicalJson(set), sha256: indicatorSetChecksum(set) });
      if (published) await appendAudit(tx, { actor: 'system', action: 'indicator-set.published', target: `${set.id}@${set.version}`, detail: { sha256: indicatorSetChecksum(set) }, from: null });
    }
  });
}

export async function openStorage(storage: StorageOptions, purpose: string): Promise<Opened> {
  if ('database' in storage) {
    let db: Database;
    try {
      db = await openPostgres(storage.database);
    } catch (error) {
      return { ok: false, message: `无法连接 PostgreSQL（${error instanceof Error ? error.message : String(error)}）。请检查 --database 的地址、用户和密码。` };
    }
    await migrate(db);
    await seedDatabase(db);
    return { ok: true, db, close: () => db.close() };
  }
  const lock = acquireLock(storage.dataDir, purpose);
  if (!lock.ok) return { ok: false, message: lock.message };
  try {
    const db = await openPglite(join(storage.dataDir, 'pgdata'));
    await migrate(db);
    await seedDatabase(db);
    return {
      ok: true,
      db,
      close: async () => {
        try {
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
