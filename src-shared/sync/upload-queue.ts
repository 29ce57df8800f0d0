/**
 * The clerk's upload queue, as pure scheduling rules: which item is due, how long to wait after
 * a failure (exponential backoff with full jitter, capped), which server answers are permanent
 * (shown to the clerk, never retried by themselves) and how the server's view of a submission
 * (已接收 / 退回修改 / 已汇总) changes an item. The storage (Dexie) and the network (the
 * collect-protocol client) are the caller's; nothing here reads a clock or a random source.
 *
 * Retrying is always safe: the server stores the same (submission id, revision, SHA-256) once
 * and answers a repeat with `duplicate: true`, so an upload whose answer was lost is sent again.
 */
import type { CollectError, CollectErrorCode, SubmissionSummary } from '../collect-protocol';
import { localTime } from '../format';

/** 待上传: waiting or retrying; 已上传: the server stored it; 已接收: the server's list confirms it;
 * 退回修改: the bureau sent it back; 被拒收: a permanent refusal, shown, not retried. */
export type UploadState = '待上传' | '已上传' | '已接收' | '退回修改' | '被拒收';

export interface UploadItem {
  submissionId: string;
  revision: number;
  returnId: string;
  /** The payload checksum the workbook carries. */
  sha256: string;
  fileName: string;
  state: UploadState;
  queuedAt: string;
  attempts: number;
  /** Epoch ms of the next try; only meaningful while 待上传. */
  nextAttemptAt: number;
  /** The last failure (network, server) in Chinese, for the clerk. */
  lastError: string | null;
  lastErrorCode: CollectErrorCode | null;
  uploadedAt: string | null;
  /** The bureau's reason and time when sent back (退回修改). */
  reason: string | null;
  /** When the bureau sent it back (the server's time of the state change; the app's when the server gives none). */
  reasonAt: string | null;
  /** 已汇总 on the server. */
  consolidated: boolean;
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** Failures that another try of the same bytes cannot fix: the clerk must act (re-export, re-enroll). */
const PERMANENT: ReadonlySet<CollectErrorCode> = new Set<CollectErrorCode>([
  'not-a-workbook',
  'workbook-tampered',
  'workbook-draft',
  'unknown-indicator-set',
  'period-not-in-set',
  'submission-conflict',
  'revision-conflict',
  'wrong-zone',
  'wrong-city',
  'forbidden',
  'device-revoked',
  'unknown-device',
  'unsigned',
  'body-too-large',
  'unsupported-media-type',
  'invalid-field',
  'bad-request',
  'malformed-json',
]);

export function isPermanentFailure(code: CollectErrorCode): boolean {
  return PERMANENT.has(code);
}

/**
 * The wait before try `attempts + 1` after `attempts` failures: a random point in
 * [0, min(max, base·2^(attempts−1))] ("full jitter"), so devices that went offline together do
 * not come back together. `random` is in [0, 1).
 */
export function backoffDelay(attempts: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const r = Math.min(Math.max(random, 0), 1);
  // Never less than a second: a failing server is not hammered even by an unlucky draw.
  return Math.max(1_000, Math.floor(r * ceiling));
}

export function newUploadItem(entry: { submissionId: string; revision: number; returnId: string; sha256: string; fileName: string }, now: number): UploadItem {
  return {
    ...entry,
    state: '待上传',
    queuedAt: new Date(now).toISOString(),
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    lastErrorCode: null,
    uploadedAt: null,
    reason: null,
    reasonAt: null,
    consolidated: false,
  };
}

/** Items to try now, oldest first. */
export function dueItems(items: readonly UploadItem[], now: number): UploadItem[] {
  return items.filter((i) => i.state === '待上传' && i.nextAttemptAt <= now).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.queuedAt.localeCompare(b.queuedAt));
}

/** When the next item falls due (for the timer), or undefined when none waits. */
export function nextWake(items: readonly UploadItem[]): number | undefined {
  let next: number | undefined;
  for (const i of items) if (i.state === '待上传' && (next === undefined || i.nextAttemptAt < next)) next = i.nextAttemptAt;
  return next;
}

export function pendingCount(items: readonly UploadItem[]): number {
  return items.filter((i) => i.state === '待上传').length;
}

export type UploadOutcome = { ok: true; at: number } | { ok: false; error: CollectError; at: number; random: number };

/** The item after one try. A duplicate answer counts as success: the server had it already. */
export function afterAttempt(item: UploadItem, outcome: UploadOutcome, policy: BackoffPolicy = DEFAULT_BACKOFF): UploadItem {
  const attempts = item.attempts + 1;
  if (outcome.ok) return { ...item, attempts, state: '已上传', uploadedAt: new Date(outcome.at).toISOString(), lastError: null, lastErrorCode: null };
  const { error } = outcome;
  if (isPermanentFailure(error.code)) return { ...item, attempts, state: '被拒收', lastError: error.message, lastErrorCode: error.code };
  return { ...item, attempts, nextAttemptAt: outcome.at + backoffDelay(attempts, outcome.random, policy), lastError: error.message, lastErrorCode: error.code };
}

/**
 * On start of the app every 待上传 item is due at once (the network may well be back; an item
 * whose try was cut by a killed app is simply sent again — the server stores it once). The
 * attempt count is kept, so a still-failing server gets the same growing waits afterwards.
 */
export function onRestart(items: readonly UploadItem[], now: number): UploadItem[] {
  return items.map((i) => (i.state === '待上传' && i.nextAttemptAt > now ? { ...i, nextAttemptAt: now } : i));
}

/** The clerk asks to try a refused or waiting item again now. */
export function retryNow(item: UploadItem, now: number): UploadItem {
  return item.state === '待上传' || item.state === '被拒收' ? { ...item, state: '待上传', nextAttemptAt: now } : item;
}

export interface ServerChange {
  item: UploadItem;
  /** The bureau sent this submission back: reopen the return with this reason. */
  reopen?: { returnId: string; reason: string };
}

/**
 * The items after the server's list of this zone's submissions: 已上传 → 已接收 once listed;
 * 退回修改 with the reason (reported once, to reopen the return); 已汇总 recorded. Only the
 * submission's own id and revision match; a superseded one is not reopened.
 */
export function applyServerStates(items: readonly UploadItem[], summaries: readonly SubmissionSummary[], now: number): ServerChange[] {
  const changes: ServerChange[] = [];
  for (const item of items) {
    const s = summaries.find((x) => x.submissionId === item.submissionId && x.revision === item.revision);
    if (s === undefined || item.state === '被拒收') continue;
    if (s.state === '退回修改') {
      if (item.state === '退回修改') continue;
      const reason = s.reason ?? '（未说明原因）';
      const next: UploadItem = { ...item, state: '退回修改', reason, reasonAt: s.stateChangedAt ?? new Date(now).toISOString() };
      changes.push(s.superseded ? { item: next } : { item: next, reopen: { returnId: item.returnId, reason } });
    } else if (item.state === '待上传' || item.state === '已上传' || (s.state === '已汇总' && !item.consolidated)) {
      changes.push({ item: { ...item, state: '已接收', consolidated: s.state === '已汇总', uploadedAt: item.uploadedAt ?? s.receivedAt } });
    }
  }
  return changes;
}

/** What the clerk sees for an item, one line. */
export function describeUploadItem(item: UploadItem): string {
  switch (item.state) {
    case '待上传':
      if (item.lastError === null) return '待上传';
      // Offline is the normal case: said in a few words (the full message is the item's title).
      if (item.lastErrorCode === 'network-error') return `待上传（未连上服务器，已试 ${item.attempts} 次，联网后自动上传）`;
      return `待上传（第 ${item.attempts} 次未成功，将自动重试：${item.lastError}）`;
    case '已上传':
      return '已上传';
    case '已接收':
      return item.consolidated ? '已接收（已汇总）' : '已接收';
    case '退回修改':
      return `退回修改：${item.reason ?? ''}${item.reasonAt ? `（${localTime(item.reasonAt)} 退回）` : ''}`;
    case '被拒收':
      return `被拒收，不再自动重试：${item.lastError ?? ''}`;
  }
}
