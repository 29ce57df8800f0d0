import type { Queryable } from '../../db/database';

export async function insertStateChange(db: Queryable, c: { seq: number; state: string; reason: string | null; consolidation: string | null; actor: string }): Promise<void> {
  await db.query('INSERT INTO state_changes (submission_seq, state, reason, consolidation, actor) VALUES ($1, $2, $3, $4, $5)', [c.seq, c.state, c.reason, c.consolidation, c.actor]);
}

export async function listStateChanges(db: Queryable, seq: number): Promise<Array<{ state: string; reason: string | null; consolidation: string | null; actor: string; at: Date }>> {
  return db.query('SELECT state, reason, consolidation, actor, at FROM state_changes WHERE submission_seq = $1 ORDER BY id', [seq]);
}
