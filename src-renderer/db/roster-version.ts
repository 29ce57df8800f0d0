/**
 * Roster versions (schema version 5): a token that changes with every write of a zone's ledger,
 * so that a window may keep the ledger (and what is computed from it) in memory and know, by
 * reading one small row, whether it is still what is stored. The token of a zone is the pair of
 * the database's epoch (changed by a restore) and the zone's own token (changed by each ledger
 * write); a missing row counts as '0'.
 */
import type { Table } from 'dexie';
import { DATABASE_EPOCH_KEY, type RosterVersionRecord } from './schema';

let counter = 0;

/** A token not used before: time, a counter of this page and a random part (no secure context needed). */
export function newRosterVersion(): string {
  counter += 1;
  return `${Date.now().toString(36)}.${counter.toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
}

/** The zone's current roster version; call inside a transaction that includes `rosterVersions`. */
export async function rosterVersionOf(table: Table<RosterVersionRecord, string>, zoneId: string): Promise<string> {
  const [epoch, zone] = await table.bulkGet([DATABASE_EPOCH_KEY, zoneId]);
  return `${epoch?.version ?? '0'}/${zone?.version ?? '0'}`;
}

/** Marks the zone's ledger as changed; call inside the transaction that changes it. */
export async function bumpRosterVersion(table: Table<RosterVersionRecord, string>, zoneId: string): Promise<void> {
  await table.put({ zoneId, version: newRosterVersion() });
}

