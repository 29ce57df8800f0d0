/** The roster: the zone's project ledger, shared by all its returns. */
import Dexie from 'dexie';
import type { Result, RosterRow } from '../../../src-shared/model';
import { RESERVED_ROSTER_FIELDS, ROSTER_NAME_FIELD, type AuditEntry, type RosterCell, type RosterRowRecord } from '../schema';
import { refuse, rowToJson, rosterRowOf } from './store-core';
import { bumpRosterVersion, rosterVersionOf } from '../roster-version';
import type { RosterReceipt, NewRosterRow, RowPatch, EditContext } from './types';
import { ZonesPart } from './zones-store';

function isRosterCell(v: unknown): v is RosterCell {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

export class RosterPart extends ZonesPart {
  /** The ledger of a zone as last read, with the roster version it was read at (see ../roster-version.ts). */
  private readonly keptRosters = new Map<string, { version: string; rows: readonly RosterRow[] }>();

  /**
   * The zone's ledger rows as `RosterRow`s, in ledger order; call inside a transaction that
   * includes rosterRows and rosterVersions. While the zone's roster version is the one they were
   * read at, the rows kept from the last read are given again — the same array, so that what is
   * computed from it (AggregateMemo) is kept too — and no ledger row is read.
   */
  protected async keptRoster(zoneId: string): Promise<RosterRow[]> {
    const version = await rosterVersionOf(this.db.rosterVersions, zoneId);
    const kept = this.keptRosters.get(zoneId);
    if (kept !== undefined && kept.version === version) return kept.rows as RosterRow[];
    const rows = Object.freeze((await this.rosterRecords(zoneId)).map(rosterRowOf));
    this.keptRosters.set(zoneId, { version, rows });
    return rows as RosterRow[];
  }

  protected rosterRecords(zoneId: string): Promise<RosterRowRecord[]> {
    return this.db.rosterRows.where('[zoneId+position]').between([zoneId, Dexie.minKey], [zoneId, Dexie.maxKey]).toArray();
  }

  /** The zone's projects in ledger order. */
  async listRoster(zoneId: string): Promise<RosterRow[]> {
    return (await this.rosterRecords(zoneId)).map(rosterRowOf);
  }

  /** Projects of the zone with exactly this name (how an import matches a ledger row to a stored one). */
  async findRosterRowsByName(zoneId: string, name: string): Promise<RosterRow[]> {
    return (await this.db.rosterRows.where('[zoneId+name]').equals([zoneId, name]).toArray()).map(rosterRowOf);
  }

  protected checkFields(fields: Record<string, unknown>, where: string): void {
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'id') continue;
      if (RESERVED_ROSTER_FIELDS.includes(field)) refuse('reserved-field', `${where}的字段名“${field}”为程序保留，不能使用。请检查台账字段映射。`);
      if (value !== undefined && !isRosterCell(value)) refuse('bad-roster-value', `${where}的“${field}”值“${String(value)}”无法保存（只能是文字、数字或是/否）。请改正后重试。`);
    }
  }

  protected async insertRows(zoneId: string, rows: NewRosterRow[], who: string, at: string, returnId: string | null, audits: AuditEntry[], batchId?: string, positions?: Readonly<Record<string, number>>): Promise<string[]> {
    const last = await this.db.rosterRows.where('[zoneId+position]').between([zoneId, Dexie.minKey], [zoneId, Dexie.maxKey]).last();
    let position = last?.position ?? 0;
    const used = new Set<number>();
    const records: RosterRowRecord[] = [];
    for (const [index, row] of rows.entries()) {
      this.checkFields(row, `第 ${index + 1} 个新项目`);
      const wanted = row.id === undefined ? undefined : positions?.[row.id];
      const free = wanted !== undefined && !used.has(wanted) && (await this.db.rosterRows.where('[zoneId+position]').equals([zoneId, wanted]).count()) === 0;
      const record: RosterRowRecord = { id: row.id ?? this.newId(), zoneId, position: free ? wanted : (position += 1) };
      used.add(record.position);
      for (const [k, v] of Object.entries(row)) if (k !== 'id' && v !== undefined) record[k] = v;
      records.push(record);
    }
    const clash = await this.db.rosterRows.bulkGet(records.map((r) => r.id));
    const taken = clash.find((r) => r !== undefined);
    if (taken !== undefined) refuse('duplicate-row-id', `项目编号“${taken.id}”已存在，未添加任何项目。请重试。`);
    for (const r of records) {
      const entry: AuditEntry = { at, who, returnId, zoneId, table: 'rosterRows', key: r.id, field: '*', old: null, new: rowToJson(r), action: batchId ? 'import' : 'insert' };
      if (batchId) entry.batchId = batchId;
      audits.push(entry);
    }
    await this.db.rosterRows.bulkAdd(records);
    if (records.length > 0) await bumpRosterVersion(this.db.rosterVersions, zoneId);
    return records.map((r) => r.id);
  }

  protected async patchRows(zoneId: string, patches: RowPatch[], who: string, at: string, returnId: string | null, audits: AuditEntry[], batchId?: string): Promise<{ before: RosterRowRecord[]; after: RosterRowRecord[] }> {
    const found = await this.db.rosterRows.bulkGet(patches.map((p) => p.id));
    const current = new Map<string, RosterRowRecord>();
    const originals = new Map<string, RosterRowRecord>();
    const changed = new Set<string>();
    patches.forEach((patch, index) => {
      const row = current.get(patch.id) ?? found[index];
      if (row === undefined || row.zoneId !== zoneId) refuse('row-not-found', `找不到要修改的项目（编号 ${patch.id}），可能已被删除。未做任何修改，请刷新后重试。`);
      this.checkFields(patch.fields, `项目“${String(row[ROSTER_NAME_FIELD] ?? patch.id)}”`);
      if (!originals.has(row.id)) originals.set(row.id, row);
      const next: RosterRowRecord = { ...row };
      for (const [field, value] of Object.entries(patch.fields)) {
        if (field === 'id') continue;
        const old = row[field] ?? null;
        if (old === value) continue;
        next[field] = value;
        changed.add(row.id);
        const entry: AuditEntry = { at, who, returnId, zoneId, table: 'rosterRows', key: row.id, field, old, new: value, action: batchId ? 'import' : 'update' };
        if (batchId) entry.batchId = batchId;
        audits.push(entry);
      }
      current.set(row.id, next);
    });
    const changedIds = [...changed];
    const after = changedIds.flatMap((id) => current.get(id) ?? []);
    await this.db.rosterRows.bulkPut(after);
    if (after.length > 0) await bumpRosterVersion(this.db.rosterVersions, zoneId);
    return { before: changedIds.flatMap((id) => originals.get(id) ?? []), after };
  }

  /**
   * The return a roster edit was made from must be one of the zone's. It may be submitted: the
   * ledger belongs to the zone and goes on after a quarter is sent; the return sent is the outbox
   * snapshot, which the read-only view of a submitted return shows.
   */
  protected async rosterContext(zoneId: string, context: EditContext): Promise<void> {
    if (context.returnId === undefined) return;
    const ret = await this.existingReturn(context.returnId);
    if (ret.zoneId !== zoneId) refuse('zone-mismatch', `报表“${ret.id}”不属于开发区“${zoneId}”，未做任何修改。请回到本开发区的报表重新操作。`);
  }

  async addRows(zoneId: string, rows: NewRosterRow[], who: string, context: EditContext = {}): Promise<Result<RosterReceipt>> {
    return this.write([this.db.zones, this.db.returns, this.db.rosterRows, this.db.auditLog], async (at) => {
      if ((await this.db.zones.get(zoneId)) === undefined) refuse('zone-not-found', `找不到开发区“${zoneId}”。请先选择本开发区。`);
      await this.rosterContext(zoneId, context);
      const audits: AuditEntry[] = [];
      const ids = await this.insertRows(zoneId, rows, who, at, context.returnId ?? null, audits, undefined, context.positions);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: ids.length, ids };
    });
  }

  /** Changes fields of existing rows (a cell edit, or a pasted block): all in one transaction, or none. */
  async updateRowFields(zoneId: string, patches: RowPatch[], who: string, context: EditContext = {}): Promise<Result<RosterReceipt>> {
    return this.write([this.db.returns, this.db.rosterRows, this.db.auditLog], async (at) => {
      await this.rosterContext(zoneId, context);
      const audits: AuditEntry[] = [];
      await this.patchRows(zoneId, patches, who, at, context.returnId ?? null, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: audits.length, ids: [] };
    });
  }

  async deleteRows(zoneId: string, ids: string[], who: string, context: EditContext = {}): Promise<Result<RosterReceipt>> {
    return this.write([this.db.returns, this.db.rosterRows, this.db.auditLog], async (at) => {
      await this.rosterContext(zoneId, context);
      const rows = await this.db.rosterRows.bulkGet(ids);
      const audits: AuditEntry[] = rows.map((row, index) => {
        if (row === undefined || row.zoneId !== zoneId) refuse('row-not-found', `找不到要删除的项目（编号 ${ids[index] ?? ''}），可能已被删除。未删除任何项目，请刷新后重试。`);
        return { at, who, returnId: context.returnId ?? null, zoneId, table: 'rosterRows', key: row.id, field: '*', old: rowToJson(row), new: null, action: 'delete' };
      });
      await this.db.rosterRows.bulkDelete(ids);
      await bumpRosterVersion(this.db.rosterVersions, zoneId);
      await this.db.auditLog.bulkAdd(audits);
      const positions = Object.fromEntries(rows.flatMap((row) => (row === undefined ? [] : [[row.id, row.position] as const])));
      return { savedAt: at, changed: audits.length, ids: [], positions };
    });
  }
}
