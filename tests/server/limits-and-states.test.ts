/**
 * A server with a tight rate limit (PGlite in memory, the real app on 127.0.0.1): a device that
 * sends too fast is answered `rate-limited`; and the bureau's 已汇总 transition with its rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { checkPublishedIndicatorSet, createCollectClient, webCryptoSigner, type Device } from '../../src-shared/collect-protocol';
import { issueCode } from '../../src-server/admin/admin-ops';
import { kfqSet } from '../../src-shared/seeds/examples';
import { publishIndicatorSet } from '../../src-server/admin/admin-ops';
import { buildServer } from '../../src-server/build-server';
import { migrate } from '../../src-server/db/migrate';
import { openPglite } from '../../src-server/db/pglite-database';
import { seedDatabase } from '../../src-server/open-database';
import { enrolledDevice, nodeFetch, randomBytes, snapshot, type TestServer } from './harness';
import { makeWorkbook } from './workbooks';

describe('rate limit and the 已汇总 state', () => {
  let server: TestServer;
  let zone: Device;
  let reader: Device;

  beforeAll(async () => {
    const db = await openPglite();
    await migrate(db);
    await seedDatabase(db);
    const app = await buildServer({ db, limits: { rate: { burst: 4, perMinute: 1 } } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    server = { app, db, url, port: 0, client: createCollectClient({ server: url, fetch: nodeFetch, randomBytes }), close: async () => { await app.close(); await db.close(); } };
    zone = await enrolledDevice(server, { zoneId: 'jincheng-kfq' });
    reader = await enrolledDevice(server, { city: '140500' });
  }, 60_000);
  afterAll(async () => server?.close());

  it('a submission goes 已接收 → 已汇总; it cannot be consolidated twice; it can still be sent back', async () => {
    const wb = await makeWorkbook({ zone: 'jincheng-kfq' });
    expect((await server.client.push(zone, wb.bytes)).status).toBe(201);
    const accepted = await server.client.accept(reader, wb.submissionId, 1, '晋城市2024年一季度汇总');
    expect(accepted.ok && accepted.value.submission.state).toBe('已汇总');
    const twice = await server.client.accept(reader, wb.submissionId, 1, '再汇总一次');
    expect(!twice.ok && twice.error).toMatchObject({ code: 'invalid-transition' });
    expect(!twice.ok && twice.error.message).toContain('已汇总');
    const back = await server.client.sendBack(reader, wb.submissionId, 1, '数据有误');
    expect(back.ok && back.value.submission).toMatchObject({ state: '退回修改', reason: '数据有误' });
  });

  it('the province publishes next year\'s set as data; the app installs it after checking its checksum; a published version never changes', async () => {
    const next = { ...kfqSet(), version: '2025.1', year: 2025, name: '开发区季度指标（2025年）' };
    const published = await publishIndicatorSet(server.db, next, 'kfq-quarterly-2025.json', 'test', null);
    expect(published.ok).toBe(true);
    const got = await server.client.indicatorSet(reader, 'kfq-quarterly', '2025.1');
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const installed = checkPublishedIndicatorSet(got.value);
    expect(installed.ok && installed.value.year).toBe(2025);
    expect((await publishIndicatorSet(server.db, next, 'again.json', 'test', null)).ok).toBe(true);
    const changed = await publishIndicatorSet(server.db, { ...next, name: '改过的' }, 'changed.json', 'test', null);
    expect(!changed.ok && changed.message).toContain('不能更改');
    const broken = await publishIndicatorSet(server.db, { format: 'nonsense' }, 'broken.json', 'test', null);
    expect(!broken.ok && broken.message).toContain('broken.json');
  });

  it('a non-extractable WebCrypto Ed25519 key (the browser build\'s) enrolls and signs uploads', async () => {
    const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    await expect(webcrypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    const signer = await webCryptoSigner(webcrypto.subtle, pair);
    const code = await issueCode(server.db, { zoneId: 'gaoping-kfq' }, 'test', null);
    if (!code.ok) throw new Error(code.code);
    const enrolled = await server.client.enroll(code.value.code, signer, '浏览器');
    expect(enrolled.ok).toBe(true);
    if (!enrolled.ok) return;
    const wb = await makeWorkbook({ zone: 'gaoping-kfq' });
    const pushed = await server.client.push({ deviceId: enrolled.value.deviceId, signer }, wb.bytes);
    expect(pushed.ok && pushed.value.signatureRecord).toMatchObject({ deviceId: enrolled.value.deviceId, publicKey: signer.publicKey, deviceName: '浏览器' });
  });

  it('a device over its rate is answered rate-limited, and nothing changes', async () => {
    const before = await snapshot(server.db);
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await server.client.list(zone));
    const refused = answers.find((a) => !a.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('rate-limited');
    expect(refused && !refused.ok && refused.status).toBe(429);
    expect(await snapshot(server.db)).toBe(before);
  });

  it('an address that keeps failing authentication is slowed down', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const r = await fetch(`${server.url}/api/v1/submissions`);
      codes.push(((await r.json()) as { error: { code: string } }).error.code);
    }
    expect(codes.slice(0, 4)).toEqual(['unsigned', 'unsigned', 'unsigned', 'unsigned']);
    expect(codes.at(-1)).toBe('rate-limited');
  });

  it('a workbook the verifier cannot finish in time is refused, and the next one is verified by a fresh worker', async () => {
    const db = await openPglite();
    await migrate(db);
    await seedDatabase(db);
    const app = await buildServer({ db, limits: { verifyWorkers: 1, verifyTimeoutMs: 1 } });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const tight: TestServer = { app, db, url, port: 0, client: createCollectClient({ server: url, fetch: nodeFetch, randomBytes }), close: async () => undefined };
      const device = await enrolledDevice(tight, { zoneId: 'jincheng-kfq' });
      const before = await snapshot(db);
      const r = await tight.client.push(device, (await makeWorkbook({ zone: 'jincheng-kfq' })).bytes);
      expect(!r.ok && r.error.code).toBe('not-a-workbook');
      expect(!r.ok && r.error.message).toContain('超过');
      expect(await snapshot(db)).toBe(before);
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
