/**
 * The submission screen's work against the database and the host: load a return with its figures,
 * validation and lifecycle state; mark it 已校验; export the workbook and record it in the outbox
 * (locking the return); reopen it. The lifecycle rules come from src-shared/lifecycle, which the
 * repository's own methods apply (markValidated, recordSubmission, reopenReturn, listOutbox, auditTrail).
 */
import { kickUploads } from '../sync/app-sync';
import { computeReturn } from '../../src-shared/compute';
import { uuidV4 } from '../../src-shared/crypto';
import type { SaveFileArgs, SaveOutcome } from '../../src-shared/ipc/contract';
import { HOST_ISSUE } from '../../src-shared/ipc/contract';
import { checkSubmittable, validationGate, type Gate, type LifecycleRecord } from '../../src-shared/lifecycle';
import type { ComputedReturn, IndicatorSet, Result, UserIssue, ValidationIssue, Zone, ZoneReturn } from '../../src-shared/model';
import { periodLabel } from '../../src-shared/period';
import { canonicalJson } from '../../src-shared/return';
import { builtinZoneRegistry, findIndicatorSet } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { buildPayload } from '../../src-shared/workbook/build-payload';
import { submissionFileName } from '../../src-shared/workbook/file-name';
import type { SubmissionPayload, SubmissionZone } from '../../src-shared/workbook/payload';
import type { AuditEntry, OutboxRecord, Repository, ReturnRecord } from '../db';
import { submittedReturn } from '../returns/submitted-return';
import { outboxRows, type OutboxRow } from './outbox-rows';
import type { WorkbookService } from './workbook-client';
import type { CheckedWorkbook } from './workbook-protocol';

export const WORKBOOK_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

export interface SubmissionState {
  returnId: string;
  record: ReturnRecord;
  set: IndicatorSet;
  ret: ZoneReturn;
  lastYearReturn?: ZoneReturn;
  computed: ComputedReturn;
  issues: ValidationIssue[];
  gate: Gate;
  lifecycle: LifecycleRecord;
  /** The latest outbox entry of this return. */
  submitted?: OutboxRecord;
  periodLabel: string;
  /** Changes of state (填报中 → 已校验 → 已报送 → 退回修改), oldest first: who and when. */
  history: AuditEntry[];
}

function failure(code: string, message: string): Result<never> {
  const issue: UserIssue = { code, severity: 'error', message };
  return { ok: false, issues: [issue] };
}

export function lifecycleOf(record: ReturnRecord): LifecycleRecord {
  return { state: record.status, revision: record.revision, submittedAt: record.submittedAt, reopenReason: record.reopenReason };
}

/** The zone as the workbook's cover names it, with the city from the registry. */
export function workbookZone(zone: Zone): SubmissionZone {
  const city = builtinZoneRegistry().cities.find((c) => c.code === zone.cityCode);
  return { id: zone.id, name: zone.name, cityName: city?.name ?? '', county: zone.county, type: zone.type };
}

export async function loadSubmission(repo: Repository, returnId: string, zone: Zone): Promise<Result<SubmissionState>> {
  const loaded = await repo.loadReturn(returnId);
  if (!loaded.ok) return loaded;
  const { zoneReturn: ret, record, submitted } = loaded.value;
  const set = findIndicatorSet(record.indicatorSet.id, record.indicatorSet.version);
  if (!set) return failure('unknown-indicator-set', `本程序没有该报表所用的指标体系“${record.indicatorSet.id} ${record.indicatorSet.version}”，请升级程序。`);
  const lastYearReturn = await repo.loadLastYearReturn(returnId);
  const options = { zoneType: zone.type, ...(lastYearReturn ? { lastYearReturn } : {}) };
  const computed = computeReturn(set, ret, options);
  const issues = validateReturn(set, ret, computed, options);
  const history = (await repo.auditTrail({ returnId })).filter((e) => e.field === 'status');
  const state: SubmissionState = {
    returnId,
    record,
    set,
    ret,
    computed,
    issues,
    gate: validationGate(issues, ret.explanations),
    lifecycle: lifecycleOf(record),
    periodLabel: periodLabel(record.period),
    history,
  };
  if (lastYearReturn) state.lastYearReturn = lastYearReturn;
  if (submitted) state.submitted = submitted;
  return { ok: true, value: state, issues: [] };
}

/** 填报中 / 退回修改 → 已校验, when no error is left and every warning is explained. */
export async function markReturnValidated(repo: Repository, state: SubmissionState, who: string): Promise<Result<ReturnRecord>> {
  return repo.markValidated(state.returnId, state.gate, who);
}

export interface ExportDeps {
  repo: Repository;
  /** Writes the workbook and reads it back (in a Web Worker in the app). */
  workbook: WorkbookService;
  saveFile(args: SaveFileArgs): Promise<Result<SaveOutcome>>;
  now(): Date;
  newSubmissionId(): string;
  /** Called after an upload was queued (联网报送), to send it now. */
  onQueued?(): void;
}

export type ExportOutcome =
  | { kind: 'exported'; entry: OutboxRecord; how: 'saved' | 'downloaded' }
  | { kind: 'cancelled' }
  /** The file is open in Excel or WPS: show `message` and offer 另存为 (export again, choosing another name). */
  | { kind: 'busy'; message: string }
  | { kind: 'failed'; issues: UserIssue[] };

export type DraftOutcome =
  | { kind: 'exported'; fileName: string; revision: number; how: 'saved' | 'downloaded' }
  | { kind: 'cancelled' }
  | { kind: 'busy'; message: string }
  | { kind: 'failed'; issues: UserIssue[] };

type Written = { ok: true; written: CheckedWorkbook } | { ok: false; issues: UserIssue[] };

/** Writes the workbook of the current data and checks it reads back as the city bureau's copy will. */
async function writeChecked(deps: ExportDeps, state: SubmissionState, zone: Zone, facts: { submissionId: string; revision: number; exportedAt: string; draft: boolean }): Promise<Written> {
  let written: CheckedWorkbook;
  try {
    written = await deps.workbook.write({
      set: state.set,
      ret: state.ret,
      computed: state.computed,
      issues: state.issues,
      zone: workbookZone(zone),
      submissionId: facts.submissionId,
      revision: facts.revision,
      exportedAt: facts.exportedAt,
      ...(facts.draft ? { draft: true } : {}),
    });
  } catch (error) {
    return { ok: false, issues: [{ code: 'workbook-not-written', severity: 'error', message: `${facts.draft ? '草稿' : '报送'}工作簿未能生成（${error instanceof Error ? error.message : String(error)}）。请重试；如仍失败，请重新打开程序。` }] };
  }
  // A workbook that does not read back intact is a bug, never sent.
  if (!written.intact) {
    return { ok: false, issues: [{ code: 'workbook-self-check', severity: 'error', message: `生成的${facts.draft ? '草稿' : '报送'}工作簿未通过自检，未保存。请把此情况告诉技术支持。` }, ...written.issues] };
  }
  return { ok: true, written };
}

/**
 * 导出草稿: the same workbook as the submission would be (revision n + 1), every sheet's header
 * marked 草稿 and the payload flagged, so verify and the bureau refuse it as a submission. It is
 * only handed to the host: the return is not locked, nothing enters the outbox or the upload queue.
 */
export async function exportDraft(deps: ExportDeps, state: SubmissionState, zone: Zone): Promise<DraftOutcome> {
  const revision = state.lifecycle.revision + 1;
  const made = await writeChecked(deps, state, zone, { submissionId: deps.newSubmissionId(), revision, exportedAt: deps.now().toISOString(), draft: true });
  if (!made.ok) return { kind: 'failed', issues: made.issues };
  const outcome = await handOver(deps, submissionFileName(zone.name, state.periodLabel, revision, true), made.written.bytes);
  if (outcome.kind !== 'handed') return outcome;
  return { kind: 'exported', fileName: outcome.fileName, revision, how: outcome.how };
}

type HandedOver = { kind: 'handed'; fileName: string; how: 'saved' | 'downloaded' } | { kind: 'cancelled' } | { kind: 'busy'; message: string } | { kind: 'failed'; issues: UserIssue[] };

/** Hands the bytes to the host (save dialog, download); a file open in Excel or WPS is `busy`. */
async function handOver(deps: ExportDeps, suggestedName: string, bytes: Uint8Array): Promise<HandedOver> {
  const saved = await deps.saveFile({ suggestedName, bytes, filters: WORKBOOK_FILTERS });
  if (!saved.ok) {
    const busy = saved.issues.find((i) => i.code === HOST_ISSUE.fileBusy);
    return busy ? { kind: 'busy', message: busy.message } : { kind: 'failed', issues: saved.issues };
  }
  const outcome = saved.value;
  if (outcome.kind !== 'saved' && outcome.kind !== 'downloaded') return { kind: 'cancelled' };
  return { kind: 'handed', fileName: outcome.fileName, how: outcome.kind };
}

/** What 报送 says before it asks: the lock and the revision it will write. */
export function submitPrompt(state: SubmissionState): string {
  return `报送后本期报表将锁定，生成第 ${state.lifecycle.revision + 1} 版报送工作簿。`;
}

/**
 * 报送: writes the workbook (revision n + 1), checks it reads back intact, hands it to the host (save
 * dialog in Electron, a download in the browser), and only when it was saved records it in the
 * outbox, which locks the return (已报送).
 */
export async function exportSubmission(deps: ExportDeps, state: SubmissionState, zone: Zone, who: string): Promise<ExportOutcome> {
  const allowed = checkSubmittable(state.lifecycle, state.gate);
  if (!allowed.ok) return { kind: 'failed', issues: allowed.issues };
  const revision = state.lifecycle.revision + 1;
  const submissionId = deps.newSubmissionId();
  const made = await writeChecked(deps, state, zone, { submissionId, revision, exportedAt: deps.now().toISOString(), draft: false });
  if (!made.ok) return { kind: 'failed', issues: made.issues };
  const written = made.written;

  const outcome = await handOver(deps, submissionFileName(zone.name, state.periodLabel, revision), written.bytes);
  if (outcome.kind !== 'handed') return outcome;

  const facts = { submissionId, fileName: outcome.fileName, sha256: written.checksum };
  const entry = { ...facts, returnId: state.returnId, revision, snapshot: canonicalJson(state.ret) };
  // 联网报送: when this device is enrolled for the zone, the upload is queued with the outbox entry.
  const enrollment = await deps.repo.getEnrollment();
  const queue = enrollment !== undefined && enrollment.role === 'zone' && enrollment.zoneId === zone.id;
  const recorded = queue ? await deps.repo.recordSubmissionAndQueue(entry, written.bytes, who) : await deps.repo.recordSubmission(entry, who);
  if (!recorded.ok) return { kind: 'failed', issues: recorded.issues };
  if (queue) deps.onQueued?.();
  return { kind: 'exported', entry: recorded.value, how: outcome.how };
}

export const defaultExportDeps = (repo: Repository, workbook: WorkbookService, saveFile: ExportDeps['saveFile']): ExportDeps => ({
  repo,
  workbook,
  saveFile,
  now: () => new Date(),
  newSubmissionId: () => uuidV4(),
  onQueued: kickUploads,
});

/** 已报送 → 退回修改 with the reviewer's reason. */
export async function reopenSubmittedReturn(repo: Repository, state: SubmissionState, reason: string, who: string): Promise<Result<ReturnRecord>> {
  return repo.reopenReturn(state.returnId, reason, who);
}

/** Every submission of the zone's returns, newest first, each knowing whether it was superseded. */
export async function zoneOutbox(repo: Repository, zoneId: string): Promise<OutboxRow[]> {
  const returns = await repo.listReturns(zoneId);
  const periods = new Map(returns.map((r) => [r.id, r.period]));
  const entries = (await repo.listOutbox()).filter((e) => periods.has(e.returnId));
  return outboxRows(entries, periods);
}

/**
 * The return as the print view shows it: for a submitted return, the version that was sent (the
 * outbox snapshot; the shared roster may have changed since), otherwise the current data as a
 * draft of the next revision.
 */
export function printPayload(state: SubmissionState, zone: Zone, now: Date): SubmissionPayload {
  const sent = submittedReturn(state.lifecycle.state, state.submitted);
  const zoneInfo = workbookZone(zone);
  if (sent !== undefined && state.submitted) {
    const options = { zoneType: zone.type, ...(state.lastYearReturn ? { lastYearReturn: state.lastYearReturn } : {}) };
    const computed = computeReturn(state.set, sent, options);
    return buildPayload({
      set: state.set,
      ret: sent,
      computed,
      issues: validateReturn(state.set, sent, computed, options),
      zone: zoneInfo,
      submissionId: state.submitted.submissionId,
      revision: state.submitted.revision,
      exportedAt: state.submitted.at,
    });
  }
  return buildPayload({
    set: state.set,
    ret: state.ret,
    computed: state.computed,
    issues: state.issues,
    zone: zoneInfo,
    submissionId: '（尚未报送）',
    revision: state.lifecycle.revision + 1,
    exportedAt: now.toISOString(),
  });
}
