/**
 * The bureau's 收件箱 from the real collection server (PGlite on disk, 127.0.0.1): one pass
 * receives a zone's upload through receiveFiles marked fromServer, a second pass receives
 * nothing twice; a 退回修改 while the server is stopped is kept and sent at the next pass once it
 * is back; a refused 退回 is shown and not sent again by itself.
 */
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../src-server/admin/admin-ops';
import { readReceivedFile } from '../../src-shared/collect';
import { openTestRepository, testEnv } from '../../src-renderer/db/test-support';
import { pendingSendBacks, sendBackToServer, syncServerInbox } from '../../src-renderer/bureau/server-inbox';
import { createBureauSync } from '../../src-renderer/sync/bureau-sync';
import { createClerkSync } from '../../src-renderer/sync/clerk-sync';
import { nodeFetch, randomBytes, restartableTestServer } from '../server/harness';
import { makeWorkbook } from '../server/workbooks';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const srv = restartableTestServer('zr-server-inbox-');
beforeAll(() => srv.start(), 60_000);
afterAll(() => srv.dispose());

/** The reader the inbox passes in (the app's runs in a worker); counts what it reads. */
const reads: string[] = [];
const read = (files: { fileName: string; bytes: Uint8Array }[]) => Promise.all(files.map((f) => (reads.push(f.fileName), readReceivedFile(f.bytes, f.fileName))));

describe('收件箱 from the server', () => {
  it('receives once through receiveFiles, keeps a 退回 made offline and sends it when the server is back', async () => {
    const url = srv.url;
    const zoneRepo = await openTestRepository(testEnv('zone'));
    const zone = createClerkSync({ repo: zoneRepo, fetch: nodeFetch, subtle, randomBytes, who: () => '张三' });
    const zoneCode = await issueCode(srv.db, { zoneId: 'jincheng-kfq' }, 'test', null);
    if (!zoneCode.ok) throw new Error(zoneCode.code);
    expect((await zone.enroll(url, zoneCode.value.code)).ok).toBe(true);
    const wb = await makeWorkbook({ revision: 1 });
    const pushed = await zone.client(url).push((await zone.device())!.device, wb.bytes);
    expect(pushed.ok).toBe(true);

    const repo = await openTestRepository(testEnv('bureau'));
    const sync = createClerkSync({ repo, fetch: nodeFetch, subtle, randomBytes, who: () => '李四' });
    const bureau = createBureauSync({ repo, sync });
    // Not enrolled: a plain message, nothing stored.
    const before = await syncServerInbox(repo, bureau, read, '李四');
    expect(before.ok).toBe(false);
    expect(before.message).toMatch(/尚未以市商务局身份登记/);
    const cityCode = await issueCode(srv.db, { city: '晋城市' }, 'test', null);
    if (!cityCode.ok) throw new Error(cityCode.code);
    expect((await sync.enroll(url, cityCode.value.code)).ok).toBe(true);

    const first = await syncServerInbox(repo, bureau, read, '李四');
    expect(first).toMatchObject({ ok: true, received: 1 });
    // A received workbook is read once: the one read gives both the verdict and the parsed return.
    expect(reads).toEqual(['晋城开发区_2024年1–3月_报送_第1版.xlsx']);
    const [item] = await repo.listInbox();
    expect(item).toMatchObject({ zoneId: 'jincheng-kfq', revision: 1, intact: true, problems: [], receivedBy: '李四', fromServer: { submissionId: wb.submissionId, revision: 1 } });
    expect((await syncServerInbox(repo, bureau, read, '李四')).received).toBe(0);
    expect(await repo.listInbox()).toHaveLength(1);
    expect(reads).toHaveLength(1);

    // 退回 while the server is stopped: kept, then sent by the next pass.
    await srv.stop();
    const offline = await sendBackToServer(repo, bureau, { inboxId: item!.id, submissionId: wb.submissionId, revision: 1, reason: '请核对工业投资' });
    expect(offline.ok).toBe(false);
    expect(offline.message).toMatch(/退回未能送达服务器.*联网后自动重发/);
    expect(await pendingSendBacks(repo)).toMatchObject([{ inboxId: item!.id, refused: false }]);
    expect((await syncServerInbox(repo, bureau, read, '李四')).ok).toBe(false);
    await srv.start();
    const back = await syncServerInbox(repo, bureau, read, '李四');
    expect(back.ok).toBe(true);
    expect(await pendingSendBacks(repo)).toEqual([]);
    const rows = await srv.db.query<{ state: string; reason: string | null }>('SELECT state, reason FROM submissions');
    expect(rows).toEqual([{ state: '退回修改', reason: '请核对工业投资' }]);
    // The changed state lists the submission again; it is not received twice.
    expect(await repo.listInbox()).toHaveLength(1);

    // A 退回 the server refuses (no such revision): shown, kept for 重新发送, not retried by a pass.
    const refused = await sendBackToServer(repo, bureau, { inboxId: item!.id, submissionId: wb.submissionId, revision: 9, reason: '测试' });
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/^服务器拒绝了这次退回：/);
    expect(await pendingSendBacks(repo)).toMatchObject([{ refused: true }]);
    await syncServerInbox(repo, bureau, read, '李四');
    expect(await pendingSendBacks(repo)).toMatchObject([{ refused: true, revision: 9 }]);
  }, 120_000);
});
