/** Zones: the registry copied into the database, and the clerk's own additions and edits. */
import type { Result, Zone, ZoneRegistry } from '../../../src-shared/model';
import type { AuditEntry, ZoneRecord } from '../schema';
import { refuse } from './store-core';
import { SettingsPart } from './settings-store';

function zoneOf(record: ZoneRecord): Zone | undefined {
  const { name, cityCode, county, type, level } = { ...record.registry, ...record.edits };
  if (name === undefined || cityCode === undefined || county === undefined || type === undefined || level === undefined) return undefined;
  return { id: record.id, name, cityCode, county, type, level };
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
      const next: ZoneRecord = { ...record, edits: { ...record.edits, ...edits }, updatedAt: at };
      const after = zoneOf(next);
      if (after === undefined) refuse('zone-incomplete', '开发区信息不完整（名称、所属市、县区、类型、级别都要填写）。请补全后再保存。');
      const audits: AuditEntry[] = [];
      for (const field of ['name', 'cityCode', 'county', 'type', 'level'] as const) {
        if (before?.[field] !== after[field]) audits.push({ at, who, returnId: null, zoneId, table: 'zones', key: zoneId, field, old: before?.[field] ?? null, new: after[field], action: 'update' });
      }
      await this.db.zones.put(next);
      await this.db.auditLog.bulkAdd(audits);
      return after;
    });
  }
}
