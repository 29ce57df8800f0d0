import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRepository } from './repository';
import { INBOX_STORES, ROSTER_VERSION, SCHEMA_VERSION, STORES, SYNC_STORES, SYNC_VERSION } from './schema';
import { expectOk, openTestRepository, Q1_2023, REGISTRY, repositoryWithReturn, SET, testEnv } from './test-support';

describe('opening a return keeps the ledger while its roster version stays', () => {
  it('gives the same roster array again, and a new one after any write of the ledger', async () => {
    const env = testEnv();
    const { repo, returnId } = await repositoryWithReturn(env);
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 3 }], '张三'));
    const first = expectOk(await repo.loadReturn(returnId)).zoneReturn.roster;
    const again = expectOk(await repo.loadReturn(returnId)).zoneReturn.roster;
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    const [row] = first;
    expectOk(await repo.updateRowFields('jincheng-kfq', [{ id: row?.id ?? '', fields: { totalInvestment: 4 } }], '张三'));
    const edited = expectOk(await repo.loadReturn(returnId)).zoneReturn.roster;
    expect(edited).not.toBe(first);
    expect(edited[0]?.['totalInvestment']).toBe(4);

    // Another window (its own connection) changes the ledger: this one sees it at the next opening.
    const other = await openTestRepository(env);
    expectOk(await other.addRows('jincheng-kfq', [{ name: '乙' }], '李四'));
    const seen = expectOk(await repo.loadReturn(returnId)).zoneReturn.roster;
    expect(seen.map((r) => r['name'])).toEqual(['甲', '乙']);

    expectOk(await other.deleteRows('jincheng-kfq', [seen[1]?.id ?? ''], '李四'));
    expect(expectOk(await repo.loadReturn(returnId)).zoneReturn.roster.map((r) => r['name'])).toEqual(['甲']);

    // A restore replaces every ledger.
    const empty = await (await openTestRepository()).exportBackup();
    expectOk(await other.restoreBackup(empty, '李四'));
    expect((await repo.loadReturn(returnId)).ok).toBe(false);
    other.close();
  });

  it('reads last year’s return of the same period in the same call, sharing the roster', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const last = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2023, indicatorSet: SET }, '张三'));
    expectOk(await repo.saveValue(last.id, 'gyzjz', 'current', 90.5, '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲' }], '张三'));
    const loaded = expectOk(await repo.loadReturn(returnId));
    expect(loaded.lastYear?.period).toEqual(Q1_2023);
    expect(loaded.lastYear?.values['gyzjz']).toEqual({ current: 90.5 });
    expect(loaded.lastYear?.roster).toBe(loaded.zoneReturn.roster);
    expect(await repo.loadLastYearReturn(returnId)).toEqual(loaded.lastYear);
    expect(expectOk(await repo.loadReturn(last.id)).lastYear).toBeUndefined();
  });
});

describe(`upgrade from schema version ${SYNC_VERSION} to ${ROSTER_VERSION}`, () => {
  it('adds the roster versions table, changes no row, and keeps the backup made before', async () => {
    expect(SCHEMA_VERSION).toBe(ROSTER_VERSION);
    const env = testEnv();
    const old = new Dexie(env.name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    old.version(SYNC_VERSION).stores({ ...STORES[2], ...INBOX_STORES, ...SYNC_STORES });
    await old.open();
    await old.table('zones').bulkAdd(REGISTRY.zones.map((zone) => ({ id: zone.id, registry: zone, edits: {}, updatedAt: '2024-04-01T00:00:00.000Z' })));
    await old.table('rosterRows').add({ id: 'p1', zoneId: 'jincheng-kfq', position: 1, name: '甲' });
    old.close();

    const opened = await openRepository(env);
    if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join('\n'));
    const repo = opened.value;
    expect(repo.db.verno).toBe(ROSTER_VERSION);
    expect(repo.upgradedFrom).toBe(SYNC_VERSION);
    expect(await repo.db.rosterVersions.count()).toBe(0);
    expect(await repo.listRoster('jincheng-kfq')).toEqual([{ id: 'p1', name: '甲' }]);
    expect((await repo.listStoredBackups())[0]).toMatchObject({ reason: 'pre-upgrade', schemaVersion: SYNC_VERSION, upgradingTo: ROSTER_VERSION });
    // The roster versions stay out of a backup file.
    const doc = JSON.parse(new TextDecoder().decode(await repo.exportBackup({ gzip: false }))) as { tables: Record<string, unknown> };
    expect(Object.keys(doc.tables)).not.toContain('rosterVersions');
  });
});
