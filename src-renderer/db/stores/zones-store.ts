/** Zones: the registry copied into the database, and the clerk's own additions and edits. */
import type { Result, Zone, ZoneRegistry } from '../../../src-shared/model';
import type { AuditEntry, ZoneRecord } from '../schema';
import { refuse } from './store-core';
import { SettingsPart } from './settings-store';

function zoneOf(record: ZoneRecord): Zone | undefined {
  const { name, cityCode, county, type, level, shortName, establishedYear, formerNames } = { ...record.registry, ...record.edits };
  if (name === undefined || cityCode === undefined || county === undefined || type === undefined || level === undefined) return undefined;
  const zone: Zone = { id: record.id, name, cityCode, county, type, level };
  if (shortName !== undefined && shortName !== '') zone.shortName = shortName;
  if (establishedYear !== undefined) zone.establishedYear = establishedYear;
  if (formerNames !== undefined && formerNames.length > 0) zone.formerNames = formerNames;
  return zone;
}

const ZONE_FIELDS = ['name', 'shortName', 'cityCode', 'county', 'type', 'level', 'establishedYear'] as const;

/** The edits that make `before` into `after`; a rename keeps the old name among the former names. */
function editsFor(before: Zone, after: Omit<Zone, 'id'>): Partial<Omit<Zone, 'id'>> {
  const edits: Partial<Omit<Zone, 'id'>> = {};
  for (const f of ZONE_FIELDS) if (after[f] !== undefined && after[f] !== before[f]) Object.assign(edits, { [f]: after[f] });
  if (edits.name !== undefined && !(before.formerNames ?? []).includes(before.name)) edits.formerNames = [...(before.formerNames ?? []), before.name];
  return edits;
}

export class ZonesPart extends SettingsPart {
  /** Copies the registry into the database; the clerk's edits of a zone are kept. */
  async ensureZones(registry: ZoneRegistry): Promise<{ added: number; refreshed: number }> {
    const at = this.now().toISOString();
    return this.db.transaction('rw', this.db.zones, async () => {
      const existing = new Map((await this.db.zones.bulkGet(registry.zones.map((z) => z.id))).flatMap((z) => (z ? [[z.id, z] as const] : [])));
      let added = 0;
      const records = registry.zones.map((zone): ZoneRecord => {
        const old = existing.get(zone.id);
        if (old === undefined) added += 1;
        return { id: zone.id, registry: zone, registryVersion: registry.version, edits: old?.edits ?? {}, updatedAt: old?.updatedAt ?? at };
      });
      await this.db.zones.bulkPut(records);
      return { added, refreshed: records.length - added };
    });
  }

  async listZones(): Promise<Zone[]> {
    const records = await this.db.zones.toArray();
    return records.flatMap((r) => {
      const zone = zoneOf(r);
      return zone ? [zone] : [];
    });
  }

  async getZone(zoneId: string): Promise<Zone | undefined> {
    const record = await this.db.zones.get(zoneId);
    return record ? zoneOf(record) : undefined;
  }

  /** A zone the registry does not have (yet). */
  async addZone(zone: Zone, who: string): Promise<Result<Zone>> {
    return this.write([this.db.zones, this.db.auditLog], async (at) => {
      if ((await this.db.zones.get(zone.id)) !== undefined) refuse('zone-exists', `开发区编号“${zone.id}”已存在。请换一个编号。`);
      const { id, ...edits } = zone;
      await this.db.zones.add({ id, edits, updatedAt: at });
      await this.db.auditLog.add({ at, who, returnId: null, zoneId: id, table: 'zones', key: id, field: '*', old: null, new: { ...zone }, action: 'insert' });
      return zone;
    });
  }

  async updateZone(zoneId: string, edits: Partial<Omit<Zone, 'id'>>, who: string): Promise<Result<Zone>> {
    return this.write([this.db.zones, this.db.auditLog], async (at) => {
      const record = await this.db.zones.get(zoneId);
      if (record === undefined) refuse('zone-not-found', `找不到开发区“${zoneId}”。请在开发区列表中重新选择。`);
      const before = zoneOf(record);
      const renamed = before && edits.name !== undefined && edits.name !== before.name && !(before.formerNames ?? []).includes(before.name) ? { formerNames: [...(before.formerNames ?? []), before.name] } : {};
      const next: ZoneRecord = { ...record, edits: { ...record.edits, ...edits, ...renamed }, updatedAt: at };
      const after = zoneOf(next);
      if (after === undefined) refuse('zone-incomplete', '开发区信息不完整（名称、所属市、县区、类型、级别都要填写）。请补全后再保存。');
      const audits: AuditEntry[] = [];
      for (const field of ZONE_FIELDS) {
        if (before?.[field] !== after[field]) audits.push({ at, who, returnId: null, zoneId, table: 'zones', key: zoneId, field, old: before?.[field] ?? null, new: after[field] ?? null, action: 'update' });
      }
      await this.db.zones.put(next);
      await this.db.auditLog.bulkAdd(audits);
      return after;
    });
  }

  /**
   * Adds and updates zones from a registry sheet in one transaction: a zone's id never changes; an
   * existing zone takes the sheet's fields as the bureau's edits (a registry refresh keeps them).
   */
  async importZones(zones: Zone[], who: string): Promise<Result<{ added: number; changed: number; unchanged: number }>> {
    return this.write([this.db.zones, this.db.auditLog], async (at) => {
      const records = await this.db.zones.bulkGet(zones.map((z) => z.id));
      const puts: ZoneRecord[] = [];
      const audits: AuditEntry[] = [];
      let added = 0;
      let unchanged = 0;
      zones.forEach((zone, i) => {
        const { id, ...fields } = zone;
        const record = records[i];
        const before = record ? zoneOf(record) : undefined;
        if (!record || !before) {
          added += 1;
          puts.push({ id, edits: fields, updatedAt: at });
          audits.push({ at, who, returnId: null, zoneId: id, table: 'zones', key: id, field: '*', old: null, new: { ...zone }, action: 'insert' });
          return;
        }
        const edits = editsFor(before, fields);
        if (Object.keys(edits).length === 0) {
          unchanged += 1;
          return;
        }
        puts.push({ ...record, edits: { ...record.edits, ...edits }, updatedAt: at });
        for (const f of ZONE_FIELDS) if (edits[f] !== undefined) audits.push({ at, who, returnId: null, zoneId: id, table: 'zones', key: id, field: f, old: before[f] ?? null, new: edits[f] ?? null, action: 'update' });
      });
      await this.db.zones.bulkPut(puts);
      await this.db.auditLog.bulkAdd(audits);
      return { added, changed: puts.length - added, unchanged };
    });
  }
}
