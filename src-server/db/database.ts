/**
 * The one database interface the server uses: parameterised SQL (`$1`, `$2` …) in PostgreSQL's
 * dialect, with two adapters — PGlite (PostgreSQL in-process, on a data folder) and `pg` (a
 * PostgreSQL server). Rows come back as plain objects; bytea as Uint8Array.
 */
export type SqlValue = string | number | boolean | null | Uint8Array | Date;

export interface Queryable {
  query<T extends object>(sql: string, params?: SqlValue[]): Promise<T[]>;
}

export interface Database extends Queryable {
  kind: 'pglite' | 'postgres';
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Everything `fn` does commits together or not at all. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
