/** Published indicator sets installed by the app from the real server (PGlite) after their checksum holds. */
import { webcrypto } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode, publishIndicatorSet } from '../../src-server/admin/admin-ops';
import type { IndicatorSetResponse } from '../../src-shared/collect-protocol';
import { findIndicatorSet } from '../../src-shared/seeds';
import kfq from '../../seeds/indicator-sets/kfq-quarterly-2024.json';
import { openTestRepository, testEnv } from '../../src-renderer/db/test-support';
import { createClerkSync } from '../../src-renderer/sync/clerk-sync';
import { loadInstalledSets, syncIndicatorSets } from '../../src-renderer/sync/indicator-sets';
import { setForYear } from '../../src-renderer/returns/set-for-year';
import { nodeFetch, randomBytes, startTestServer, tempDir, type TestServer } from '../server/harness';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const dir = tempDir('zr-sets-');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dataDir: dir.path }, { verifyWorkers: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('published indicator sets', () => {
  it('installs a new version after its checksum holds; an existing return keeps its version; stored for the next start', async () => {
    const published = await publishIndicatorSet(server.db, { ...kfq, version: '2024.7', name: `${(kfq as { name: string }).name}（修订）` }, 'test', 'test', null);
    expect(published.ok).toBe(true);
    const env = testEnv('sets');
    const repo = await openTestRepository(env);
    const sync = createClerkSync({ repo, fetch: nodeFetch, subtle, randomBytes, who: () => '张三' });
    const code = await issueCode(server.db, { zoneId: 'jincheng-kfq' }, 'test', null);
    if (!code.ok) throw new Error(code.code);
    expect((await sync.enroll(server.url, code.value.code)).ok).toBe(true);
    const d = (await sync.device())!;
    const client = sync.client(server.url);

    // A tampered download (the list's checksum does not match) is refused, nothing installed.
    const tampering = { ...client, indicatorSet: async (device: typeof d.device, id: string, version: string) => {
      const got = await client.indicatorSet(device, id, version);
      return got.ok ? { ...got, value: { ...got.value, set: { ...(got.value.set as object), name: '被改过' } } as IndicatorSetResponse } : got;
    } };
    const refused = await syncIndicatorSets(repo, tampering, d.device);
    expect(refused.installed).toEqual([]);
    expect(refused.refused[0]?.message).toContain('校验码不符');
    expect(findIndicatorSet('kfq-quarterly', '2024.7')).toBeUndefined();

    const report = await syncIndicatorSets(repo, client, d.device);
    expect(report.installed).toEqual([{ id: 'kfq-quarterly', version: '2024.7' }]);
    expect(findIndicatorSet('kfq-quarterly', '2024.7')?.version).toBe('2024.7');
    // A new 2024 return takes the newest; one started with 2024.1 still finds its own.
    expect(setForYear(2024).version).toBe('2024.7');
    expect(findIndicatorSet('kfq-quarterly', '2024.1')?.version).toBe('2024.1');
    expect((await syncIndicatorSets(repo, client, d.device)).installed).toEqual([]);
    // Stored: a restart installs it again from the database (already present here: nothing new).
    expect(await loadInstalledSets(repo)).toEqual([]);
    expect(((await repo.getSyncValue<unknown[]>('installedIndicatorSets')) ?? []).length).toBe(1);
  }, 60_000);
});
