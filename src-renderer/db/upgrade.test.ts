import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { backupsDbName, BackupsDb, decodeBackup } from './backup';
import { openRepository } from './repository';
import { SCHEMA_VERSION, STORES, type V1Tables } from './schema';
import { expectOk, openTestRepository, REGISTRY, testEnv, type TestEnv } from './test-support';

/** The first release's database, as that release declared it. */
function v1Db(env: TestEnv): Dexie {
  const db = new Dexie(env.name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
  db.version(1).stores(STORES[1]);
  return db;
}

const Q23 = 'jincheng-kfq|2023-03-q';
const Q24 = 'jincheng-kfq|2024-03-q';

function v1Data(): V1Tables {
  const period = (year: number) => ({ year, endMonth: 3, frequency: 'quarter' as const });
  return {
    zones: REGISTRY.zones.slice(0, 2),
    returns: [
      { id: Q23, zoneId: 'jincheng-kfq', periodKey: '2023-03-q', period: period(2023), indicatorSet: { id: 'kfq-quarterly', version: '2023.1' }, status: '已报送', cover: { filler: '张三' }, updatedAt: '2023-04-08T02:00:00.000Z', submittedAt: '2023-04-08T02:00:00.000Z' },
      { id: Q24, zoneId: 'jincheng-kfq', periodKey: '2024-03-q', period: period(2024), indicatorSet: { id: 'kfq-quarterly', version: '2024.1' }, status: '填报中', cover: {}, updatedAt: '2024-04-02T02:00:00.000Z', submittedAt: null },
    ],
    values: [
      { returnId: Q23, code: 'gyzjz', current: 90.38, lastYear: 80, updatedAt: '2023-04-01T00:00:00.000Z' },
      { returnId: Q24, code: 'gyzjz', current: 108.78, lastYear: 90.38, updatedAt: '2024-04-01T00:00:00.000Z' },
      { returnId: Q24, code: 'highlights', current: '增速全省第一', lastYear: null, updatedAt: '2024-04-01T00:00:00.000Z' },
    ],
    rosterRows: [
      // Version 1 copied the roster into each return, each copy under an id of its own.
      { id: 'r1', returnId: Q23, name: '甲', totalInvestment: 10 },
      { id: 'r2', returnId: Q23, name: '乙', totalInvestment: 4 },
      { id: 'r1b', returnId: Q24, name: '甲', totalInvestment: 12 },
      { id: 'r3', returnId: Q24, name: '乙', totalInvestment: 5 },
      { id: 'r4', returnId: Q24, totalInvestment: 1 },
      { id: 'g1', returnId: 'gaoping-kfq|2024-03-q', name: '甲', totalInvestment: 7 },
    ],
    explanations: [{ returnId: Q24, key: 'growth-range:gyzjz', text: '龙头企业扩产', updatedAt: '2024-04-01T00:00:00.000Z' }],
    auditLog: [
      { seq: 1, at: '2024-04-01T00:00:00.000Z', who: '张三', returnId: Q24, table: 'values', key: 'gyzjz', field: 'current', old: null, new: 108.78 },
      { seq: 2, at: '2024-04-01T00:00:01.000Z', who: '张三', returnId: null, table: 'settings', key: 'zoneId', field: 'value', old: null, new: 'jincheng-kfq' },
    ],
    settings: [{ key: 'zoneId', value: 'jincheng-kfq' }, { key: 'fillerName', value: '张三' }],
  };
}

async function createV1(env: TestEnv, data: V1Tables): Promise<void> {
  const db = v1Db(env);
  const tables: Record<string, unknown[]> = { ...data };
  await db.transaction('rw', db.tables, async () => {
    for (const [name, rows] of Object.entries(tables)) await db.table(name).bulkAdd(rows);
  });
  db.close();
}

async function installedVersion(env: TestEnv): Promise<number> {
  const probe = new Dexie(env.name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
  await probe.open();
  const version = probe.verno;
  probe.close();
  return version;
}

describe('upgrade from schema version 1', () => {
  it('migrates every table of a version-1 database with data in it', async () => {
    const env = testEnv();
    await createV1(env, v1Data());
    const repo = await openTestRepository(env);
    expect(repo.upgradedFrom).toBe(1);
    expect(repo.db.verno).toBe(SCHEMA_VERSION);

    expect(await repo.listZones()).toEqual([...REGISTRY.zones.slice(0, 2)].sort((a, b) => a.id.localeCompare(b.id)));
    expect((await repo.db.zones.get('jincheng-kfq'))?.edits).toEqual({});

    expect(await repo.getReturn(Q23)).toMatchObject({ status: '已报送', revision: 1, reopenReason: null, createdAt: '2023-04-08T02:00:00.000Z' });
    expect(await repo.getReturn(Q24)).toMatchObject({ status: '填报中', revision: 0 });
    expect((await repo.listReturns('jincheng-kfq')).map((r) => r.periodKey)).toEqual(['2024-03-q', '2023-03-q']);

    const loaded = expectOk(await repo.loadReturn(Q24)).zoneReturn;
    expect(loaded.values).toEqual({ gyzjz: { current: 108.78, lastYear: 90.38 }, highlights: { current: '增速全省第一' } });
    expect(await repo.db.texts.toArray()).toEqual([{ returnId: Q24, code: 'highlights', text: '增速全省第一', updatedAt: '2024-04-01T00:00:00.000Z' }]);
    expect(loaded.explanations).toEqual({ 'growth-range:gyzjz': '龙头企业扩产' });
    // One ledger per zone: the latest copy of each project, merged by name.
    expect(loaded.roster).toEqual([
      { id: 'r1b', name: '甲', totalInvestment: 12 },
      { id: 'r3', name: '乙', totalInvestment: 5 },
      { id: 'r4', totalInvestment: 1 },
    ]);
    expect(await repo.listRoster('gaoping-kfq')).toEqual([{ id: 'g1', name: '甲', totalInvestment: 7 }]);
    expect(await repo.findRosterRowsByName('jincheng-kfq', '乙')).toEqual([{ id: 'r3', name: '乙', totalInvestment: 5 }]);

    const audit = await repo.auditTrail();
    expect(audit.map((e) => [e.seq, e.zoneId, e.table, e.action])).toEqual([
      [1, 'jincheng-kfq', 'values', 'update'],
      [2, null, 'database', 'update'],
    ]);
    expect(await repo.getSettings()).toEqual({ zoneId: 'jincheng-kfq', fillerName: '张三' });

    // The upgraded database works: the submitted return stays locked, the open one takes edits.
    expect((await repo.saveValue(Q23, 'gyzjz', 'current', 1, '张三')).ok).toBe(false);
    expectOk(await repo.saveValue(Q24, 'gyzjz', 'current', 108.8, '张三'));
    expect((await repo.auditTrail()).at(-1)?.seq).toBe(3);
    expect(await repo.lastYearValues(Q24)).toEqual({ gyzjz: 90.38 });
  });

  it('upgrades while another window still has the version-1 database open', async () => {
    const env = testEnv();
    await createV1(env, v1Data());
    const oldWindow = v1Db(env);
    await oldWindow.open();
    const repo = await openTestRepository(env);
    expect(repo.upgradedFrom).toBe(1);
    // Dexie closes the old connection on versionchange rather than blocking the upgrade.
    expect(oldWindow.isOpen()).toBe(false);
  });

  it('keeps a backup of the version-1 data, made before the upgrade, that restores', async () => {
    const env = testEnv();
    const data = v1Data();
    await createV1(env, data);
    const repo = await openTestRepository(env);
    expect(repo.preUpgradeBackupId).not.toBeNull();
    const stored = await repo.listStoredBackups();
    expect(stored).toEqual([expect.objectContaining({ id: repo.preUpgradeBackupId, reason: 'pre-upgrade', schemaVersion: 1, upgradingTo: SCHEMA_VERSION })]);

    const bytes = await repo.storedBackupBytes(repo.preUpgradeBackupId ?? -1);
    const text = new TextDecoder().decode(await gunzipIfNeeded(bytes ?? new Uint8Array()));
    const doc = JSON.parse(text) as { schemaVersion: number; tables: V1Tables };
    expect(doc.schemaVersion).toBe(1);
    // The backup holds the old rows exactly, every copy of the roster included.
    expect(doc.tables.rosterRows).toEqual(expect.arrayContaining(data.rosterRows));
    expect(doc.tables.rosterRows).toHaveLength(data.rosterRows.length);
    expect(doc.tables.values).toEqual(expect.arrayContaining(data.values));

    // After more work, restoring it brings the database back to the upgraded version-1 data.
    const upgraded = await repo.loadReturn(Q24);
    expectOk(await repo.saveValue(Q24, 'gyzjz', 'current', 1, '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '新项目' }], '张三'));
    const restored = expectOk(await repo.restoreStoredBackup(repo.preUpgradeBackupId ?? -1, '张三'));
    expect(restored.schemaVersion).toBe(1);
    expect(await repo.loadReturn(Q24)).toEqual(upgraded);
    expect((await repo.auditTrail()).at(-1)).toMatchObject({ action: 'restore', who: '张三' });
  });

  it('makes no backup and no upgrade on a new database or one already current', async () => {
    const env = testEnv();
    const repo = await openTestRepository(env);
    expect(repo.upgradedFrom).toBeNull();
    repo.close();
    const again = await openTestRepository(env);
    expect(again.upgradedFrom).toBeNull();
    expect(await again.listStoredBackups()).toEqual([]);
  });

  it('stays at version 1 with its data when the upgrade fails, and the backup is there', async () => {
    const env = testEnv();
    const data = v1Data();
    // A row the migration cannot take (a status version 1 never had): the upgrade must abort.
    const bad = { ...data, returns: data.returns.map((r, i) => (i === 0 ? { ...r, status: '作废' as unknown as '未填' } : r)) };
    await createV1(env, bad);
    const result = await openRepository(env);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]?.message).toContain('升级前的数据已自动备份');
    expect(await installedVersion(env)).toBe(1);
    const v1 = v1Db(env);
    expect(await v1.table('rosterRows').count()).toBe(data.rosterRows.length);
    v1.close();
    const backups = new BackupsDb(backupsDbName(env.name), env);
    expect(await backups.backups.count()).toBe(1);
    backups.close();
  });

  it('refuses to open a database written by a newer version, changing nothing', async () => {
    const env = testEnv();
    const future = new Dexie(env.name, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    future.version(SCHEMA_VERSION + 1).stores({ zones: 'id', somethingNew: 'id' });
    await future.table('somethingNew').add({ id: 'x' });
    future.close();
    const result = await openRepository(env);
    expect(result.ok ? '' : result.issues[0]?.code).toBe('db-newer');
    expect(await installedVersion(env)).toBe(SCHEMA_VERSION + 1);
  });
});

describe('restoring a version-1 backup file into the current schema', () => {
  it('migrates it the same way the upgrade does', async () => {
    const upgradedEnv = testEnv('a');
    await createV1(upgradedEnv, v1Data());
    const upgraded = await openTestRepository(upgradedEnv);
    const bytes = (await upgraded.storedBackupBytes(upgraded.preUpgradeBackupId ?? -1)) ?? new Uint8Array();
    const decoded = expectOk(await decodeBackup(bytes));
    const fresh = await openTestRepository(testEnv('b'));
    expectOk(await fresh.restoreBackup(bytes, '张三'));
    for (const table of ['returns', 'values', 'texts', 'rosterRows', 'explanations', 'settings'] as const) {
      expect(await fresh.db.table(table).toArray()).toEqual(await upgraded.db.table(table).toArray());
    }
    expect(decoded.tables.rosterRows).toHaveLength(4);
  });
});

async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f) return bytes;
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
