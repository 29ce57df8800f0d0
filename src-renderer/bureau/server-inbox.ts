/**
 * 收件箱 from the collection server (联网报送): one `syncServerInbox` pass downloads every new
 * submission since the cursor and receives it into the inbox exactly as a dropped file
 * (`read` = the same reader, in the worker, once per workbook: its one pass gives both the verdict
 * and the parsed return; `receiveFiles` = the same store), marked `fromServer`; a failed
 * download puts the cursor back so the next pass tries again. 退回修改 of a server item goes
 * to the server with `sendBackToServer`; one that could not be sent waits in a list kept in the
 * database and is sent again at the next pass (or by 重新发送).
 */
import type { ReadReceived } from '../../src-shared/collect';
import { submissionFileName } from '../../src-shared/workbook/file-name';
import type { Repository } from '../db';
import type { BureauSync } from '../sync/bureau-sync';

const CURSOR = 'bureauCursor';
const PENDING = 'bureauPendingSendBacks';
const OFFLINE = new Set(['network-error', 'internal', 'not-ready', 'bad-response']);

export interface PendingSendBack {
  inboxId: string;
  submissionId: string;
  revision: number;
  reason: string;
  /** The last failure, in Chinese. */
  error: string;
  /** True when the server refused (not merely unreachable). */
  refused: boolean;
}

export interface InboxPassReport {
  ok: boolean;
  received: number;
  message: string;
}

export async function pendingSendBacks(repo: Repository): Promise<PendingSendBack[]> {
  return (await repo.getSyncValue<PendingSendBack[]>(PENDING)) ?? [];
}

async function savePending(repo: Repository, list: PendingSendBack[]): Promise<void> {
  await repo.setSyncValue(PENDING, list);
}

/** Sends one 退回修改 to the server; on failure it is kept to be sent again. */
export async function sendBackToServer(repo: Repository, bureau: BureauSync, item: Omit<PendingSendBack, 'error' | 'refused'>): Promise<{ ok: boolean; message: string }> {
  const answer = await bureau.sendBack(item.submissionId, item.revision, item.reason);
  const rest = (await pendingSendBacks(repo)).filter((p) => p.inboxId !== item.inboxId);
  if (answer.ok) {
    await savePending(repo, rest);
    return { ok: true, message: '退回已送达服务器，开发区联网后即可看到退回原因。' };
  }
  const refused = !OFFLINE.has(answer.error.code);
  await savePending(repo, [...rest, { ...item, error: answer.error.message, refused }]);
  return { ok: false, message: refused ? `服务器拒绝了这次退回：${answer.error.message}` : `退回未能送达服务器（${answer.error.message}），已记下，联网后自动重发。` };
}

/** One pass: pending 退回 first, then new submissions since the cursor. */
export async function syncServerInbox(repo: Repository, bureau: BureauSync, read: (files: { fileName: string; bytes: Uint8Array }[]) => Promise<ReadReceived[]>, who: string): Promise<InboxPassReport> {
  for (const p of await pendingSendBacks(repo)) if (!p.refused) await sendBackToServer(repo, bureau, p);

  const before = await repo.getSyncValue<number>(CURSOR);
  const polled = await bureau.poll();
  if (!polled.ok) return { ok: false, received: 0, message: `未能连接报送服务器：${polled.error.message}` };
  const have = new Set((await repo.listInbox()).filter((r) => r.fromServer).map((r) => `${r.fromServer!.submissionId}#${r.fromServer!.revision}`));
  let received = 0;
  for (const s of polled.value.submissions) {
    if (have.has(`${s.submissionId}#${s.revision}`)) continue;
    const got = await bureau.download(s.submissionId, s.revision);
    if (!got.ok) {
      await repo.setSyncValue(CURSOR, before ?? 0);
      return { ok: false, received, message: `下载${s.zoneName}第${s.revision}版未成功：${got.error.message}，稍后重试。` };
    }
    // Named like the clerk's own export (晋城开发区_2024年1–3月_报送_第2版.xlsx), so 收件箱 reads the same for a file and a download.
    const [file] = await read([{ fileName: submissionFileName(s.zoneName, s.periodLabel, s.revision), bytes: got.value.bytes }]);
    if (file === undefined) continue;
    const problems = got.value.signatureOk ? file.problems : [...file.problems, `服务器签名记录不符：${got.value.signatureMessage}`];
    const stored = await repo.receiveFiles([{ ...file, intact: file.intact && got.value.signatureOk, problems, fromServer: { submissionId: s.submissionId, revision: s.revision } }], who);
    if (!stored.ok) {
      await repo.setSyncValue(CURSOR, before ?? 0);
      return { ok: false, received, message: stored.issues.map((i) => i.message).join('；') };
    }
    received += stored.value.stored.length;
    have.add(`${s.submissionId}#${s.revision}`);
  }
  return { ok: true, received, message: received > 0 ? `从服务器新收 ${received} 份报表` : '服务器上没有新的报表' };
}
