/**
 * Pure migrations between schema versions, on whole tables in memory. The same function runs in
 * Dexie's `upgrade()` and when an older backup is restored, so there is one truth about how a
 * version-1 row becomes a version-2 row. A clerk's database is small (a few zones, some years),
 * so holding it in memory once per upgrade is cheaper than clever streaming.
 */
import {
  ROSTER_NAME_FIELD,
  type AuditEntry,
  type AuditTable,
  type ReturnRecord,
  type RosterRowRecord,
  type Tables,
  type TextRecord,
  type V1Tables,
  type ValueRecord,
  type ZoneRecord,
} from './schema';

const AUDIT_TABLES: readonly AuditTable[] = ['zones', 'returns', 'values', 'texts', 'explanations', 'rosterRows', 'outbox', 'importBatches', 'database'];

/** The zone id part of a return id `${zoneId}|${periodKey}`. */
export function zoneIdOfReturnId(returnId: string): string {
  const bar = returnId.lastIndexOf('|');
  return bar < 0 ? returnId : returnId.slice(0, bar);
}

export function migrateV1toV2(v1: V1Tables, now: string): Tables {
  const zones: ZoneRecord[] = v1.zones.map((zone) => ({ id: zone.id, registry: zone, edits: {}, updatedAt: now }));

  const returns: ReturnRecord[] = v1.returns.map((r) => ({
    id: r.id,
    zoneId: r.zoneId,
    periodKey: r.periodKey,
    period: r.period,
    indicatorSet: r.indicatorSet,
    status: r.status,
    // Version 1 kept no outbox; a submitted return counts as submitted once.
    revision: r.status === '已报送' ? 1 : 0,
    cover: r.cover,
    createdAt: r.updatedAt,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    reopenReason: null,
  }));

  const values: ValueRecord[] = [];
  const texts: TextRecord[] = [];
  for (const v of v1.values) {
    if (typeof v.current === 'string') texts.push({ returnId: v.returnId, code: v.code, text: v.current, updatedAt: v.updatedAt });
    else values.push({ returnId: v.returnId, code: v.code, current: v.current, lastYear: v.lastYear, updatedAt: v.updatedAt });
  }

  const rosterRows = mergeRosters(v1);

  const auditLog: AuditEntry[] = v1.auditLog.map((e) => {
    const table = AUDIT_TABLES.find((t) => t === e.table) ?? 'database';
    const entry: AuditEntry = {
      at: e.at,
      who: e.who,
      returnId: e.returnId,
      zoneId: e.returnId === null ? null : zoneIdOfReturnId(e.returnId),
      table,
      key: e.key,
      field: e.field,
      old: e.old,
      new: e.new,
      action: 'update',
    };
    if (e.seq !== undefined) entry.seq = e.seq;
    return entry;
  });

  return {
    zones,
    returns,
    values,
    texts,
    rosterRows,
    explanations: v1.explanations,
    auditLog,
    importBatches: [],
    ledgerMappings: [],
    outbox: [],
    settings: v1.settings,
    // Tables of later versions (the city bureau's inbox) start empty.
    inboxItems: [],
    inboxFiles: [],
    referenceFigures: [],
  };
}

/**
 * Version 1 copied the roster into every return (each copy a row of its own id); version 2 keeps
 * one ledger per zone. The copies of a project (same name within the zone) are merged, the copy
 * in the latest return winning, id included. Rows without a name are kept as they are. The
 * pre-upgrade backup keeps every copy, should the clerk need an older one.
 */
function mergeRosters(v1: V1Tables): RosterRowRecord[] {
  const periodKeyOf = new Map(v1.returns.map((r) => [r.id, r.periodKey]));
  // Stable sort: rows of later periods come last and so replace earlier copies.
  const ordered = [...v1.rosterRows].sort((a, b) => (periodKeyOf.get(a.returnId) ?? '').localeCompare(periodKeyOf.get(b.returnId) ?? ''));
  const latest = new Map<string, RosterRowRecord>();
  for (const { returnId, ...fields } of ordered) {
    const zoneId = zoneIdOfReturnId(returnId);
    const name = fields[ROSTER_NAME_FIELD];
    const key = typeof name === 'string' && name.trim() !== '' ? `${zoneId}\u0000name\u0000${name.trim()}` : `${zoneId}\u0000id\u0000${fields.id}`;
    latest.delete(key);
    latest.set(key, { ...fields, zoneId, position: 0 });
  }
  // Positions follow the order of the latest copies, per zone.
  const next = new Map<string, number>();
  return [...latest.values()].map((row) => {
    const position = (next.get(row.zoneId) ?? 0) + 1;
    next.set(row.zoneId, position);
    return { ...row, position };
  });
}
