/**
 * One pass of the upload queue: every due item is sent once, in order, and stored after its
 * answer; then the server's view of this zone's submissions is applied. Storage, workbook bytes,
 * the network and the clock are injected (Dexie and the collect-protocol client in the app).
 * A pass that runs while another one is under way returns at once (the caller keeps one runner).
 */
import type { CollectError, CollectResult, SubmissionListResponse, UploadResponse } from '../collect-protocol';
import { afterAttempt, applyServerStates, dueItems, type BackoffPolicy, type UploadItem } from './upload-queue';

export interface UploadRunnerDeps {
  listItems(): Promise<UploadItem[]>;
  putItem(item: UploadItem): Promise<void>;
  /** The exported workbook's bytes, exactly as written to the file. */
  workbookBytes(submissionId: string): Promise<Uint8Array | undefined>;
  push(bytes: Uint8Array): Promise<CollectResult<UploadResponse>>;
  listOwn(): Promise<CollectResult<SubmissionListResponse>>;
  /** Called for a submission the bureau sent back (退回修改): reopen the return locally. */
  reopen(returnId: string, reason: string): Promise<void>;
  now(): number;
  random(): number;
  policy?: BackoffPolicy;
}

export interface PassReport {
  sent: number;
  failed: number;
  /** The last network or server error of the pass (online = no such error). */
  lastError: CollectError | null;
  reopened: string[];
}

export async function runUploadPass(deps: UploadRunnerDeps): Promise<PassReport> {
  const report: PassReport = { sent: 0, failed: 0, lastError: null, reopened: [] };
  const due = dueItems(await deps.listItems(), deps.now());
  for (const [index, item] of due.entries()) {
    const bytes = await deps.workbookBytes(item.submissionId);
    if (bytes === undefined) {
      await deps.putItem({ ...item, state: '被拒收', lastError: '本机找不到这份报送工作簿的内容，无法上传。请重新导出后报送。', lastErrorCode: null });
      report.failed += 1;
      continue;
    }
    const answer = await deps.push(bytes);
    const next = answer.ok
      ? afterAttempt(item, { ok: true, at: deps.now() }, deps.policy)
      : afterAttempt(item, { ok: false, error: answer.error, at: deps.now(), random: deps.random() }, deps.policy);
    await deps.putItem(next);
    if (answer.ok) report.sent += 1;
    else {
      report.failed += 1;
      report.lastError = answer.error;
      // Offline or the server down: the rest would fail the same way; they wait as long as this one.
      if (answer.error.code === 'network-error' || answer.status >= 500) {
        for (const rest of due.slice(index + 1)) await deps.putItem({ ...rest, nextAttemptAt: next.nextAttemptAt, lastError: answer.error.message, lastErrorCode: answer.error.code });
        break;
      }
    }
  }
  if (report.lastError?.code === 'network-error') return report;
  const own = await deps.listOwn();
  if (!own.ok) {
    report.lastError = own.error;
    return report;
  }
  for (const change of applyServerStates(await deps.listItems(), own.value.submissions, deps.now())) {
    if (change.reopen) {
      await deps.reopen(change.reopen.returnId, change.reopen.reason);
      report.reopened.push(change.reopen.returnId);
    }
    await deps.putItem(change.item);
  }
  return report;
}
