/**
 * The stored shapes of the local database, one interface per table, and the schema of every
 * version that was ever released. A version's store strings never change once released: a new
 * release adds a version (and, where rows change shape, a pure migration in `migrations.ts`).
 *
 * Version 1 (first release): zones as plain registry copies; returns without revisions; one
 * `values` table holding numbers and texts alike; a roster copied into every return; an audit
 * log without zone or import-batch context.
 *
 * Version 2: the roster becomes the zone's project ledger shared by its returns (keyed by zone,
 * indexed by [zoneId+name]); texts get their own table; returns get revision and reopen reason
 * (退回修改); zones keep the registry copy and the clerk's edits apart; the audit log records
 * zone, action and import batch; import batches (with what undo needs), ledger column mappings
 * and the outbox of submitted workbooks are new.
 */
import type { SavedMapping } from '../../src-shared/ledger';
import type { CoverInfo, Period, RosterRow, Zone } from '../../src-shared/model';

export const DEFAULT_DB_NAME = 'zone-returns';
export const SCHEMA_VERSION = 5; // 3: the city bureau's inbox (block 市局收件箱); 4: the upload queue (block 联网报送); 5: roster versions (block at the end)

/** The roster field holding the project's name; the [zoneId+name] index is built on it. */
export const ROSTER_NAME_FIELD = 'name';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ReturnStatus = '未填' | '填报中' | '已校验' | '已报送' | '退回修改';
export const RETURN_STATUSES: readonly ReturnStatus[] = ['未填', '填报中', '已校验', '已报送', '退回修改'];

/** A value a roster cell can hold. */
export type RosterCell = string | number | boolean | null;

export interface ZoneRecord {
  id: string;
  /** The copy from the zone registry, refreshed by `ensureZones`; absent for a zone the clerk added. */
  registry?: Zone;
  registryVersion?: string;
  /** What the clerk changed; it wins over the registry copy and survives a registry refresh. */
  edits: Partial<Omit<Zone, 'id'>>;
  updatedAt: string;
}

export interface ReturnRecord {
  /** `${zoneId}|${periodKey}` */
  id: string;
  zoneId: string;
  periodKey: string;
  period: Period;
  indicatorSet: { id: string; version: string };
  status: ReturnStatus;
  /** Number of submissions made so far; the outbox entry of submission n carries revision n. */
  revision: number;
  cover: CoverInfo;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Why the reviewer sent the return back (退回修改), while it is reopened. */
  reopenReason: string | null;
}

export type ValueColumn = 'current' | 'lastYear';

export interface ValueRecord {
  returnId: string;
  code: string;
  current: number | null;
  lastYear: number | null;
  updatedAt: string;
}

export interface TextRecord {
  returnId: string;
  code: string;
  text: string;
  updatedAt: string;
}

export interface ExplanationRecord {
  returnId: string;
  /** The validation issue's `key`. */
  key: string;
  text: string;
  updatedAt: string;
}

/**
 * A project of the zone's ledger: the row's own fields plus the zone it belongs to and its
 * place in the ledger (rows are listed by `position`; new rows go to the end).
 */
export type RosterRowRecord = RosterRow & { zoneId: string; position: number };

/** Stored beside a row's fields; never a roster field of an indicator set. */
export const RESERVED_ROSTER_FIELDS: readonly string[] = ['id', 'zoneId', 'position'];

export type AuditTable = 'zones' | 'returns' | 'values' | 'texts' | 'explanations' | 'rosterRows' | 'outbox' | 'importBatches' | 'database' | 'inboxItems';
export type AuditAction = 'insert' | 'update' | 'delete' | 'status' | 'submit' | 'import' | 'undo-import' | 'restore';

/** One line of the append-only audit log (who, when, field, old → new). */
export interface AuditEntry {
  seq?: number;
  at: string;
  who: string;
  returnId: string | null;
  zoneId: string | null;
  table: AuditTable;
  /** The record within the table: indicator code, roster row id, explanation key, cover, … */
  key: string;
  /** The column or field changed: `current`, `lastYear`, `text`, a roster field code, `status`, … */
  field: string;
  old: JsonValue;
  new: JsonValue;
  batchId?: string;
  action: AuditAction;
  /** More about a state change: revision, the reviewer's reason, the submission's file and checksum. */
  detail?: JsonObject;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  values: number;
  /** Rows the clerk excluded or the reader skipped; reported, not stored. */
  skipped: number;
}

export interface ImportBatchRecord {
  id: string;
  at: string;
  who: string;
  file: string;
  sheet: string;
  zoneId: string;
  returnId: string | null;
  counts: ImportCounts;
  /** Ids of the roster rows the import inserted (deleted again on undo). */
  insertedRowIds: string[];
  /** Before-images of the roster rows the import changed (put back on undo). */
  rowsBefore: RosterRowRecord[];
  /** The same rows as the import left them, to tell on undo whether the clerk edited them since. */
  rowsAfter: RosterRowRecord[];
  /** Before-images of indicator values the import set; `before: null` when there was none. */
  valuesBefore: Array<{ returnId: string; code: string; before: ValueRecord | null }>;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface LedgerMappingRecord {
  /** Signature of a ledger's flattened header (what identifies "the same ledger layout again"). */
  signature: string;
  mapping: SavedMapping;
  updatedAt: string;
}

export interface OutboxRecord {
  submissionId: string;
  returnId: string;
  revision: number;
  fileName: string;
  at: string;
  sha256: string;
  /** The canonical JSON of the return as submitted (the bytes the checksum covers). */
  snapshot: string;
}

export interface SettingRecord {
  key: string;
  value: JsonValue;
}

/** What the clerk sets once and the app remembers. */
export interface Settings {
  zoneId?: string;
  /** 填表人 */
  fillerName?: string;
  phone?: string;
  /** 单位负责人 */
  unitHead?: string;
  /** 统计负责人 */
  statisticsHead?: string;
  /** The period key last opened, to come back to it. */
  lastPeriodKey?: string;
  /** 本单位: `zone` (a development zone, the default) or `bureau` (a city bureau of commerce). */
  unitKind?: string;
  /** 本单位 as a city bureau: the city's code in the zone registry (e.g. 140500). */
  bureauCityCode?: string;
}

/** Version 1 rows, kept for the upgrade and for restoring a version-1 backup. */
export type V1Status = '未填' | '填报中' | '已校验' | '已报送';
export interface V1ReturnRecord {
  id: string;
  zoneId: string;
  periodKey: string;
  period: Period;
  indicatorSet: { id: string; version: string };
  status: V1Status;
  cover: CoverInfo;
  updatedAt: string;
  submittedAt: string | null;
}
export interface V1ValueRecord {
  returnId: string;
  code: string;
  /** Text indicators stored their text here. */
  current: number | string | null;
  lastYear: number | null;
  updatedAt: string;
}
/** The roster was copied into each return. */
export type V1RosterRowRecord = RosterRow & { returnId: string };
export interface V1AuditEntry {
  seq?: number;
  at: string;
  who: string;
  returnId: string | null;
  table: string;
  key: string;
  field: string;
  old: JsonValue;
  new: JsonValue;
}
export interface V1Tables {
  zones: Zone[];
  returns: V1ReturnRecord[];
  values: V1ValueRecord[];
  rosterRows: V1RosterRowRecord[];
  explanations: ExplanationRecord[];
  auditLog: V1AuditEntry[];
  settings: SettingRecord[];
}

// ---- 市局收件箱 (issue 10) — schema version INBOX_VERSION ---------------------------------------
// The city bureau's received submissions, kept apart from the zone's own returns. One block so the
// integrator can renumber INBOX_VERSION when other versions land at the same time.
export const INBOX_VERSION = 3;

export interface InboxItemRecord {
  /** Row id (random). */
  id: string;
  fileName: string;
  /** SHA-256 of the original bytes; the same file received twice is one row. */
  fileSha256: string;
  receivedAt: string;
  receivedBy: string;
  /** Readable identity; absent when the file could not be read at all. */
  submissionId: string | null;
  revision: number | null;
  exportedAt: string | null;
  zoneId: string | null;
  periodKey: string | null;
  indicatorSet: { id: string; version: string } | null;
  /** A 导出草稿 workbook: judged 草稿 and never counted. */
  draft?: true;
  /** Verification verdict at receipt: checksum, metadata and visible sheets all hold. */
  intact: boolean;
  problems: string[];
  /** The parsed return as canonical JSON (null when unreadable). */
  returnJson: string | null;
  /** 退回修改 by the bureau: the reason, who and when. */
  returned: { reason: string; who: string; at: string } | null;
  /** Received from the collection server (联网报送) rather than from a file: its id and revision there. */
  fromServer?: { submissionId: string; revision: number };
  /** Left out of the city total by the bureau. */
  excluded: boolean;
}

/** The original bytes (the evidence), base64 so a backup file can carry them. */
export interface InboxFileRecord {
  id: string;
  base64: string;
}

/** 全省开发区平均增速 and the province's ranks, entered by the bureau per city and period. */
export interface ReferenceFigureRecord {
  cityCode: string;
  periodKey: string;
  provinceAverageGrowthPct: Record<string, number>;
  provinceRank: Record<string, { value?: number; growth?: number }>;
  updatedAt: string;
}

export interface InboxTables {
  inboxItems: InboxItemRecord[];
  inboxFiles: InboxFileRecord[];
  referenceFigures: ReferenceFigureRecord[];
}

export const INBOX_STORES = {
  inboxItems: 'id, fileSha256, [zoneId+periodKey], receivedAt',
  inboxFiles: 'id',
  referenceFigures: '[cityCode+periodKey]',
} as const satisfies Record<keyof InboxTables, string>;

export const INBOX_TABLE_NAMES = ['inboxItems', 'inboxFiles', 'referenceFigures'] as const satisfies readonly (keyof InboxTables)[];
// ---- end 市局收件箱 -------------------------------------------------------------------------------

export interface Tables extends InboxTables {
  zones: ZoneRecord[];
  returns: ReturnRecord[];
  values: ValueRecord[];
  texts: TextRecord[];
  rosterRows: RosterRowRecord[];
  explanations: ExplanationRecord[];
  auditLog: AuditEntry[];
  importBatches: ImportBatchRecord[];
  ledgerMappings: LedgerMappingRecord[];
  outbox: OutboxRecord[];
  settings: SettingRecord[];
}

export type TableName = keyof Tables;
export type V1TableName = keyof V1Tables;

/** Dexie store strings of every released version (primary key first). */
export const STORES = {
  1: {
    zones: 'id',
    returns: 'id, zoneId',
    values: '[returnId+code], returnId',
    rosterRows: 'id, returnId',
    explanations: '[returnId+key], returnId',
    auditLog: '++seq, returnId, at',
    settings: 'key',
  } satisfies Record<V1TableName, string>,
  2: {
    zones: 'id',
    returns: 'id, zoneId, [zoneId+periodKey], status',
    values: '[returnId+code], returnId',
    texts: '[returnId+code], returnId',
    rosterRows: 'id, zoneId, [zoneId+name], [zoneId+position]',
    explanations: '[returnId+key], returnId',
    auditLog: '++seq, returnId, zoneId, batchId, at',
    importBatches: 'id, zoneId, at',
    ledgerMappings: 'signature',
    outbox: 'submissionId, returnId, [returnId+revision], at',
    settings: 'key',
  } satisfies Record<Exclude<TableName, keyof InboxTables>, string>,
} as const;

export const TABLE_NAMES = [
  'zones',
  'returns',
  'values',
  'texts',
  'rosterRows',
  'explanations',
  'auditLog',
  'importBatches',
  'ledgerMappings',
  'outbox',
  'settings',
  ...INBOX_TABLE_NAMES,
] as const satisfies readonly TableName[];
export const V1_TABLE_NAMES = ['zones', 'returns', 'values', 'rosterRows', 'explanations', 'auditLog', 'settings'] as const satisfies readonly V1TableName[];

export function returnIdOf(zoneId: string, periodKey: string): string {
  return `${zoneId}|${periodKey}`;
}

// ---- 联网报送 (issue 12) — schema version SYNC_VERSION: the upload queue and the device's enrollment ----
export const SYNC_VERSION = 4;
// New tables only; no row of an older table changes. They are NOT part of a backup file: a
// device key cannot leave the browser (non-extractable) and a restored copy on another machine
// must enroll as its own device. The integrator may renumber this version.
import type { UploadItem } from '../../src-shared/sync/upload-queue';

export type UploadRecord = UploadItem;
/** The exported workbook bytes of a queued upload, exactly as written to the file. */
export interface UploadBodyRecord {
  submissionId: string;
  bytes: Uint8Array;
}
/** `enrollment` (server, device id, zone, city), `deviceKey` (the CryptoKeyPair), cursors. */
export interface SyncStateRecord {
  key: string;
  value: unknown;
}
export const SYNC_STORES = {
  uploads: 'submissionId, returnId, state',
  uploadBodies: 'submissionId',
  syncState: 'key',
} as const;
// ---- end of 联网报送 ----

// ---- Roster versions (issue 14) — schema version ROSTER_VERSION ----------------------------------
// A token per zone that changes with every write of the zone's ledger (and one for the whole
// database, changed by a restore), read in the same transaction as a return: while it is the
// same, the ledger rows and their aggregates kept in memory are still the stored ones, and
// opening a return reads no ledger row. New table only; no row of an older table changes. Not
// part of a backup file (it describes this database's writes, not its data).
export const ROSTER_VERSION = 5;

/** `zoneId` is the zone's id, or DATABASE_EPOCH_KEY for the token a restore changes. */
export interface RosterVersionRecord {
  zoneId: string;
  version: string;
}
export const DATABASE_EPOCH_KEY = '*';
export const ROSTER_VERSION_STORES = {
  rosterVersions: 'zoneId',
} as const;
// ---- end of roster versions ----
