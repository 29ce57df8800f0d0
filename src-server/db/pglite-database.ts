/** The PGlite adapter: a real PostgreSQL in this process, stored in a data folder. */
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, SqlValue } from './database';

function wrap(target: { query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> }): Queryable {
  return {
    async query<T extends object>(sql: string, params: SqlValue[] = []): Promise<T[]> {
      return (await target.query<T>(sql, params)).rows;
    },
  };
}

/** `dataDir` undefined: in memory (tests of single queries only). */
export async function openPglite(dataDir?: string): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const q = wrap(db);
  return {
    kind: 'pglite',
    query: q.query,
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  };
}
