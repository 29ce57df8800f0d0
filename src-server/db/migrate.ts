/**
 * Versioned migrations, run on start: each runs once, in order, in its own transaction with its
 * row in schema_migrations; an advisory lock keeps two servers on one PostgreSQL from racing.
 */
import type { Database } from './database';
import { migration0001 } from './migrations/0001-initial';
import { migration0002 } from './migrations/0002-devices-seen';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [migration0001, migration0002];
const LOCK_KEY = 727_011;

export async function migrate(db: Database, migrations: Migration[] = MIGRATIONS): Promise<{ applied: number[]; version: number }> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.length > 0) return false;
      // One statement at a time through the same transaction (pg's extended protocol takes one per call).
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return { applied, version: rows[0]?.v ?? 0 };
}

/** Splits on `;` at line ends outside `$$` bodies: enough for the migrations we write. */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--') && !inBody) continue;
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
