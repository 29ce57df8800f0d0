/** The `pg` adapter: a PostgreSQL server (how a province runs one server for every city). */
import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database';

// bytea as Uint8Array like PGlite (pg gives a Buffer, which is one), int8 stays text: we use int4 and timestamptz only.
function plain<T>(rows: T[]): T[] {
  return rows;
}

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  const run = async <T extends object>(client: pg.Pool | pg.PoolClient, sql: string, params: SqlValue[] = []): Promise<T[]> =>
    plain((await client.query<T>(sql, params)).rows);
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: (sql, params) => run(client, sql, params) };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
