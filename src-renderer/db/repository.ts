/**
 * The storage API the screens call. Open it once with `openRepository()` and pass it down
 * (e.g. through a React context); every method is async and safe to call from `useLiveQuery`
 * for the reading ones.
 *
 * Every edit runs in ONE read-write transaction (strict durability) that also appends its lines
 * to the audit log; the returned promise resolves only after the transaction has committed, so
 * `{ ok: true }` is the moment the UI may show 已保存. Errors the clerk can meet (a submitted,
 * locked return; an unknown return; a value that is not a number; a disk that refused the
 * write) come back as `{ ok: false, issues }` with a Chinese message, and nothing is written.
 *
 *   openRepository(options?): Promise<Result<Repository>>
 *
 *   Zones       ensureZones(registry) · listZones() · getZone(id) · addZone(zone, who) · updateZone(id, edits, who)
 *   Returns     listReturns(zoneId) · getReturn(returnId) · getOrCreateReturn({ zoneId, period, indicatorSet }, who)
 *               loadReturn(returnId) → { zoneReturn, record, submitted? }
 *               loadLastYearReturn(returnId) · lastYearValues(returnId) · prefillLastYear(returnId, who, { overwrite? })
 *   Edits       saveValue(returnId, code, column, value, who) · saveValues({ returnId, who, cells })
 *               saveText(returnId, code, text, who) · saveExplanation(returnId, key, text, who) · saveCover(returnId, patch, who)
 *   Roster      listRoster(zoneId) · findRosterRowsByName(zoneId, name)
 *               addRows(zoneId, rows, who, context?) · updateRowFields(zoneId, patches, who, context?) · deleteRows(zoneId, ids, who, context?)
 *   Lifecycle   markValidated(returnId, gate, who) · nextRevision(returnId) · recordSubmission(entry, who) · reopenReturn(returnId, reason, who) · listOutbox(returnId?)
 *   Import      applyImportBatch(input) · undoImportBatch(batchId, who) · listImportBatches(zoneId)
 *               getLedgerMapping(signature) · saveLedgerMapping(signature, mapping)
 *   Audit       auditTrail({ returnId?, zoneId?, batchId? })
 *   Settings    getSettings() · setSettings(patch)
 *   Backup      exportBackup(options?) · restoreBackup(bytes, who) · listStoredBackups() · storedBackupBytes(id) · restoreStoredBackup(id, who)
 *
 * States follow `src-shared/lifecycle` (the one place the transitions are defined): an edit moves
 * 未填 and 已校验 to 填报中 (a checked return that changes must be checked again); 退回修改 stays
 * 退回修改; 已报送 refuses every edit of the return's own data.
 * The roster is the zone's ledger, shared by all its returns, so roster edits are not refused
 * when a return is submitted: what was submitted is kept as the outbox snapshot (`loadReturn`
 * gives it as `submitted.snapshot`; the read-only view and the print view of a submitted return
 * show that, through `returns/submitted-return.ts`).
 */
import Dexie, { type Table } from 'dexie';
import { RETURN_FORMAT, type CoverInfo, type IndicatorValue, type Period, type Result, type RosterRow, type UserIssue, type Zone, type ZoneRegistry, type ZoneReturn } from '../../src-shared/model';
import {
  decodeBackup,
  exportBackup,
  listStoredBackups,
  restoreDecoded,
  storeBackup,
  type BackupsDb,
  type EncodeOptions,
  type RestoreSummary,
  type StoredBackupInfo,
} from './backup';
import type { ZoneReturnsDb } from './database';
import { openDatabase, type OpenOptions } from './open-database';
import type { SavedMapping } from '../../src-shared/ledger';
import { applyEdit, markSubmitted, markValidated, nextRevision, reopen, type Gate, type LifecycleEvent, type LifecycleRecord, type Transition } from '../../src-shared/lifecycle';
import { lastYearPeriod, periodKey } from '../../src-shared/period';
import {
  RESERVED_ROSTER_FIELDS,
  ROSTER_NAME_FIELD,
  returnIdOf,
  type AuditEntry,
  type ImportBatchRecord,
  type JsonObject,
  type JsonValue,
  type LedgerMappingRecord,
  type OutboxRecord,
  type ReturnRecord,
  type ReturnStatus,
  type RosterCell,
  type RosterRowRecord,
  type SettingRecord,
  type Settings,
  type ValueColumn,
  type ValueRecord,
  type ZoneRecord,
} from './schema';

export interface SaveReceipt {
  /** When the transaction committed (ISO). */
  savedAt: string;
  /** Cells or fields that actually changed; 0 when the edit wrote what was already stored. */
  changed: number;
  /** The return's status after the edit (an edit moves 已校验 back to 填报中). */
  status: ReturnStatus;
}

export interface RosterReceipt {
  savedAt: string;
  changed: number;
  /** Ids of the rows added, in order. */
  ids: string[];
  /** Of rows deleted: where each stood in the ledger's order, for putting it back there (EditContext.positions). */
  positions?: Record<string, number>;
}

export interface ValueCell {
  code: string;
  column: ValueColumn;
  /** `null` clears the cell. */
  value: number | null;
}

export interface ValueBatch {
  returnId: string;
  who: string;
  cells: ValueCell[];
}

export type ReturnSummary = Pick<ReturnRecord, 'id' | 'zoneId' | 'periodKey' | 'period' | 'indicatorSet' | 'status' | 'revision' | 'updatedAt' | 'submittedAt' | 'reopenReason'>;

export interface LoadedReturn {
  /** The return in its canonical form: stored values, texts, explanations, cover and the zone's roster. */
  zoneReturn: ZoneReturn;
  record: ReturnRecord;
  /** The latest outbox entry, for a return submitted at least once (its snapshot is what was sent). */
  submitted?: OutboxRecord;
}

/** A roster row to add: its fields, and optionally an id chosen by the caller (e.g. an import). */
export type NewRosterRow = { id?: string } & Record<string, RosterCell | undefined>;

export interface RowPatch {
  id: string;
  fields: Record<string, RosterCell>;
}

/** Which return a roster edit was made from, for the audit log. */
export interface EditContext {
  returnId?: string;
  /** addRows only: put these rows back where they stood (from a delete's receipt), where that place is still free. */
  positions?: Readonly<Record<string, number>>;
}

export interface SubmissionEntry {
  submissionId: string;
  returnId: string;
  /** Must be the return's revision + 1. */
  revision: number;
  fileName: string;
  sha256: string;
  snapshot: string;
}

export interface ImportBatchInput {
  zoneId: string;
  who: string;
  file: string;
  sheet: string;
  /** The return whose indicator values the import sets, if it sets any. */
  returnId?: string | null;
  insert: NewRosterRow[];
  update: RowPatch[];
  values?: ValueCell[];
  /** Rows excluded by the clerk or skipped by the reader, reported in the batch's counts. */
  skipped?: number;
}

export interface UndoReport {
  batch: ImportBatchRecord;
  /** Warnings: rows the clerk had edited after the import (they were put back as before the import anyway). */
  warnings: UserIssue[];
}

export interface RepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

/** Thrown inside a transaction to abort it; turned into `{ ok: false, issues }`. */
class Refusal extends Error {
  constructor(readonly issues: UserIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
  }
}

function refuse(code: string, message: string): never {
  throw new Refusal([{ code, severity: 'error', message }]);
}

function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; a page served from a custom scheme may not be one.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const COLUMN_LABEL: Record<ValueColumn, string> = { current: '本期', lastYear: '上年同期' };
const COVER_FIELDS: ReadonlyArray<keyof CoverInfo> = ['unitHead', 'statisticsHead', 'filler', 'phone', 'reportDate'];
const SETTING_KEYS: ReadonlyArray<keyof Settings> = ['zoneId', 'fillerName', 'phone', 'unitHead', 'statisticsHead', 'lastPeriodKey'];

function isRosterCell(v: unknown): v is RosterCell {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function rowToJson(row: RosterRowRecord): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined) out[k] = v;
  return out;
}

function rosterRowOf(record: RosterRowRecord): RosterRow {
  const row: RosterRow = { id: record.id };
  for (const [k, v] of Object.entries(record)) if (v !== undefined && !RESERVED_ROSTER_FIELDS.includes(k)) row[k] = v;
  return row;
}

function zoneOf(record: ZoneRecord): Zone | undefined {
  const { name, cityCode, county, type, level } = { ...record.registry, ...record.edits };
  if (name === undefined || cityCode === undefined || county === undefined || type === undefined || level === undefined) return undefined;
  return { id: record.id, name, cityCode, county, type, level };
}

function summaryOf(r: ReturnRecord): ReturnSummary {
  return { id: r.id, zoneId: r.zoneId, periodKey: r.periodKey, period: r.period, indicatorSet: r.indicatorSet, status: r.status, revision: r.revision, updatedAt: r.updatedAt, submittedAt: r.submittedAt, reopenReason: r.reopenReason };
}

function lifecycleOf(r: ReturnRecord): LifecycleRecord {
  return { state: r.status, revision: r.revision, submittedAt: r.submittedAt, reopenReason: r.reopenReason };
}

function withLifecycle(r: ReturnRecord, l: LifecycleRecord, at: string): ReturnRecord {
  return { ...r, status: l.state, revision: l.revision, submittedAt: l.submittedAt, reopenReason: l.reopenReason, updatedAt: at };
}

/** A lifecycle event as an audit line: field `status`, old → new state, the rest in `detail`. */
function auditOfEvent(r: ReturnRecord, e: LifecycleEvent): AuditEntry {
  const detail: JsonObject = { revision: e.revision };
  if (e.reason !== undefined) detail['reason'] = e.reason;
  if (e.submissionId !== undefined) detail['submissionId'] = e.submissionId;
  if (e.fileName !== undefined) detail['fileName'] = e.fileName;
  if (e.sha256 !== undefined) detail['sha256'] = e.sha256;
  return { at: e.at, who: e.who, returnId: r.id, zoneId: r.zoneId, table: 'returns', key: r.id, field: 'status', old: e.from, new: e.to, action: e.action === 'submit' ? 'submit' : 'status', detail };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function openRepository(options: OpenOptions & RepositoryOptions = {}): Promise<Result<Repository>> {
  const opened = await openDatabase(options);
  if (!opened.ok) return opened;
  const { db, backups, upgradedFrom, preUpgradeBackupId } = opened.value;
  return { ok: true, value: new Repository(db, backups, { ...options, upgradedFrom, preUpgradeBackupId }), issues: [] };
}

export class Repository {
  /** The version the database was upgraded from when this repository opened it, or null. */
  readonly upgradedFrom: number | null;
  readonly preUpgradeBackupId: number | null;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(
    readonly db: ZoneReturnsDb,
    readonly backups: BackupsDb,
    options: RepositoryOptions & { upgradedFrom?: number | null; preUpgradeBackupId?: number | null } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomId;
    this.upgradedFrom = options.upgradedFrom ?? null;
    this.preUpgradeBackupId = options.preUpgradeBackupId ?? null;
  }

  close(): void {
    this.db.close();
    this.backups.close();
  }

  /** Runs `body` in one rw transaction; a Refusal or a failed write aborts it and comes back as a value. */
  private async write<T>(tables: Table[], body: (at: string) => Promise<T>): Promise<Result<T>> {
    const at = this.now().toISOString();
    try {
      // The scope must itself be an async function: Dexie keeps its transaction zone across
      // native awaits (ours nest a few levels deep) only for async scopes.
      const value = await this.db.transaction('rw', tables, async () => body(at));
      return { ok: true, value, issues: [] };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, issues: error.issues };
      // The database refused the write (disk full, connection closed by a newer window, …): the
      // transaction rolled back and the clerk must know. Anything else is a bug and is thrown.
      if (!(error instanceof Dexie.DexieError || error instanceof DOMException)) throw error;
      return {
        ok: false,
        issues: [{ code: 'save-failed', severity: 'error', message: `保存失败，本次修改没有写入。请检查磁盘空间，关闭其他打开本程序的窗口后重试。（${describeError(error)}）` }],
      };
    }
  }

  /** Reads the return in the running transaction; refuses if it is missing. */
  private async existingReturn(returnId: string): Promise<ReturnRecord> {
    const ret = await this.db.returns.get(returnId);
    if (ret === undefined) refuse('return-not-found', `找不到报表“${returnId}”。请回到报表列表重新选择。`);
    return ret;
  }

  /** Reads the return in the running transaction and refuses if it is missing or may not be edited (已报送). */
  private async editableReturn(returnId: string): Promise<ReturnRecord> {
    const ret = await this.existingReturn(returnId);
    const edit = applyEdit(lifecycleOf(ret), { who: '', at: '' });
    if (!edit.ok) throw new Refusal(edit.issues);
    return ret;
  }

  /** The stored value rows of the cells' indicators, by code. */
  private async storedValues(returnId: string, cells: ValueCell[]): Promise<Map<string, ValueRecord>> {
    const codes = [...new Set(cells.map((c) => c.code))];
    const rows = await this.db.values.bulkGet(codes.map((code): [string, string] => [returnId, code]));
    return new Map(rows.flatMap((v) => (v ? [[v.code, v] as const] : [])));
  }

  /** Applies the lifecycle's edit transition (未填/已校验 → 填报中) and records the edit time. */
  private async touchReturn(ret: ReturnRecord, who: string, at: string, audits: AuditEntry[]): Promise<ReturnStatus> {
    const edit = applyEdit(lifecycleOf(ret), { who, at });
    if (!edit.ok) throw new Refusal(edit.issues);
    const next = withLifecycle(ret, edit.value.record, at);
    if (edit.value.event) audits.push(auditOfEvent(ret, edit.value.event));
    await this.db.returns.update(ret.id, { status: next.status, updatedAt: at });
    return next.status;
  }

  /** Stores a lifecycle transition of a return with its audit line, in the running transaction. */
  private async transition(ret: ReturnRecord, result: Result<Transition>, at: string): Promise<ReturnRecord> {
    if (!result.ok) throw new Refusal(result.issues);
    const next = withLifecycle(ret, result.value.record, at);
    if (result.value.event === null) return ret;
    await this.db.returns.put(next);
    await this.db.auditLog.add(auditOfEvent(ret, result.value.event));
    return next;
  }

  // ------------------------------------------------------------------------------------------
  // Zones

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

  // ------------------------------------------------------------------------------------------
  // Returns

  /** The zone's returns, latest period first. */
  async listReturns(zoneId: string): Promise<ReturnSummary[]> {
    const records = await this.db.returns.where('[zoneId+periodKey]').between([zoneId, Dexie.minKey], [zoneId, Dexie.maxKey]).reverse().toArray();
    return records.map(summaryOf);
  }

  async getReturn(returnId: string): Promise<ReturnRecord | undefined> {
    return this.db.returns.get(returnId);
  }

  /** The return of a zone and period; created (status 未填) when there is none yet. */
  async getOrCreateReturn(input: { zoneId: string; period: Period; indicatorSet: { id: string; version: string } }, who: string): Promise<Result<ReturnRecord>> {
    const key = periodKey(input.period);
    const id = returnIdOf(input.zoneId, key);
    const existing = await this.db.returns.get(id);
    if (existing !== undefined) return { ok: true, value: existing, issues: [] };
    return this.write([this.db.zones, this.db.returns, this.db.settings, this.db.auditLog], async (at) => {
      const again = await this.db.returns.get(id);
      if (again !== undefined) return again;
      if ((await this.db.zones.get(input.zoneId)) === undefined) refuse('zone-not-found', `找不到开发区“${input.zoneId}”。请先在设置中选择本开发区。`);
      const settings = await this.getSettings();
      const cover: CoverInfo = {};
      if (settings.unitHead) cover.unitHead = settings.unitHead;
      if (settings.statisticsHead) cover.statisticsHead = settings.statisticsHead;
      if (settings.fillerName) cover.filler = settings.fillerName;
      if (settings.phone) cover.phone = settings.phone;
      const record: ReturnRecord = {
        id,
        zoneId: input.zoneId,
        periodKey: key,
        period: { year: input.period.year, endMonth: input.period.endMonth, frequency: input.period.frequency },
        indicatorSet: { id: input.indicatorSet.id, version: input.indicatorSet.version },
        status: '未填',
        revision: 0,
        cover,
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        reopenReason: null,
      };
      await this.db.returns.add(record);
      await this.db.auditLog.add({ at, who, returnId: id, zoneId: input.zoneId, table: 'returns', key: id, field: '*', old: null, new: { periodKey: key, indicatorSet: { ...record.indicatorSet } }, action: 'insert' });
      return record;
    });
  }

  /** The return as `ZoneReturn` (what computation, validation and the workbook take) with its status. */
  async loadReturn(returnId: string): Promise<Result<LoadedReturn>> {
    const loaded = await this.db.transaction('r', [this.db.returns, this.db.values, this.db.texts, this.db.explanations, this.db.rosterRows, this.db.outbox], async () => {
      const record = await this.db.returns.get(returnId);
      if (record === undefined) return undefined;
      const [values, texts, explanations, roster, outbox] = await Promise.all([
        this.db.values.where('returnId').equals(returnId).toArray(),
        this.db.texts.where('returnId').equals(returnId).toArray(),
        this.db.explanations.where('returnId').equals(returnId).toArray(),
        this.rosterRecords(record.zoneId),
        this.db.outbox.where('[returnId+revision]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).last(),
      ]);
      return { record, values, texts, explanations, roster, outbox };
    });
    if (loaded === undefined) return { ok: false, issues: [{ code: 'return-not-found', severity: 'error', message: `找不到报表“${returnId}”。请回到报表列表重新选择。` }] };
    const { record, values, texts, explanations, roster, outbox } = loaded;
    const valueMap: Record<string, IndicatorValue> = {};
    for (const v of values) {
      const iv: IndicatorValue = {};
      if (v.current !== null) iv.current = v.current;
      if (v.lastYear !== null) iv.lastYear = v.lastYear;
      if (v.current !== null || v.lastYear !== null) valueMap[v.code] = iv;
    }
    for (const t of texts) if (t.text !== '') valueMap[t.code] = { current: t.text };
    const zoneReturn: ZoneReturn = {
      format: RETURN_FORMAT,
      indicatorSet: { ...record.indicatorSet },
      zoneId: record.zoneId,
      period: { ...record.period },
      values: valueMap,
      roster: roster.map(rosterRowOf),
      explanations: Object.fromEntries(explanations.filter((e) => e.text !== '').map((e) => [e.key, e.text])),
      cover: { ...record.cover },
    };
    const result: LoadedReturn = { zoneReturn, record };
    if (outbox !== undefined) result.submitted = outbox;
    return { ok: true, value: result, issues: [] };
  }

  /** Last year's return for the same period (上年同期), where the app has it. */
  async loadLastYearReturn(returnId: string): Promise<ZoneReturn | undefined> {
    const record = await this.db.returns.get(returnId);
    if (record === undefined) return undefined;
    const lastYear = await this.loadReturn(returnIdOf(record.zoneId, periodKey(lastYearPeriod(record.period))));
    return lastYear.ok ? lastYear.value.zoneReturn : undefined;
  }

  /** The current values of last year's same-period return, by indicator code: the prefill of 上年同期. Empty when the app does not have it. */
  async lastYearValues(returnId: string): Promise<Record<string, number>> {
    const record = await this.db.returns.get(returnId);
    if (record === undefined) return {};
    const lastYearId = returnIdOf(record.zoneId, periodKey(lastYearPeriod(record.period)));
    const rows = await this.db.values.where('returnId').equals(lastYearId).toArray();
    return Object.fromEntries(rows.flatMap((v) => (v.current === null ? [] : [[v.code, v.current]])));
  }

  /** Fills 上年同期 from last year's return: only empty cells unless `overwrite`. One transaction. */
  async prefillLastYear(returnId: string, who: string, options: { overwrite?: boolean } = {}): Promise<Result<SaveReceipt>> {
    const source = await this.lastYearValues(returnId);
    const current = await this.db.values.where('returnId').equals(returnId).toArray();
    const filled = new Set(current.filter((v) => v.lastYear !== null).map((v) => v.code));
    const cells = Object.entries(source)
      .filter(([code]) => options.overwrite === true || !filled.has(code))
      .map(([code, value]): ValueCell => ({ code, column: 'lastYear', value }));
    return this.saveValues({ returnId, who, cells });
  }

  // ------------------------------------------------------------------------------------------
  // Edits of a return

  async saveValue(returnId: string, code: string, column: ValueColumn, value: number | null, who: string): Promise<Result<SaveReceipt>> {
    return this.saveValues({ returnId, who, cells: [{ code, column, value }] });
  }

  /** A paste of many cells: all written in one transaction, or none. */
  async saveValues(batch: ValueBatch): Promise<Result<SaveReceipt>> {
    const bad = batch.cells.flatMap((cell, index): UserIssue[] => {
      if (typeof cell.code !== 'string' || cell.code === '') return [{ code: 'bad-indicator', severity: 'error', message: `第 ${index + 1} 个单元格没有指标代码，整批未保存。请重新粘贴。` }];
      if (cell.column !== 'current' && cell.column !== 'lastYear') return [{ code: 'bad-column', severity: 'error', message: `指标“${cell.code}”的列“${String(cell.column)}”不存在，整批未保存。` }];
      if (cell.value !== null && (typeof cell.value !== 'number' || !Number.isFinite(cell.value))) {
        return [{ code: 'not-a-number', severity: 'error', message: `指标“${cell.code}”的${COLUMN_LABEL[cell.column]}值“${String(cell.value)}”不是有效数字，整批未保存。请改正后重新输入。` }];
      }
      return [];
    });
    if (bad.length > 0) return { ok: false, issues: bad };

    return this.write([this.db.returns, this.db.values, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(batch.returnId);
      const stored = await this.storedValues(batch.returnId, batch.cells);
      const changed = new Map<string, ValueRecord>();
      const audits: AuditEntry[] = [];
      for (const cell of batch.cells) {
        const before = changed.get(cell.code) ?? stored.get(cell.code) ?? { returnId: batch.returnId, code: cell.code, current: null, lastYear: null, updatedAt: at };
        if (before[cell.column] === cell.value) continue;
        audits.push({ at, who: batch.who, returnId: ret.id, zoneId: ret.zoneId, table: 'values', key: cell.code, field: cell.column, old: before[cell.column], new: cell.value, action: 'update' });
        changed.set(cell.code, { ...before, [cell.column]: cell.value, updatedAt: at });
      }
      if (audits.length === 0) return { savedAt: at, changed: 0, status: ret.status };
      await this.db.values.bulkPut([...changed.values()]);
      const status = await this.touchReturn(ret, batch.who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: audits.filter((a) => a.table === 'values').length, status };
    });
  }

  /** A text section (文字材料); an empty text clears it. */
  async saveText(returnId: string, code: string, text: string, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.texts, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const before = await this.db.texts.get([returnId, code]);
      const old = before?.text ?? '';
      if (old === text) return { savedAt: at, changed: 0, status: ret.status };
      const audits: AuditEntry[] = [{ at, who, returnId, zoneId: ret.zoneId, table: 'texts', key: code, field: 'text', old, new: text, action: before ? 'update' : 'insert' }];
      if (text === '') await this.db.texts.delete([returnId, code]);
      else await this.db.texts.put({ returnId, code, text, updatedAt: at });
      const status = await this.touchReturn(ret, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: 1, status };
    });
  }

  /** A 合理性说明 for a warning, under the issue's key; an empty text removes it. */
  async saveExplanation(returnId: string, key: string, text: string, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.explanations, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const before = await this.db.explanations.get([returnId, key]);
      const old = before?.text ?? '';
      if (old === text) return { savedAt: at, changed: 0, status: ret.status };
      const audits: AuditEntry[] = [{ at, who, returnId, zoneId: ret.zoneId, table: 'explanations', key, field: 'text', old, new: text, action: before ? 'update' : 'insert' }];
      if (text === '') await this.db.explanations.delete([returnId, key]);
      else await this.db.explanations.put({ returnId, key, text, updatedAt: at });
      const status = await this.touchReturn(ret, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: 1, status };
    });
  }

  /** Cover sheet fields (封面); an empty string or undefined clears a field. */
  async saveCover(returnId: string, patch: Partial<CoverInfo>, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const cover: CoverInfo = { ...ret.cover };
      const audits: AuditEntry[] = [];
      for (const field of COVER_FIELDS) {
        if (!(field in patch)) continue;
        const next = patch[field];
        const old = cover[field] ?? '';
        const value = next ?? '';
        if (old === value) continue;
        if (value === '') delete cover[field];
        else cover[field] = value;
        audits.push({ at, who, returnId, zoneId: ret.zoneId, table: 'returns', key: 'cover', field, old, new: value, action: 'update' });
      }
      if (audits.length === 0) return { savedAt: at, changed: 0, status: ret.status };
      const changed = audits.length;
      await this.db.returns.update(returnId, { cover });
      const status = await this.touchReturn({ ...ret, cover }, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed, status };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Roster: the zone's project ledger

  private rosterRecords(zoneId: string): Promise<RosterRowRecord[]> {
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

  private checkFields(fields: Record<string, unknown>, where: string): void {
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'id') continue;
      if (RESERVED_ROSTER_FIELDS.includes(field)) refuse('reserved-field', `${where}的字段名“${field}”为程序保留，不能使用。请检查台账字段映射。`);
      if (value !== undefined && !isRosterCell(value)) refuse('bad-roster-value', `${where}的“${field}”值“${String(value)}”无法保存（只能是文字、数字或是/否）。请改正后重试。`);
    }
  }

  private async insertRows(zoneId: string, rows: NewRosterRow[], who: string, at: string, returnId: string | null, audits: AuditEntry[], batchId?: string, positions?: Readonly<Record<string, number>>): Promise<string[]> {
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
    return records.map((r) => r.id);
  }

  private async patchRows(zoneId: string, patches: RowPatch[], who: string, at: string, returnId: string | null, audits: AuditEntry[], batchId?: string): Promise<{ before: RosterRowRecord[]; after: RosterRowRecord[] }> {
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
    return { before: changedIds.flatMap((id) => originals.get(id) ?? []), after };
  }

  /**
   * The return a roster edit was made from must be one of the zone's. It may be submitted: the
   * ledger belongs to the zone and goes on after a quarter is sent; the return sent is the outbox
   * snapshot, which the read-only view of a submitted return shows.
   */
  private async rosterContext(zoneId: string, context: EditContext): Promise<void> {
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
      await this.db.auditLog.bulkAdd(audits);
      const positions = Object.fromEntries(rows.flatMap((row) => (row === undefined ? [] : [[row.id, row.position] as const])));
      return { savedAt: at, changed: audits.length, ids: [], positions };
    });
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle and outbox (the rules of which transition is allowed live in src-shared/lifecycle)

  /**
   * 填报中 / 退回修改 / 未填 → 已校验, when the caller's validation gate (`validationGate` of
   * src-shared/lifecycle over `validateReturn`'s issues and the explanations) has passed.
   */
  async markValidated(returnId: string, gate: Gate, who: string): Promise<Result<ReturnRecord>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(returnId);
      return this.transition(ret, markValidated(lifecycleOf(ret), gate, { who, at }), at);
    });
  }

  /** The revision the next submission workbook of this return must carry. */
  async nextRevision(returnId: string): Promise<number | undefined> {
    const ret = await this.db.returns.get(returnId);
    return ret === undefined ? undefined : nextRevision(lifecycleOf(ret));
  }

  /**
   * 已校验 → 已报送: records the exported workbook in the outbox and locks the return, in one
   * transaction. `entry.revision` must be `nextRevision(returnId)`.
   */
  async recordSubmission(entry: SubmissionEntry, who: string): Promise<Result<OutboxRecord>> {
    return this.write([this.db.returns, this.db.outbox, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(entry.returnId);
      const expected = nextRevision(lifecycleOf(ret));
      if (ret.status !== '已报送' && entry.revision !== expected) refuse('revision-mismatch', `报送版次应为第 ${expected} 版，文件里是第 ${entry.revision} 版。请重新生成报送文件。`);
      if ((await this.db.outbox.get(entry.submissionId)) !== undefined) refuse('submission-exists', '这份报送文件已经登记过。请重新生成报送文件。');
      await this.transition(ret, markSubmitted(lifecycleOf(ret), { submissionId: entry.submissionId, fileName: entry.fileName, sha256: entry.sha256 }, { who, at }), at);
      const record: OutboxRecord = { ...entry, at };
      await this.db.outbox.add(record);
      return record;
    });
  }

  /** 已报送 → 退回修改, with the reviewer's reason; the return can be edited again. */
  async reopenReturn(returnId: string, reason: string, who: string): Promise<Result<ReturnRecord>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(returnId);
      return this.transition(ret, reopen(lifecycleOf(ret), reason, { who, at }), at);
    });
  }

  async listOutbox(returnId?: string): Promise<OutboxRecord[]> {
    if (returnId === undefined) return this.db.outbox.orderBy('at').toArray();
    return this.db.outbox.where('[returnId+revision]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).toArray();
  }

  // ------------------------------------------------------------------------------------------
  // Ledger import batches

  /** Writes an import (new rows, changed rows, indicator values) in one transaction, keeping what undo needs. */
  async applyImportBatch(input: ImportBatchInput): Promise<Result<ImportBatchRecord>> {
    const values = input.values ?? [];
    const returnId = input.returnId ?? null;
    return this.write([this.db.zones, this.db.returns, this.db.values, this.db.rosterRows, this.db.auditLog, this.db.importBatches], async (at) => {
      if ((await this.db.zones.get(input.zoneId)) === undefined) refuse('zone-not-found', `找不到开发区“${input.zoneId}”。请先选择本开发区。`);
      const batchId = this.newId();
      const audits: AuditEntry[] = [];
      const { before, after } = await this.patchRows(input.zoneId, input.update, input.who, at, returnId, audits, batchId);
      const insertedRowIds = await this.insertRows(input.zoneId, input.insert, input.who, at, returnId, audits, batchId);
      const valuesBefore: ImportBatchRecord['valuesBefore'] = [];
      if (values.length > 0) {
        if (returnId === null) refuse('import-no-return', '导入指标数值时必须选定报表。请先选择报告期。');
        const ret = await this.editableReturn(returnId);
        const stored = await this.storedValues(returnId, values);
        const next = new Map<string, ValueRecord>();
        for (const cell of values) {
          if (cell.value !== null && !Number.isFinite(cell.value)) refuse('not-a-number', `指标“${cell.code}”的值不是有效数字，未导入任何数据。`);
          const old = next.get(cell.code) ?? stored.get(cell.code);
          if (!next.has(cell.code)) valuesBefore.push({ returnId, code: cell.code, before: old ?? null });
          const base = old ?? { returnId, code: cell.code, current: null, lastYear: null, updatedAt: at };
          if (base[cell.column] === cell.value) continue;
          audits.push({ at, who: input.who, returnId, zoneId: ret.zoneId, table: 'values', key: cell.code, field: cell.column, old: base[cell.column], new: cell.value, batchId, action: 'import' });
          next.set(cell.code, { ...base, [cell.column]: cell.value, updatedAt: at });
        }
        await this.db.values.bulkPut([...next.values()]);
        await this.touchReturn(ret, input.who, at, audits);
      }
      const batch: ImportBatchRecord = {
        id: batchId,
        at,
        who: input.who,
        file: input.file,
        sheet: input.sheet,
        zoneId: input.zoneId,
        returnId,
        counts: { inserted: insertedRowIds.length, updated: after.length, values: values.length, skipped: input.skipped ?? 0 },
        insertedRowIds,
        rowsBefore: before,
        rowsAfter: after,
        valuesBefore,
        undoneAt: null,
        undoneBy: null,
      };
      await this.db.importBatches.add(batch);
      await this.db.auditLog.bulkAdd(audits);
      return batch;
    });
  }

  /** Takes an import back: inserted rows deleted, changed rows and values put back as they were. */
  async undoImportBatch(batchId: string, who: string): Promise<Result<UndoReport>> {
    return this.write([this.db.returns, this.db.values, this.db.rosterRows, this.db.auditLog, this.db.importBatches], async (at) => {
      const batch = await this.db.importBatches.get(batchId);
      if (batch === undefined) refuse('batch-not-found', '找不到这次导入记录。请刷新导入历史后重试。');
      if (batch.undoneAt !== null) refuse('batch-undone', `这次导入已于 ${batch.undoneAt} 撤销过。`);
      const audits: AuditEntry[] = [];
      const warnings: UserIssue[] = [];
      const base = { at, who, returnId: batch.returnId, zoneId: batch.zoneId, batchId, action: 'undo-import' } as const;

      const inserted = await this.db.rosterRows.bulkGet(batch.insertedRowIds);
      for (const row of inserted) if (row !== undefined) audits.push({ ...base, table: 'rosterRows', key: row.id, field: '*', old: rowToJson(row), new: null });
      await this.db.rosterRows.bulkDelete(batch.insertedRowIds);

      const now = new Map((await this.db.rosterRows.bulkGet(batch.rowsBefore.map((r) => r.id))).flatMap((r) => (r ? [[r.id, r] as const] : [])));
      const afterById = new Map(batch.rowsAfter.map((r) => [r.id, r]));
      for (const row of batch.rowsBefore) {
        const current = now.get(row.id);
        const name = String(row[ROSTER_NAME_FIELD] ?? row.id);
        if (current === undefined) {
          warnings.push({ code: 'undo-restored-deleted', severity: 'warning', message: `项目“${name}”在导入后被删除过，撤销导入已将其恢复为导入前的内容。如不需要，请在台账中再次删除。` });
        } else if (JSON.stringify(current) !== JSON.stringify(afterById.get(row.id))) {
          warnings.push({ code: 'undo-overwrote-edit', severity: 'warning', message: `项目“${name}”在导入后又被修改过，撤销导入已将其恢复为导入前的内容。如需保留后来的修改，请重新录入。` });
        }
        audits.push({ ...base, table: 'rosterRows', key: row.id, field: '*', old: current ? rowToJson(current) : null, new: rowToJson(row) });
      }
      await this.db.rosterRows.bulkPut(batch.rowsBefore);

      if (batch.valuesBefore.length > 0 && batch.returnId !== null) {
        const ret = await this.editableReturn(batch.returnId);
        for (const { returnId, code, before } of batch.valuesBefore) {
          const current = await this.db.values.get([returnId, code]);
          audits.push({ ...base, table: 'values', key: code, field: '*', old: current ? { current: current.current, lastYear: current.lastYear } : null, new: before ? { current: before.current, lastYear: before.lastYear } : null });
          if (before === null) await this.db.values.delete([returnId, code]);
          else await this.db.values.put(before);
        }
        await this.touchReturn(ret, who, at, audits);
      }
      const undone: ImportBatchRecord = { ...batch, undoneAt: at, undoneBy: who };
      await this.db.importBatches.put(undone);
      await this.db.auditLog.bulkAdd(audits);
      return { batch: undone, warnings };
    });
  }

  async listImportBatches(zoneId: string): Promise<ImportBatchRecord[]> {
    return (await this.db.importBatches.where('zoneId').equals(zoneId).sortBy('at')).reverse();
  }

  /** The column mapping remembered for a ledger layout (keyed by `headerSignature`). */
  async getLedgerMapping(signature: string): Promise<SavedMapping | undefined> {
    return (await this.db.ledgerMappings.get(signature))?.mapping;
  }

  async saveLedgerMapping(signature: string, mapping: SavedMapping): Promise<void> {
    const record: LedgerMappingRecord = { signature, mapping, updatedAt: this.now().toISOString() };
    await this.db.ledgerMappings.put(record);
  }

  // ------------------------------------------------------------------------------------------
  // Audit log (append-only: nothing here changes or removes a line)

  async auditTrail(filter: { returnId?: string; zoneId?: string; batchId?: string } = {}): Promise<AuditEntry[]> {
    if (filter.returnId !== undefined) return this.db.auditLog.where('returnId').equals(filter.returnId).sortBy('seq');
    if (filter.batchId !== undefined) return this.db.auditLog.where('batchId').equals(filter.batchId).sortBy('seq');
    if (filter.zoneId !== undefined) return this.db.auditLog.where('zoneId').equals(filter.zoneId).sortBy('seq');
    return this.db.auditLog.orderBy('seq').toArray();
  }

  // ------------------------------------------------------------------------------------------
  // Settings

  async getSettings(): Promise<Settings> {
    const rows = await this.db.settings.bulkGet([...SETTING_KEYS]);
    const settings: Settings = {};
    for (const row of rows) {
      if (row === undefined || typeof row.value !== 'string') continue;
      const key = SETTING_KEYS.find((k) => k === row.key);
      if (key !== undefined) settings[key] = row.value;
    }
    return settings;
  }

  /** Remembers what the clerk set; an empty string or undefined forgets a setting. */
  async setSettings(patch: Settings): Promise<Settings> {
    await this.db.transaction('rw', this.db.settings, async () => {
      for (const key of SETTING_KEYS) {
        if (!(key in patch)) continue;
        const value = patch[key];
        if (value === undefined || value === '') await this.db.settings.delete(key);
        else await this.db.settings.put({ key, value } satisfies SettingRecord);
      }
    });
    return this.getSettings();
  }

  // ------------------------------------------------------------------------------------------
  // Backup and restore

  /** The whole database as one file's bytes (name it `*.zrbak`). */
  async exportBackup(options: EncodeOptions = {}): Promise<Uint8Array> {
    return exportBackup(this.db, this.now(), options);
  }

  /**
   * Replaces the whole database with the backup's contents. The file is checked first (a bad
   * one changes nothing); the current data is kept as a stored backup before it is replaced.
   */
  async restoreBackup(bytes: Uint8Array, who: string): Promise<Result<RestoreSummary>> {
    const decoded = await decodeBackup(bytes);
    if (!decoded.ok) return decoded;
    const now = this.now();
    try {
      const current = await this.exportBackup();
      await storeBackup(this.backups, { createdAt: now.toISOString(), reason: 'before-restore', schemaVersion: this.db.verno, upgradingTo: null, bytes: current });
    } catch (error) {
      return { ok: false, issues: [{ code: 'backup-keep-failed', severity: 'error', message: `无法先为当前数据做一份备份，为安全起见没有恢复，数据库未做任何改动。请检查磁盘空间后重试。（${describeError(error)}）` }] };
    }
    return restoreDecoded(this.db, decoded.value, who, now);
  }

  /** Backups the program made by itself (before upgrades and restores), newest first. */
  async listStoredBackups(): Promise<StoredBackupInfo[]> {
    return listStoredBackups(this.backups);
  }

  /** A stored backup's file bytes, to save it somewhere or restore it. */
  async storedBackupBytes(id: number): Promise<Uint8Array | undefined> {
    return (await this.backups.backups.get(id))?.bytes;
  }

  async restoreStoredBackup(id: number, who: string): Promise<Result<RestoreSummary>> {
    const bytes = await this.storedBackupBytes(id);
    if (bytes === undefined) return { ok: false, issues: [{ code: 'backup-not-found', severity: 'error', message: `找不到第 ${id} 号自动备份。请刷新备份列表后重试。` }] };
    return this.restoreBackup(bytes, who);
  }
}
