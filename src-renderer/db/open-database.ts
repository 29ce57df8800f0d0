/**
 * Opens the database, keeping a backup of the old data before any schema upgrade.
 *
 * Dexie upgrades an older database inside `open()`. So before that, the existing database is
 * opened as it is (Dexie without a declared schema reads the installed one), its version is
 * compared with ours, and when it is older every table is read and stored as a backup file in
 * the separate `${name}-backups` database. Only then is the real schema opened. If the backup
 * cannot be made, the upgrade does not happen.
 */
import Dexie from 'dexie';
import type { Result } from '../../src-shared/model';
import { BackupsDb, backupsDbName, encodeBackup, readAllTables, storeBackup, BACKUP_FORMAT } from './backup';
import { dexieDeps, ZoneReturnsDb, type IndexedDbDeps } from './database';
import { DEFAULT_DB_NAME, SCHEMA_VERSION } from './schema';

export interface OpenOptions extends IndexedDbDeps {
  /** Database name; tests give each case its own. */
  name?: string;
  now?: () => Date;
}

export interface OpenedDatabase {
  db: ZoneReturnsDb;
  backups: BackupsDb;
  /** The version the database had before this open upgraded it; null when no upgrade ran. */
  upgradedFrom: number | null;
  /** Id (in `backups`) of the backup made before the upgrade. */
  preUpgradeBackupId: number | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The installed version of a database, or 0 when there is none. Leaves nothing open or created. */
async function installedVersion(probe: Dexie): Promise<number> {
  try {
    await probe.open();
    return probe.verno;
  } catch (error) {
    if (error instanceof Dexie.NoSuchDatabaseError) return 0;
    throw error;
  }
}

export async function openDatabase(options: OpenOptions = {}): Promise<Result<OpenedDatabase>> {
  const name = options.name ?? DEFAULT_DB_NAME;
  const now = options.now ?? (() => new Date());
  const deps = dexieDeps(options);
  const backups = new BackupsDb(backupsDbName(name), deps);

  const probe = new Dexie(name, deps);
  let version = 0;
  let preUpgradeBackupId: number | null = null;
  try {
    version = await installedVersion(probe);
    if (version > SCHEMA_VERSION) {
      return {
        ok: false,
        issues: [
          {
            code: 'db-newer',
            severity: 'error',
            message: `本机数据由较新版本的程序保存（数据库第 ${version} 版，本程序为第 ${SCHEMA_VERSION} 版）。为免损坏数据，本程序不能打开它。请安装最新版本的程序。`,
          },
        ],
      };
    }
    if (version > 0 && version < SCHEMA_VERSION) {
      const tables = await readAllTables(probe);
      const bytes = await encodeBackup({ format: BACKUP_FORMAT, schemaVersion: version, createdAt: now().toISOString(), tables });
      preUpgradeBackupId = await storeBackup(backups, { createdAt: now().toISOString(), reason: 'pre-upgrade', schemaVersion: version, upgradingTo: SCHEMA_VERSION, bytes });
    }
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          code: version > 0 ? 'db-backup-failed' : 'db-unavailable',
          severity: 'error',
          message: `无法读取本机数据库，程序没有做任何改动。请关闭其他打开本程序的窗口后重试；如仍不行，请联系技术支持。（${describe(error)}）`,
        },
      ],
    };
  } finally {
    probe.close();
  }

  const db = new ZoneReturnsDb(name, deps, now);
  try {
    await db.open();
  } catch (error) {
    db.close();
    const kept = preUpgradeBackupId === null ? '' : `升级前的数据已自动备份（第 ${preUpgradeBackupId} 号备份），可在“备份与恢复”中恢复。`;
    return {
      ok: false,
      issues: [{ code: 'db-open-failed', severity: 'error', message: `无法打开或升级本机数据库，数据保持原样。${kept}请重启程序后重试；如仍不行，请联系技术支持。（${describe(error)}）` }],
    };
  }
  return { ok: true, value: { db, backups, upgradedFrom: preUpgradeBackupId === null ? null : version, preUpgradeBackupId }, issues: [] };
}
