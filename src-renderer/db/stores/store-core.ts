/** What every part of the repository shares: the database, the clock, and one write path that turns a refusal into a value. */
import Dexie, { type Table } from 'dexie';
import { uuidV4 } from '../../../src-shared/crypto';
import type { Result, RosterRow, UserIssue } from '../../../src-shared/model';
import type { BackupsDb } from '../backup';
import type { ZoneReturnsDb } from '../database';
import { applyEdit, type LifecycleEvent, type LifecycleRecord, type Transition } from '../../../src-shared/lifecycle';
import { RESERVED_ROSTER_FIELDS, type AuditEntry, type JsonObject, type ReturnRecord, type ReturnStatus, type RosterRowRecord, type ValueRecord } from '../schema';
import type { ValueCell, RepositoryOptions } from './types';

/** Thrown inside a transaction to abort it; turned into `{ ok: false, issues }`. */
export class Refusal extends Error {
  constructor(readonly issues: UserIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
  }
}

export function refuse(code: string, message: string): never {
  throw new Refusal([{ code, severity: 'error', message }]);
}




export function rowToJson(row: RosterRowRecord): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(row)) if (v !== undefined) out[k] = v;
  return out;
}

export function rosterRowOf(record: RosterRowRecord): RosterRow {
  const row: RosterRow = { id: record.id };
  for (const [k, v] of Object.entries(record)) if (v !== undefined && !RESERVED_ROSTER_FIELDS.includes(k)) row[k] = v;
  return row;
}



export function lifecycleOf(r: ReturnRecord): LifecycleRecord {
  return { state: r.status, revision: r.revision, submittedAt: r.submittedAt, reopenReason: r.reopenReason };
}

export function withLifecycle(r: ReturnRecord, l: LifecycleRecord, at: string): ReturnRecord {
  return { ...r, status: l.state, revision: l.revision, submittedAt: l.submittedAt, reopenReason: l.reopenReason, updatedAt: at };
}

/** A lifecycle event as an audit line: field `status`, old → new state, the rest in `detail`. */
export function auditOfEvent(r: ReturnRecord, e: LifecycleEvent): AuditEntry {
  const detail: JsonObject = { revision: e.revision };
  if (e.reason !== undefined) detail['reason'] = e.reason;
  if (e.submissionId !== undefined) detail['submissionId'] = e.submissionId;
  if (e.fileName !== undefined) detail['fileName'] = e.fileName;
  if (e.sha256 !== undefined) detail['sha256'] = e.sha256;
  return { at: e.at, who: e.who, returnId: r.id, zoneId: r.zoneId, table: 'returns', key: r.id, field: 'status', old: e.from, new: e.to, action: e.action === 'submit' ? 'submit' : 'status', detail };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
export class StoreCore {
  /** The version the database was upgraded from when this repository opened it, or null. */
  readonly upgradedFrom: number | null;
  readonly preUpgradeBackupId: number | null;
  protected readonly now: () => Date;
  protected readonly newId: () => string;

  constructor(
    readonly db: ZoneReturnsDb,
    readonly backups: BackupsDb,
    options: RepositoryOptions & { upgradedFrom?: number | null; preUpgradeBackupId?: number | null } = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? uuidV4;
    this.upgradedFrom = options.upgradedFrom ?? null;
    this.preUpgradeBackupId = options.preUpgradeBackupId ?? null;
  }

  close(): void {
    this.db.close();
    this.backups.close();
  }

  /** Runs `body` in one rw transaction; a Refusal or a failed write aborts it and comes back as a value. */
  protected async write<T>(tables: Table[], body: (at: string) => Promise<T>): Promise<Result<T>> {
    const at = this.now().toISOString();
    try {
      // The scope must itself be an async function: Dexie keeps its transaction zone across
      // native awaits (ours nest a few levels deep) only for async scopes.
      // A write of the ledger also changes the zone's roster version (see ../roster-version.ts).
      const scope = tables.some((t) => t.name === 'rosterRows') ? [...tables, this.db.rosterVersions] : tables;
      const value = await this.db.transaction('rw', scope, async () => body(at));
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
  protected async existingReturn(returnId: string): Promise<ReturnRecord> {
    const ret = await this.db.returns.get(returnId);
    if (ret === undefined) refuse('return-not-found', `找不到报表“${returnId}”。请回到报表列表重新选择。`);
    return ret;
  }

  /** Reads the return in the running transaction and refuses if it is missing or may not be edited (已报送). */
  protected async editableReturn(returnId: string): Promise<ReturnRecord> {
    const ret = await this.existingReturn(returnId);
    const edit = applyEdit(lifecycleOf(ret), { who: '', at: '' });
    if (!edit.ok) throw new Refusal(edit.issues);
    return ret;
  }

  /** The stored value rows of the cells' indicators, by code. */
  protected async storedValues(returnId: string, cells: ValueCell[]): Promise<Map<string, ValueRecord>> {
    const codes = [...new Set(cells.map((c) => c.code))];
    const rows = await this.db.values.bulkGet(codes.map((code): [string, string] => [returnId, code]));
    return new Map(rows.flatMap((v) => (v ? [[v.code, v] as const] : [])));
  }

  /** Applies the lifecycle's edit transition (未填/已校验 → 填报中) and records the edit time. */
  protected async touchReturn(ret: ReturnRecord, who: string, at: string, audits: AuditEntry[]): Promise<ReturnStatus> {
    const edit = applyEdit(lifecycleOf(ret), { who, at });
    if (!edit.ok) throw new Refusal(edit.issues);
    const next = withLifecycle(ret, edit.value.record, at);
    if (edit.value.event) audits.push(auditOfEvent(ret, edit.value.event));
    await this.db.returns.update(ret.id, { status: next.status, updatedAt: at });
    return next.status;
  }

  /** Stores a lifecycle transition of a return with its audit line, in the running transaction. */
  protected async transition(ret: ReturnRecord, result: Result<Transition>, at: string): Promise<ReturnRecord> {
    if (!result.ok) throw new Refusal(result.issues);
    const next = withLifecycle(ret, result.value.record, at);
    if (result.value.event === null) return ret;
    await this.db.returns.put(next);
    await this.db.auditLog.add(auditOfEvent(ret, result.value.event));
    return next;
  }
}
