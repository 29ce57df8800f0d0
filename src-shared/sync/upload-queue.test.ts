import { describe, expect, it } from 'vitest';
import { collectError, type SubmissionSummary } from '../collect-protocol';
import { afterAttempt, applyServerStates, backoffDelay, describeUploadItem, dueItems, newUploadItem, nextWake, onRestart, pendingCount, retryNow, type UploadItem } from './upload-queue';
import { runUploadPass, type UploadRunnerDeps } from './upload-runner';

const T0 = Date.UTC(2024, 3, 10, 8, 0, 0);
const item = (n: number, at = T0): UploadItem => newUploadItem({ submissionId: `s${n}`, revision: 1, returnId: `r${n}`, sha256: `h${n}`, fileName: `f${n}.xlsx` }, at);

function summary(i: UploadItem, state: SubmissionSummary['state'], reason: string | null = null, superseded = false, stateChangedAt: string | null = null): SubmissionSummary {
  return { seq: 1, submissionId: i.submissionId, revision: i.revision, sha256: i.sha256, bodySha256: 'b', bytes: 1, zoneId: 'z', zoneName: 'Z', cityCode: '140500', period: { year: 2024, endMonth: 3, frequency: 'quarter' }, periodLabel: '2024年一季度', indicatorSet: { id: 'kfq-quarterly', version: '2024.1' }, state, reason, stateChangedAt, superseded, receivedAt: new Date(T0).toISOString(), deviceId: 'd' };
}

describe('backoff', () => {
  it('grows exponentially up to the cap, with full jitter, never under a second', () => {
    expect(backoffDelay(1, 0.999)).toBe(1_998);
    expect(backoffDelay(2, 0.999)).toBe(3_996);
    expect(backoffDelay(5, 0.5)).toBe(16_000);
    expect(backoffDelay(30, 0.999)).toBe(Math.floor(0.999 * 300_000));
    expect(backoffDelay(3, 0)).toBe(1_000);
    const draws = [0.1, 0.4, 0.7].map((r) => backoffDelay(6, r));
    expect(new Set(draws).size).toBe(3);
  });

  it('a failed try is rescheduled, not dropped, and stays 待上传 with the reason', () => {
    const failed = afterAttempt(item(1), { ok: false, error: collectError('network-error'), at: T0, random: 0.5 });
    expect(failed.state).toBe('待上传');
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toBe(T0 + 1_000);
    expect(failed.lastError).toContain('无法连接报送服务器');
    expect(dueItems([failed], T0)).toEqual([]);
    expect(dueItems([failed], T0 + 1_000)).toHaveLength(1);
    expect(nextWake([failed])).toBe(T0 + 1_000);
    const again = afterAttempt(failed, { ok: false, error: collectError('internal'), at: T0 + 1_000, random: 0.999 });
    expect(again.nextAttemptAt).toBe(T0 + 1_000 + 3_996);
  });
});

describe('permanent refusal', () => {
  it('is shown (被拒收 with the server message) and never due again by itself', () => {
    const refused = afterAttempt(item(1), { ok: false, error: collectError('workbook-tampered'), at: T0, random: 0.5 });
    expect(refused.state).toBe('被拒收');
    expect(refused.lastError).toContain('完整性校验');
    expect(dueItems([refused], T0 + 10 * 365 * 86_400_000)).toEqual([]);
    expect(pendingCount([refused])).toBe(0);
    expect(nextWake([refused])).toBeUndefined();
    // Only the clerk's explicit retry brings it back.
    expect(retryNow(refused, T0 + 5).state).toBe('待上传');
  });

  it('rate-limited and server errors are retried, a revoked device is not', () => {
    for (const code of ['rate-limited', 'internal', 'not-ready', 'request-timeout', 'clock-skew', 'replay'] as const) {
      expect(afterAttempt(item(1), { ok: false, error: collectError(code), at: T0, random: 0 }).state).toBe('待上传');
    }
    expect(afterAttempt(item(1), { ok: false, error: collectError('device-revoked'), at: T0, random: 0 }).state).toBe('被拒收');
  });
});

describe('restart', () => {
  it('items stored before a kill are due again: 待上传 stays, nothing is lost or sent twice', () => {
    const stored = [item(1), afterAttempt(item(2), { ok: true, at: T0 }), afterAttempt(item(3), { ok: false, error: collectError('network-error'), at: T0, random: 0.9 })];
    // Waits (even one far in the future after a clock jump) end at restart.
    const skewed = { ...item(4), nextAttemptAt: T0 + 86_400_000 };
    const restarted = onRestart([...stored, skewed], T0 + 1);
    expect(dueItems(restarted, T0 + 1).map((i) => i.submissionId).sort()).toEqual(['s1', 's3', 's4']);
    expect(restarted.find((i) => i.submissionId === 's3')?.attempts).toBe(1);
    expect(restarted.find((i) => i.submissionId === 's2')?.state).toBe('已上传');
  });
});

describe('server states', () => {
  it('已接收, 退回修改 with its reason (reopened once), 已汇总; a superseded revision is not reopened', () => {
    const a = afterAttempt(item(1), { ok: true, at: T0 });
    const b = afterAttempt(item(2), { ok: true, at: T0 });
    const c = afterAttempt(item(3), { ok: true, at: T0 });
    const changes = applyServerStates([a, b, c], [summary(a, '已接收'), summary(b, '退回修改', '营业收入填错'), summary(c, '退回修改', '旧版', true)], T0 + 60_000);
    expect(changes.map((x) => x.item.state)).toEqual(['已接收', '退回修改', '退回修改']);
    expect(changes[1]?.reopen).toEqual({ returnId: 'r2', reason: '营业收入填错' });
    expect(changes[1]?.item.reasonAt).toBe(new Date(T0 + 60_000).toISOString());
    expect(changes[2]?.reopen).toBeUndefined();
    const sentBack = changes[1]!.item;
    expect(applyServerStates([sentBack], [summary(b, '退回修改', '营业收入填错')], T0 + 120_000)).toEqual([]);
    expect(applyServerStates([changes[0]!.item], [summary(a, '已汇总')], T0)[0]?.item.consolidated).toBe(true);
  });

  it('退回修改 carries the time the bureau sent it back, shown in local time, not as an ISO string', () => {
    const a = afterAttempt(item(1), { ok: true, at: T0 });
    const bureauAt = new Date(2024, 3, 12, 10, 31).toISOString();
    const [change] = applyServerStates([a], [summary(a, '退回修改', '营业收入填错', false, bureauAt)], T0 + 3_600_000);
    expect(change?.item.reasonAt).toBe(bureauAt);
    const line = describeUploadItem(change!.item);
    expect(line).toBe('退回修改：营业收入填错（2024-04-12 10:31 退回）');
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('待上传 while offline is said in a few words; another failure names the server\'s reason', () => {
    const offline = afterAttempt(afterAttempt(item(1), { ok: false, error: collectError('network-error', { message: '无法连接报送服务器。（Failed to fetch）' }), at: T0, random: 0 }), { ok: false, error: collectError('network-error'), at: T0 + 1000, random: 0 });
    expect(describeUploadItem(offline)).toBe('待上传（未连上服务器，已试 2 次，联网后自动上传）');
    const failing = afterAttempt(item(2), { ok: false, error: collectError('internal'), at: T0, random: 0 });
    expect(describeUploadItem(failing)).toMatch(/^待上传（第 1 次未成功，将自动重试：.+）$/);
  });
});

function memoryQueue(items: UploadItem[], answers: Array<'ok' | 'dup' | 'offline' | 'tampered'>, server: SubmissionSummary[] = []) {
  const store = new Map(items.map((i) => [i.submissionId, i]));
  const pushed: string[] = [];
  const reopened: Array<[string, string]> = [];
  let clock = T0;
  const deps: UploadRunnerDeps = {
    listItems: async () => [...store.values()],
    putItem: async (i) => void store.set(i.submissionId, i),
    workbookBytes: async (id) => new TextEncoder().encode(id),
    push: async (bytes) => {
      const id = new TextDecoder().decode(bytes);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'offline') return { ok: false, status: 0, error: collectError('network-error') };
      if (answer === 'tampered') return { ok: false, status: 422, error: collectError('workbook-tampered') };
      pushed.push(id);
      return { ok: true, status: answer === 'dup' ? 200 : 201, value: { ok: true, duplicate: answer === 'dup' } as never };
    },
    listOwn: async () => ({ ok: true, status: 200, value: { ok: true, submissions: server, cursor: null } }),
    reopen: async (returnId, reason) => void reopened.push([returnId, reason]),
    now: () => clock,
    random: () => 0.5,
  };
  return { store, pushed, reopened, deps, tick: (ms: number) => (clock += ms) };
}

describe('runUploadPass', () => {
  it('offline: stops at the first network error, keeps all 待上传, then sends each exactly once when back', async () => {
    const q = memoryQueue([item(1), item(2), item(3)], ['offline']);
    const first = await runUploadPass(q.deps);
    expect(first.lastError?.code).toBe('network-error');
    expect(pendingCount([...q.store.values()])).toBe(3);
    expect(q.pushed).toEqual([]);
    // Not due yet: nothing is sent.
    expect((await runUploadPass(q.deps)).sent).toBe(0);
    q.tick(60_000);
    const back = await runUploadPass(q.deps);
    expect(back.sent).toBe(3);
    expect(q.pushed).toEqual(['s1', 's2', 's3']);
    expect(await runUploadPass(q.deps)).toMatchObject({ sent: 0 });
    expect(q.pushed).toHaveLength(3);
  });

  it('idempotent retry: a duplicate answer (the first answer was lost) marks it 已上传 once', async () => {
    const q = memoryQueue([item(1)], ['dup']);
    expect((await runUploadPass(q.deps)).sent).toBe(1);
    expect(q.store.get('s1')?.state).toBe('已上传');
  });

  it('a refused item does not block the others and is not retried', async () => {
    const q = memoryQueue([item(1), item(2)], ['tampered', 'ok']);
    await runUploadPass(q.deps);
    expect(q.store.get('s1')?.state).toBe('被拒收');
    expect(q.store.get('s2')?.state).toBe('已上传');
    q.tick(86_400_000);
    await runUploadPass(q.deps);
    expect(q.pushed).toEqual(['s2']);
  });

  it('a send-back from the server reopens the return with the reason', async () => {
    const uploaded = afterAttempt(item(1), { ok: true, at: T0 });
    const q = memoryQueue([uploaded], [], [summary(uploaded, '退回修改', '请核对固定资产投资')]);
    const report = await runUploadPass(q.deps);
    expect(report.reopened).toEqual(['r1']);
    expect(q.reopened).toEqual([['r1', '请核对固定资产投资']]);
    expect(q.store.get('s1')?.state).toBe('退回修改');
    await runUploadPass(q.deps);
    expect(q.reopened).toHaveLength(1);
  });
});
