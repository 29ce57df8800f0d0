import type { Queryable } from '../../db/database';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  from: string | null;
}

/** Written in the same transaction as the change it records. */
export async function appendAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query('INSERT INTO audit_log (actor, action, target, detail, from_addr) VALUES ($1, $2, $3, $4::jsonb, $5)', [e.actor, e.action, e.target, JSON.stringify(e.detail), e.from]);
}

export async function listAudit(db: Queryable, limit = 1000): Promise<Array<{ id: number; at: Date; actor: string; action: string; target: string | null; detail: unknown; from_addr: string | null }>> {
  return db.query('SELECT id, at, actor, action, target, detail, from_addr FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
}
