/**
 * Pure transitions of a return's state. Each returns the next record and the audit event, or
 * `{ ok: false }` with a Chinese message saying why not and what to do.
 */
import type { Result, UserIssue, ValidationIssue } from '../model';
import type { LifecycleEvent, LifecycleRecord, ReturnState } from './states';

export interface Transition {
  record: LifecycleRecord;
  event: LifecycleEvent | null;
}

export interface Actor {
  who: string;
  /** ISO timestamp. */
  at: string;
}

function refuse(code: string, message: string): Result<never> {
  const issue: UserIssue = { code, severity: 'error', message };
  return { ok: false, issues: [issue] };
}

function ok(value: Transition): Result<Transition> {
  return { ok: true, value, issues: [] };
}

/** Outstanding problems that keep a return from 已校验: hard errors and warnings without a 合理性说明. */
export interface Gate {
  errors: ValidationIssue[];
  unexplained: ValidationIssue[];
  passed: boolean;
}

/**
 * Warnings count as explained when the return holds a non-blank explanation under the issue's
 * key (the validator's `explained` flag says the same; the map is checked so a blank one fails).
 */
export function validationGate(issues: ValidationIssue[], explanations: Record<string, string>): Gate {
  const errors = issues.filter((i) => i.severity === 'error');
  const unexplained = issues.filter((i) => i.severity === 'warning' && (explanations[i.key] ?? '').trim() === '');
  return { errors, unexplained, passed: errors.length === 0 && unexplained.length === 0 };
}

/** An edit of the return's data: 未填/已校验 → 填报中 (a checked return that changes must be checked again). */
export function applyEdit(record: LifecycleRecord, actor: Actor): Result<Transition> {
  switch (record.state) {
    case '已报送':
      return refuse('return-locked', '此报表已报送，已锁定为只读。如需修改，请先“退回修改”并填写原因。');
    case '退回修改':
    case '填报中':
      return ok({ record, event: null });
    case '未填':
    case '已校验':
      return ok({ record: { ...record, state: '填报中' }, event: { ...actor, action: 'edit', from: record.state, to: '填报中', revision: record.revision } });
  }
}

/** 填报中 / 退回修改 / 未填 → 已校验, when there is no hard error and every warning is explained. */
export function markValidated(record: LifecycleRecord, gate: Gate, actor: Actor): Result<Transition> {
  if (record.state === '已报送') return refuse('return-locked', '此报表已报送，无需再次校验。如需修改，请先“退回修改”。');
  if (gate.errors.length > 0) {
    return refuse('validation-errors', `还有 ${gate.errors.length} 条错误，改正后才能标记为已校验。点击每条错误可跳到对应的格子。`);
  }
  if (gate.unexplained.length > 0) {
    return refuse('warnings-unexplained', `还有 ${gate.unexplained.length} 条提示没有填写合理性说明。请核对数值，或为每条提示写明原因。`);
  }
  if (record.state === '已校验') return ok({ record, event: null });
  return ok({ record: { ...record, state: '已校验' }, event: { ...actor, action: 'validate', from: record.state, to: '已校验', revision: record.revision } });
}

export interface SubmissionFacts {
  submissionId: string;
  fileName: string;
  sha256: string;
}

/** The revision the next export carries. */
export function nextRevision(record: LifecycleRecord): number {
  return record.revision + 1;
}

/**
 * Whether a return may be exported now: it is 已校验 and, checked again with its current data,
 * still has no error and no unexplained warning. Asked before the workbook is written.
 */
export function checkSubmittable(record: LifecycleRecord, gate: Gate): Result<true> {
  if (record.state === '已报送') return refuse('already-submitted', `此报表第 ${record.revision} 版已报送。如需再次报送，请先“退回修改”。`);
  if (record.state !== '已校验') return refuse('not-validated', `报表当前为“${record.state}”，请先校验并为提示填写说明，标记为已校验后再导出报送。`);
  if (!gate.passed) return refuse('validation-changed', '报表的校验结果有变化（出现了错误或未说明的提示），请重新校验后再导出。');
  return { ok: true, value: true, issues: [] };
}

/** 已校验 → 已报送: the workbook was exported; the return is locked and its revision goes up by one. */
export function markSubmitted(record: LifecycleRecord, facts: SubmissionFacts, actor: Actor): Result<Transition> {
  if (record.state === '已报送') return refuse('already-submitted', `此报表第 ${record.revision} 版已报送。如需再次报送，请先“退回修改”。`);
  if (record.state !== '已校验') return refuse('not-validated', `报表当前为“${record.state}”，请先校验并为提示填写说明，标记为已校验后再导出报送。`);
  const revision = nextRevision(record);
  return ok({
    record: { state: '已报送', revision, submittedAt: actor.at, reopenReason: null },
    event: { ...actor, action: 'submit', from: record.state, to: '已报送', revision, ...facts },
  });
}

/** 已报送 → 退回修改, with the reviewer's reason; the next export is revision n + 1. */
export function reopen(record: LifecycleRecord, reason: string, actor: Actor): Result<Transition> {
  if (record.state !== '已报送') return refuse('not-submitted', `只有已报送的报表才能退回修改，此报表当前为“${record.state}”。`);
  const trimmed = reason.trim();
  if (trimmed === '') return refuse('reason-required', '请填写退回修改的原因（例如：市局要求核对工业投资数）。');
  return ok({
    record: { ...record, state: '退回修改', reopenReason: trimmed },
    event: { ...actor, action: 'reopen', from: '已报送', to: '退回修改', revision: record.revision, reason: trimmed },
  });
}

/** Which actions the screen offers in a state. */
export function allowedActions(state: ReturnState): { edit: boolean; validate: boolean; submit: boolean; reopen: boolean } {
  return {
    edit: state !== '已报送',
    validate: state !== '已报送',
    submit: state === '已校验',
    reopen: state === '已报送',
  };
}
