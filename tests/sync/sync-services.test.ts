/**
 * The app's 联网报送 services against the real collection server (PGlite on disk, 127.0.0.1):
 * the clerk's Dexie queue (fake IndexedDB, WebCrypto Ed25519 key of Node) uploads, the bureau
 * polls, downloads and verifies, sends back; the clerk's return is reopened with the reason;
 * revision 2 goes out; the server stopped in between leaves the item 待上传 until it is back.
 */
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../src-server/admin/admin-ops';
import { validationGate } from '../../src-shared/lifecycle';
import { readReceivedFile } from '../../src-shared/collect';
import { expectOk, openTestRepository, repositoryWithReturn, testEnv } from '../../src-renderer/db/test-support';
import { createBureauSync, zonesSeen } from '../../src-renderer/sync/bureau-sync';
import { createClerkSync } from '../../src-renderer/sync/clerk-sync';
import { nodeFetch, randomBytes, restartableTestServer } from '../server/harness';
import { makeWorkbook } from '../server/workbooks';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const srv = restartableTestServer('zr-sync-');
beforeAll(() => srv.start(), 60_000);
afterAll(() => srv.dispose());

describe('clerk and bureau sync over a real server', () => {
  it('enroll, upload once, bureau verifies and sends back, return reopened, revision 2 sent after an outage', async () => {
    const url = srv.url;
    const { repo, returnId } = await repositoryWithReturn(testEnv('clerk'));
    const clerk = createClerkSync({ repo, fetch: nodeFetch, subtle, randomBytes, who: () => '张三', random: () => 0 });
    const zoneCode = await issueCode(srv.db, { zoneId: 'jincheng-kfq' }, 'test', null);
    if (!zoneCode.ok) throw new Error(zoneCode.code);

    const wrong = await clerk.enroll(url, 'AAAA-BBBB-CCCC');
    expect(wrong.ok).toBe(false);
    expect(await repo.getEnrollment()).toBeUndefined();

    const enrolled = await clerk.enroll(url, zoneCode.value.code);
    expect(enrolled.ok).toBe(true);
    expect(await repo.getEnrollment()).toMatchObject({ server: url, role: 'zone', zoneId: 'jincheng-kfq', zoneName: '晋城开发区', cityName: '晋城市' });

    const gate = validationGate([], {});
    expectOk(await repo.markValidated(returnId, gate, '张三'));
    const wb1 = await makeWorkbook({ revision: 1 });
    expectOk(await repo.recordSubmissionAndQueue({ submissionId: wb1.submissionId, returnId, revision: 1, fileName: 'a.xlsx', sha256: wb1.checksum, snapshot: '{}' }, wb1.bytes, '张三'));
    expect((await clerk.status()).pending).toBe(1);

    const first = await clerk.kick();
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    // The pass also read the server's list: already confirmed.
    expect((await repo.listUploads())[0]?.state).toBe('已接收');
    // A repeat sends nothing; a forced repeat of the same bytes is stored once (idempotent).
    expect((await clerk.kick())?.sent).toBe(0);
    const d = await clerk.device();
    const again = await clerk.client(url).push(d!.device, wb1.bytes);
    expect(again.ok && again.value.duplicate).toBe(true);

    // The bureau.
    const bureauRepo = await openTestRepository(testEnv('bureau'));
    const bureauSync = createClerkSync({ repo: bureauRepo, fetch: nodeFetch, subtle, randomBytes, who: () => '李四' });
    const cityCode = await issueCode(srv.db, { city: '晋城市' }, 'test', null);
    if (!cityCode.ok) throw new Error(cityCode.code);
    expect((await bureauSync.enroll(url, cityCode.value.code)).ok).toBe(true);
    const bureau = createBureauSync({ repo: bureauRepo, sync: bureauSync });
    const polled = await bureau.poll();
    if (!polled.ok) throw new Error(polled.error.message);
    expect(polled.value.submissions.map((s) => [s.submissionId, s.revision])).toEqual([[wb1.submissionId, 1]]);
    const emptyPoll = await bureau.poll();
    expect(emptyPoll.ok && emptyPoll.value.submissions).toEqual([]);
    const downloaded = await bureau.download(wb1.submissionId, 1);
    if (!downloaded.ok) throw new Error(downloaded.error.message);
    expect((await readReceivedFile(downloaded.value.bytes, downloaded.value.fileName)).intact).toBe(true);
    expect(downloaded.value.signatureOk).toBe(true);
    expect([...downloaded.value.bytes]).toEqual([...wb1.bytes]);
    const sent = await bureau.sendBack(wb1.submissionId, 1, '一季度营业收入与台账不符，请核对');
    expect(sent.ok).toBe(true);

    // The clerk's next pass reopens the return with the reason.
    await clerk.kick();
    const reopened = await repo.getReturn(returnId);
    expect(reopened?.status).toBe('退回修改');
    expect(reopened?.reopenReason).toContain('一季度营业收入与台账不符，请核对');
    expect((await repo.listUploads())[0]).toMatchObject({ state: '退回修改', reason: '一季度营业收入与台账不符，请核对' });
    expect(await repo.nextRevision(returnId)).toBe(2);

    // Revision 2 exported while the server is down: 离线, 待上传 1, nothing lost.
    await srv.stop();
    expectOk(await repo.markValidated(returnId, gate, '张三'));
    const wb2 = await makeWorkbook({ revision: 2, bump: 5 });
    expectOk(await repo.recordSubmissionAndQueue({ submissionId: wb2.submissionId, returnId, revision: 2, fileName: 'b.xlsx', sha256: wb2.checksum, snapshot: '{}' }, wb2.bytes, '张三'));
    const offline = await clerk.kick();
    expect(offline?.lastError?.code).toBe('network-error');
    const status = await clerk.status();
    expect(status).toMatchObject({ online: false, pending: 1 });

    // A restart of the app (a new service over the same database) and the server back.
    await srv.start();
    const restarted = createClerkSync({ repo, fetch: nodeFetch, subtle, randomBytes, who: () => '张三', random: () => 0 });
    await restarted.start();
    restarted.stop();
    await restarted.kick();
    expect((await restarted.status())).toMatchObject({ online: true, pending: 0 });
    const board = await bureau.listAll();
    if (!board.ok) throw new Error(board.error.message);
    expect(board.value.filter((s) => s.revision === 2)).toHaveLength(1);
    expect(zonesSeen(board.value)).toMatchObject([{ zoneId: 'jincheng-kfq', revision: 2, state: '已接收' }]);

    // Unenroll: withdrawn on the server too (the bureau's board shows 已注销); the device forgets its key; queued items stay.
    const deviceId = (await repo.getEnrollment())!.deviceId;
    expect(await clerk.unenroll()).toEqual({ revokedOnServer: true, message: null });
    const devices = await bureau.devices();
    expect(devices.ok && devices.value.find((x) => x.deviceId === deviceId)?.revokedAt).toBeTruthy();
    expect(await repo.getEnrollment()).toBeUndefined();
    expect(await clerk.kick()).toBeUndefined();
  }, 120_000);
});
