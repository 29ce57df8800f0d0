/**
 * The Dexie database of the renderer. Every version ever released is declared here with its
 * store strings (see `schema.ts`); an upgrade that changes the shape of rows runs the pure
 * migration of `migrations.ts` on the old tables. Transactions use strict durability, so a
 * transaction's promise resolves only once the data is on disk (Chromium otherwise reports
 * completion before the flush), which is what lets the UI say 已保存.
 */
import Dexie, { type Table } from 'dexie';
import { migrateV1toV2 } from './migrations';
import {
  DEFAULT_DB_NAME,
  INBOX_STORES,
  INBOX_VERSION,
  SYNC_VERSION,
  type InboxFileRecord,
  type InboxItemRecord,
  type ReferenceFigureRecord,
  STORES,
  V1_TABLE_NAMES,
  type AuditEntry,
  type ExplanationRecord,
  type ImportBatchRecord,
  type LedgerMappingRecord,
  type OutboxRecord,
  type ReturnRecord,
  type RosterRowRecord,
  type SettingRecord,
  type TableName,
  type TextRecord,
  type ValueRecord,
  type ZoneRecord,
  SYNC_STORES,
  ROSTER_VERSION,
  ROSTER_VERSION_STORES,
  type RosterVersionRecord,
  type SyncStateRecord,
  type UploadBodyRecord,
  type UploadRecord,
} from './schema';
import { validateTablesV1 } from './validate-tables';

/** Where IndexedDB comes from: the browser's by default, fake-indexeddb in tests and the bench. */
export interface IndexedDbDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export class DatabaseUpgradeError extends Error {
  override name = 'DatabaseUpgradeError';
}

export class AuditLogAppendOnlyError extends Error {
  override name = 'AuditLogAppendOnlyError';
}

/** Transactions allowed to rewrite the audit log as a whole: a schema upgrade and a restore. */
const rewriting = new WeakSet<object>();

/** Call inside a transaction that replaces the audit log wholesale (restore, upgrade). */
export function allowAuditLogRewrite(trans: { idbtrans: IDBTransaction } | undefined = Dexie.currentTransaction): void {
  if (trans?.idbtrans) rewriting.add(trans.idbtrans);
}

export class ZoneReturnsDb extends Dexie {
  declare zones: Table<ZoneRecord, string>;
  declare returns: Table<ReturnRecord, string>;
  declare values: Table<ValueRecord, [string, string]>;
  declare texts: Table<TextRecord, [string, string]>;
  declare rosterRows: Table<RosterRowRecord, string>;
  declare explanations: Table<ExplanationRecord, [string, string]>;
  declare auditLog: Table<AuditEntry, number>;
  declare importBatches: Table<ImportBatchRecord, string>;
  declare ledgerMappings: Table<LedgerMappingRecord, string>;
  declare outbox: Table<OutboxRecord, string>;
  declare settings: Table<SettingRecord, string>;
  declare inboxItems: Table<InboxItemRecord, string>;
  declare inboxFiles: Table<InboxFileRecord, string>;
  declare referenceFigures: Table<ReferenceFigureRecord, [string, string]>;
  // schema version SYNC_VERSION (issue 12): upload queue and enrollment, not in backups
  declare uploads: Table<UploadRecord, string>;
  declare uploadBodies: Table<UploadBodyRecord, string>;
  declare syncState: Table<SyncStateRecord, string>;
  // schema version ROSTER_VERSION (issue 14): a token per zone's ledger, not in backups
  declare rosterVersions: Table<RosterVersionRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME, deps: IndexedDbDeps = {}, now: () => Date = () => new Date()) {
    super(name, { ...dexieDeps(deps), chromeTransactionDurability: 'strict' });
    // The audit log only grows: any other write to it, from any code path, fails its transaction.
    this.use({
      stack: 'dbcore',
      name: 'audit-log-append-only',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'auditLog') return table;
          return {
            ...table,
            mutate: (req) =>
              req.type === 'add' || rewriting.has(req.trans)
                ? table.mutate(req)
                : Promise.reject(new AuditLogAppendOnlyError(`审计日志只能追加，不能${req.type === 'put' ? '修改' : '删除'}。`)),
          };
        },
      }),
    });
    this.version(1).stores(STORES[1]);
    this.version(2)
      .stores(STORES[2])
      .upgrade(async (tx) => {
        allowAuditLogRewrite(tx);
        const raw: Record<string, unknown[]> = {};
        for (const table of V1_TABLE_NAMES) raw[table] = await tx.table(table).toArray();
        const v1 = validateTablesV1(raw);
        // Our own version-1 data failing its checks is a bug: abort, the database stays at version 1.
        if (!v1.ok) throw new DatabaseUpgradeError(v1.issues.map((i) => i.message).join('\n'));
        const v2 = migrateV1toV2(v1.value, now().toISOString());
        const rewritten: TableName[] = ['zones', 'returns', 'values', 'texts', 'rosterRows', 'auditLog'];
        for (const table of rewritten) {
          await tx.table(table).clear();
          await tx.table(table).bulkAdd(v2[table]);
        }
      });
    // ---- 市局收件箱 (issue 10): new tables only, no rows change ----
    this.version(INBOX_VERSION).stores({ ...STORES[2], ...INBOX_STORES });
    // ---- 联网报送 (issue 12): new tables only, no upgrade function; not in backups ----
    this.version(SYNC_VERSION).stores({ ...STORES[2], ...INBOX_STORES, ...SYNC_STORES });
    // ---- roster versions (issue 14): a new table only, no upgrade function; not in backups ----
    this.version(ROSTER_VERSION).stores({ ...STORES[2], ...INBOX_STORES, ...SYNC_STORES, ...ROSTER_VERSION_STORES });
  }
}

export function dexieDeps(deps: IndexedDbDeps): IndexedDbDeps {
  const out: IndexedDbDeps = {};
  if (deps.indexedDB) out.indexedDB = deps.indexedDB;
  if (deps.IDBKeyRange) out.IDBKeyRange = deps.IDBKeyRange;
  return out;
}
