/**
 * What a backup holds, in the words a clerk checks before replacing anything: which zones, how
 * many returns and projects, when it was made. Read from the backup's tables, not from the
 * database it will replace.
 */
import type { Tables } from './schema';

export interface BackupContents {
  /** Zones with returns or projects in the backup, by name (the id where the backup names none). */
  zones: Array<{ id: string; name: string }>;
  returns: number;
  projects: number;
  /** 本开发区 in the backup's settings, where set. */
  homeZoneId?: string;
}

export function backupContents(tables: Pick<Tables, 'zones' | 'returns' | 'rosterRows' | 'settings'>): BackupContents {
  const names = new Map<string, string>();
  for (const zone of tables.zones) {
    const name = zone.edits.name ?? zone.registry?.name;
    if (name !== undefined) names.set(zone.id, name);
  }
  const ids = new Set<string>();
  for (const ret of tables.returns) ids.add(ret.zoneId);
  for (const row of tables.rosterRows) ids.add(row.zoneId);
  const home = tables.settings.find((s) => s.key === 'zoneId')?.value;
  const contents: BackupContents = {
    zones: [...ids].sort().map((id) => ({ id, name: names.get(id) ?? id })),
    returns: tables.returns.length,
    projects: tables.rosterRows.length,
  };
  if (typeof home === 'string' && home !== '') contents.homeZoneId = home;
  return contents;
}

/** 晋城开发区、高平开发区；报表 3 份；项目 12 个 */
export function contentsText(contents: BackupContents): string {
  const zones = contents.zones.length === 0 ? '无开发区数据' : contents.zones.map((z) => z.name).join('、');
  return `${zones}；报表 ${contents.returns} 份；项目 ${contents.projects} 个`;
}

/** 1.2 MB / 36 KB */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
