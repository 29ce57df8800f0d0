/** Backup and restore of the whole database, and the backups the program makes by itself. */
import type { Result } from '../../../src-shared/model';
import { decodeBackup, exportBackup, listStoredBackups, restoreDecoded, storeBackup, type EncodeOptions, type RestoreProgress, type RestoreSummary, type StoredBackupInfo } from '../backup';
import { backupContents, type BackupContents } from '../backup-contents';
import { describeError } from './store-core';
import { AuditPart } from './audit-store';

export class BackupPart extends AuditPart {
  /** The whole database as one file's bytes (name it `*.zrbak`). */
  async exportBackup(options: EncodeOptions = {}): Promise<Uint8Array> {
    return exportBackup(this.db, this.now(), options);
  }

  /** What a backup file holds (its date, zones, returns, projects), for the confirmation; nothing is written. */
  async inspectBackup(bytes: Uint8Array): Promise<Result<{ createdAt: string; schemaVersion: number; contents: BackupContents }>> {
    const decoded = await decodeBackup(bytes);
    if (!decoded.ok) return decoded;
    return { ok: true, value: { createdAt: decoded.value.createdAt, schemaVersion: decoded.value.schemaVersion, contents: backupContents(decoded.value.tables) }, issues: [] };
  }

  /**
   * Replaces the whole database with the backup's contents. The file is checked first (a bad
   * one changes nothing); the current data is kept as a stored backup before it is replaced.
   * `onProgress` hears each phase and, while writing, the rows written so far.
   */
  async restoreBackup(bytes: Uint8Array, who: string, onProgress?: (progress: RestoreProgress) => void): Promise<Result<RestoreSummary>> {
    onProgress?.({ phase: 'reading', done: 0, total: 0 });
    performance.mark('restore:read:start');
    const decoded = await decodeBackup(bytes);
    performance.measure('restore:read', 'restore:read:start');
    if (!decoded.ok) return decoded;
    const now = this.now();
    try {
      onProgress?.({ phase: 'keeping', done: 0, total: 0 });
      performance.mark('restore:keep:start');
      const current = await this.exportBackup();
      await storeBackup(this.backups, { createdAt: now.toISOString(), reason: 'before-restore', schemaVersion: this.db.verno, upgradingTo: null, bytes: current });
      performance.measure('restore:keep', 'restore:keep:start');
    } catch (error) {
      return { ok: false, issues: [{ code: 'backup-keep-failed', severity: 'error', message: `无法先为当前数据做一份备份，为安全起见没有恢复，数据库未做任何改动。请检查磁盘空间后重试。（${describeError(error)}）` }] };
    }
    return restoreDecoded(this.db, decoded.value, who, now, onProgress);
  }

  /** Backups the program made by itself (before upgrades and restores), newest first. */
  async listStoredBackups(): Promise<StoredBackupInfo[]> {
    return listStoredBackups(this.backups);
  }

  /** A stored backup's file bytes, to save it somewhere or restore it. */
  async storedBackupBytes(id: number): Promise<Uint8Array | undefined> {
    return (await this.backups.backups.get(id))?.bytes;
  }

  async restoreStoredBackup(id: number, who: string, onProgress?: (progress: RestoreProgress) => void): Promise<Result<RestoreSummary>> {
    const bytes = await this.storedBackupBytes(id);
    if (bytes === undefined) return { ok: false, issues: [{ code: 'backup-not-found', severity: 'error', message: `找不到第 ${id} 号自动备份。请刷新备份列表后重试。` }] };
    return this.restoreBackup(bytes, who, onProgress);
  }
}
