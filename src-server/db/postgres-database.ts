/** The `pg` adapter: a PostgreSQL server (how a province runs one server for every city). */
import pg from 'pg';
import type { Database, Queryable, SqlValue } from './database';

export async function openPostgres(connectionString: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  const probe = await pool.connect();
  probe.release();
  // Rows read alike from both adapters: pg's bytea is a Buffer (a Uint8Array, as PGlite's), and
  // the schema uses int4 and timestamptz only, which both give as number and Date.
  const run = async <T extends object>(client: pg.Pool | pg.PoolClient, sql: string, params: SqlValue[] = []): Promise<T[]> => (await client.query<T>(sql, params)).rows;
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
