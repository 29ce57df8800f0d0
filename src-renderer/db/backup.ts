/**
 * Backup of the whole database to one file, and its restore.
 *
 * The file is a JSON document `{ format: 'zone-returns/backup@1', schemaVersion, createdAt,
 * tables: { name: rows[] } }`, gzip-compressed when the platform has CompressionStream (the
 * reader recognises both, by the gzip magic bytes). A backup of an older schema version is
 * migrated in memory by the same functions the upgrade uses, then written.
 *
 * Restore replaces every table in ONE read-write transaction: a file that fails its checks is
 * refused before anything is written, and a failure while writing rolls everything back.
 *
 * Backups the program makes by itself (before a schema upgrade, before a restore) are kept in a
 * small separate database `${name}-backups`, which no upgrade of the main database touches.
 */
import Dexie, { type Table } from 'dexie';
import type { Result, UserIssue } from '../../src-shared/model';
import { allowAuditLogRewrite, dexieDeps, type IndexedDbDeps, type ZoneReturnsDb } from './database';
import { backupContents, type BackupContents } from './backup-contents';
import { migrateV1toV2 } from './migrations';
import { DATABASE_EPOCH_KEY, ROSTER_VERSION_STORES, SCHEMA_VERSION, SYNC_STORES, TABLE_NAMES, type JsonValue, type Tables } from './schema';
import { newRosterVersion } from './roster-version';
import { validateTablesV1, validateTablesV2 } from './validate-tables';

export const BACKUP_FORMAT = 'zone-returns/backup@1';

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  createdAt: string;
  tables: Record<string, unknown[]>;
}

export interface DecodedBackup {
  /** The schema version the file was written with. */
  schemaVersion: number;
  createdAt: string;
  /** The tables in the current schema (migrated when the file was older). */
  tables: Tables;
}

export interface RestoreSummary {
  schemaVersion: number;
  createdAt: string;
  counts: Record<keyof Tables, number>;
}

export interface EncodeOptions {
  /** Compress with gzip; defaults to whether CompressionStream exists. */
  gzip?: boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function hasCompressionStreams(): boolean {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';
}

async function pipeBytes(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function encodeBackup(doc: BackupDocument, options: EncodeOptions = {}): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(doc));
  const gzip = options.gzip ?? hasCompressionStreams();
  return gzip ? pipeBytes(json, new CompressionStream('gzip')) : json;
}

function issue(code: string, message: string, path?: string): UserIssue {
  return path === undefined ? { code, severity: 'error', message } : { code, severity: 'error', message, location: { path } };
}

/** Reads and checks a backup file; nothing is written. */
export async function decodeBackup(bytes: Uint8Array): Promise<Result<DecodedBackup>> {
  let jsonBytes = bytes;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    if (!hasCompressionStreams()) return { ok: false, issues: [issue('backup-gzip-unsupported', '此备份文件是压缩格式，当前环境无法解压。请在新版浏览器或桌面程序中恢复。')] };
    try {
      jsonBytes = await pipeBytes(bytes, new DecompressionStream('gzip'));
    } catch {
      return { ok: false, issues: [issue('backup-corrupt', '备份文件已损坏（无法解压），不能恢复。数据库未做任何改动。请换一个备份文件。')] };
    }
  }
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes));
  } catch {
    return { ok: false, issues: [issue('backup-not-json', '所选文件不是本程序的备份文件（内容无法读取），不能恢复。数据库未做任何改动。请选择扩展名为 .zrbak 的备份文件。')] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, issues: [issue('backup-bad-format', '所选文件不是本程序的备份文件，不能恢复。数据库未做任何改动。请换一个备份文件。')] };
  }
  const fields = doc as Record<string, unknown>;
  if (fields['format'] !== BACKUP_FORMAT) {
    return { ok: false, issues: [issue('backup-bad-format', `所选文件不是本程序的备份文件（格式标记应为 ${BACKUP_FORMAT}），不能恢复。数据库未做任何改动。请换一个备份文件。`, 'format')] };
  }
  const version = fields['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issues: [issue('backup-bad-version', '备份文件缺少有效的数据库版本号，不能恢复。数据库未做任何改动。请换一个备份文件。', 'schemaVersion')] };
  }
  if (version > SCHEMA_VERSION) {
    return { ok: false, issues: [issue('backup-newer', `此备份来自较新版本的程序（数据库第 ${version} 版，本程序为第 ${SCHEMA_VERSION} 版），不能恢复。请先升级程序后再恢复。`, 'schemaVersion')] };
  }
  const createdAt = typeof fields['createdAt'] === 'string' ? fields['createdAt'] : '';
  if (version === 1) {
    const v1 = validateTablesV1(fields['tables']);
    if (!v1.ok) return v1;
    return { ok: true, value: { schemaVersion: 1, createdAt, tables: migrateV1toV2(v1.value, new Date().toISOString()) }, issues: [] };
  }
  const v2 = validateTablesV2(fields['tables'], version);
  if (!v2.ok) return v2;
  return { ok: true, value: { schemaVersion: version, createdAt, tables: v2.value }, issues: [] };
}

/**
 * Every table of an open Dexie database, read in one transaction so the copy is consistent —
 * except the device's upload queue and enrollment (schema version 4), which stay on this machine,
 * and the roster versions (schema version 5), which describe this database's writes.
 */
export async function readAllTables(db: Dexie): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  const kept = db.tables.filter((t) => !Object.hasOwn(SYNC_STORES, t.name) && !Object.hasOwn(ROSTER_VERSION_STORES, t.name));
  await db.transaction('r', kept, async () => {
    for (const table of kept) tables[table.name] = await table.toArray();
  });
  return tables;
}

export async function exportBackup(db: ZoneReturnsDb, now: Date, options: EncodeOptions = {}): Promise<Uint8Array> {
  const doc: BackupDocument = { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: now.toISOString(), tables: await readAllTables(db) };
  return encodeBackup(doc, options);
}

/**
 * Replaces the database contents with the backup's, in one transaction, and appends a `restore`
 * line to the (restored) audit log. A bad file changes nothing.
 */
export async function restoreBackup(db: ZoneReturnsDb, bytes: Uint8Array, who: string, now: Date): Promise<Result<RestoreSummary>> {
  const decoded = await decodeBackup(bytes);
  if (!decoded.ok) return decoded;
  return restoreDecoded(db, decoded.value, who, now);
}

/** How far a restore is: reading the file, keeping a copy of the current data, writing the tables. */
export interface RestoreProgress {
  phase: 'reading' | 'keeping' | 'writing';
  /** Rows written so far (writing), else 0. */
  done: number;
  /** Rows to write (writing), else 0. */
  total: number;
}

/** Rows per bulk write: large enough to keep IndexedDB busy, small enough to show progress. */
export const RESTORE_CHUNK_ROWS = 20_000;

/**
 * Writes checked backup tables over the database, all or nothing: every table cleared and bulk
 * written in ONE read-write transaction (a failure anywhere rolls all of it back, the old data
 * stays), in chunks of RESTORE_CHUNK_ROWS rows with `onProgress` after each, and one `restore`
 * line appended to the restored audit log (the restored rows get no audit lines of their own).
 * `bulkAdd`, not `bulkPut`, into the emptied tables: a file holding one key twice fails the
 * restore instead of silently losing a row.
 */
export async function restoreDecoded(db: ZoneReturnsDb, decoded: DecodedBackup, who: string, now: Date, onProgress?: (progress: RestoreProgress) => void): Promise<Result<RestoreSummary>> {
  const { tables, schemaVersion, createdAt } = decoded;
  const total = TABLE_NAMES.reduce((sum, name) => sum + tables[name].length, 0);
  try {
    performance.mark('restore:write:start');
    await db.transaction('rw', db.tables, async () => {
      allowAuditLogRewrite();
      let done = 0;
      onProgress?.({ phase: 'writing', done, total });
      for (const name of TABLE_NAMES) await db.table(name).clear();
      for (const name of TABLE_NAMES) {
        const rows: unknown[] = tables[name];
        for (let from = 0; from < rows.length; from += RESTORE_CHUNK_ROWS) {
          const chunk = rows.length <= RESTORE_CHUNK_ROWS ? rows : rows.slice(from, from + RESTORE_CHUNK_ROWS);
          await db.table(name).bulkAdd(chunk);
          done += chunk.length;
          onProgress?.({ phase: 'writing', done, total });
        }
      }
      // Every ledger may have changed: what a window kept of them is stale.
      await db.rosterVersions.clear();
      await db.rosterVersions.put({ zoneId: DATABASE_EPOCH_KEY, version: newRosterVersion() });
      const detail: JsonValue = { schemaVersion, createdAt };
      await db.auditLog.add({ at: now.toISOString(), who, returnId: null, zoneId: null, table: 'database', key: 'backup', field: 'restore', old: null, new: detail, action: 'restore' });
    });
    performance.measure('restore:write', 'restore:write:start');
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, issues: [issue('backup-restore-failed', `恢复备份时写入失败，数据库已回到恢复前的状态，未做任何改动。请检查备份文件是否完整后重试。（${detail}）`)] };
  }
  const counts: Record<keyof Tables, number> = {
    zones: tables.zones.length,
    returns: tables.returns.length,
    values: tables.values.length,
    texts: tables.texts.length,
    rosterRows: tables.rosterRows.length,
    explanations: tables.explanations.length,
    auditLog: tables.auditLog.length,
    importBatches: tables.importBatches.length,
    ledgerMappings: tables.ledgerMappings.length,
    outbox: tables.outbox.length,
    settings: tables.settings.length,
    inboxItems: tables.inboxItems.length,
    inboxFiles: tables.inboxFiles.length,
    referenceFigures: tables.referenceFigures.length,
  };
  return { ok: true, value: { schemaVersion, createdAt, counts }, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// Backups the program keeps by itself.

export type StoredBackupReason = 'pre-upgrade' | 'before-restore' | 'manual';

export interface StoredBackup {
  id?: number;
  createdAt: string;
  reason: StoredBackupReason;
  /** Schema version of the data in `bytes`. */
  schemaVersion: number;
  /** For a pre-upgrade backup: the version the database was being upgraded to. */
  upgradingTo: number | null;
  bytes: Uint8Array;
  /** What it holds, read when it was stored (absent in backups stored before this was kept, and for unreadable bytes). */
  contents?: BackupContents;
}

export type StoredBackupInfo = Omit<StoredBackup, 'bytes'> & { id: number; size: number };

/** How many automatic backups to keep; the oldest go first. */
export const KEEP_STORED_BACKUPS = 10;

export class BackupsDb extends Dexie {
  declare backups: Table<StoredBackup, number>;
  constructor(name: string, deps: IndexedDbDeps = {}) {
    super(name, { ...dexieDeps(deps), chromeTransactionDurability: 'strict' });
    this.version(1).stores({ backups: '++id, createdAt, reason' });
  }
}

export function backupsDbName(mainName: string): string {
  return `${mainName}-backups`;
}

/** What a backup's bytes hold; undefined when they are not a readable backup. */
export async function contentsOfBackup(bytes: Uint8Array): Promise<BackupContents | undefined> {
  const decoded = await decodeBackup(bytes);
  return decoded.ok ? backupContents(decoded.value.tables) : undefined;
}

export async function storeBackup(backups: BackupsDb, backup: Omit<StoredBackup, 'id'>): Promise<number> {
  // Read before the transaction: decompressing is not IndexedDB work and would end it.
  const contents = backup.contents ?? (await contentsOfBackup(backup.bytes));
  const record: Omit<StoredBackup, 'id'> = contents === undefined ? backup : { ...backup, contents };
  return backups.transaction('rw', backups.backups, async () => {
    const id = await backups.backups.add(record);
    const ids = await backups.backups.orderBy('id').primaryKeys();
    const excess = ids.length - KEEP_STORED_BACKUPS;
    if (excess > 0) await backups.backups.bulkDelete(ids.slice(0, excess));
    return id;
  });
}

/** The stored backups, newest first; one stored before its contents were kept is read now. */
export async function listStoredBackups(backups: BackupsDb): Promise<StoredBackupInfo[]> {
  const all = await backups.backups.orderBy('id').reverse().toArray();
  const infos: StoredBackupInfo[] = [];
  for (const { bytes, id, contents, ...rest } of all) {
    if (id === undefined) continue;
    const known = contents ?? (await contentsOfBackup(bytes));
    infos.push(known === undefined ? { ...rest, id, size: bytes.byteLength } : { ...rest, id, size: bytes.byteLength, contents: known });
  }
  return infos;
}
