import { describe, expect, it } from 'vitest';
import { validationGate } from '../../src-shared/lifecycle';
import { BACKUP_FORMAT, encodeBackup, KEEP_STORED_BACKUPS, readAllTables, RESTORE_CHUNK_ROWS, storeBackup, type BackupDocument, type RestoreProgress } from './backup';
import type { Repository } from './repository';
import { SCHEMA_VERSION, TABLE_NAMES } from './schema';
import { expectOk, openTestRepository, repositoryWithReturn, testEnv } from './test-support';

/** A database with something in every table. */
async function filledRepository(): Promise<{ repo: Repository; returnId: string }> {
  const { repo, returnId } = await repositoryWithReturn();
  await repo.setSettings({ zoneId: 'jincheng-kfq', fillerName: '张三', phone: '13800000000' });
  expectOk(await repo.receiveFiles([{ fileName: '高平.xlsx', bytes: new Uint8Array([1, 2, 250]), fileSha256: 'ab', intact: false, problems: ['不是 xlsx 文件'] }], '李四'));
  expectOk(await repo.saveReferenceFigures('140500', '2024-03-q', { provinceAverageGrowthPct: { gyzjz: 0.9 }, provinceRank: { gyzjz: { value: 3 } } }));
  expectOk(await repo.saveValues({ returnId, who: '张三', cells: [{ code: 'gyzjz', column: 'current', value: 108.78 }, { code: 'gyzjz', column: 'lastYear', value: 90.3838383838 }] }));
  expectOk(await repo.saveText(returnId, 'highlights', '亮点：“三个一批”签约52个项目', '张三'));
  expectOk(await repo.saveExplanation(returnId, 'growth-range:gytz', '大项目集中开工', '张三'));
  expectOk(await repo.applyImportBatch({ zoneId: 'jincheng-kfq', who: '张三', file: '台账.xlsx', sheet: 'Sheet1', insert: [{ name: '甲', totalInvestment: 12.5, strategic: true }], update: [] }));
  await repo.saveLedgerMapping('项目名称|总投资（亿元）', { format: 'zone-returns/ledger-mapping@1', columns: { 项目名称: 'name' } });
  expectOk(await repo.markValidated(returnId, validationGate([], {}), '张三'));
  expectOk(await repo.recordSubmission({ submissionId: 's1', returnId, revision: 1, fileName: 'a.xlsx', sha256: 'ab'.repeat(32), snapshot: '{"a":1}' }, '张三'));
  return { repo, returnId };
}

async function contents(repo: Repository): Promise<Record<string, unknown[]>> {
  return readAllTables(repo.db);
}

function withoutRestoreLine(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  const audit = (tables['auditLog'] ?? []).filter((e) => (e as { action?: string }).action !== 'restore');
  return { ...tables, auditLog: audit };
}

describe('backup and restore', () => {
  it.each([
    ['gzip', true],
    ['plain JSON', false],
  ])('backup → wipe → restore gives back every table exactly (%s)', async (_label, gzip) => {
    const env = testEnv();
    const { repo } = await filledRepository();
    const original = await contents(repo);
    for (const name of TABLE_NAMES) expect(original[name]?.length, name).toBeGreaterThan(0);
    const bytes = await repo.exportBackup({ gzip });
    expect(bytes[0] === 0x1f && bytes[1] === 0x8b).toBe(gzip);

    await repo.db.delete();
    const fresh = await openTestRepository(env);
    expect((await contents(fresh))['returns']).toEqual([]);
    const summary = expectOk(await fresh.restoreBackup(bytes, '李四'));
    expect(summary.schemaVersion).toBe(SCHEMA_VERSION);
    expect(summary.counts.returns).toBe(1);
    expect(withoutRestoreLine(await contents(fresh))).toEqual(original);
    expect((await fresh.auditTrail()).at(-1)).toMatchObject({ action: 'restore', who: '李四', table: 'database' });
    // Full precision survives the round trip.
    expect((await fresh.db.values.get(['jincheng-kfq|2024-03-q', 'gyzjz']))?.lastYear).toBe(90.3838383838);
  });

  it('keeps the data it replaces as a stored backup, which restores', async () => {
    const { repo } = await filledRepository();
    const before = await contents(repo);
    const empty = await openTestRepository();
    const emptyBytes = await empty.exportBackup();
    expectOk(await repo.restoreBackup(emptyBytes, '张三'));
    expect(await repo.db.returns.count()).toBe(0);
    const [kept] = await repo.listStoredBackups();
    expect(kept).toMatchObject({ reason: 'before-restore', schemaVersion: SCHEMA_VERSION });
    // It says what it holds: the zone, one return, one project, and the home zone of its settings.
    expect(kept?.contents).toEqual({ zones: [{ id: 'jincheng-kfq', name: '晋城开发区' }], returns: 1, projects: 1, homeZoneId: 'jincheng-kfq' });
    expect(kept?.size).toBeGreaterThan(100);
    expectOk(await repo.restoreStoredBackup(kept?.id ?? -1, '张三'));
    expect(withoutRestoreLine(await contents(repo))).toEqual(withoutRestoreLine(before));
  });
});

describe('what a backup holds, before anything is replaced', () => {
  it('reads a backup file without writing: its date, zones, returns and projects', async () => {
    const { repo } = await filledRepository();
    const bytes = await repo.exportBackup();
    const other = await openTestRepository();
    const inspected = expectOk(await other.inspectBackup(bytes));
    expect(inspected.contents).toEqual({ zones: [{ id: 'jincheng-kfq', name: '晋城开发区' }], returns: 1, projects: 1, homeZoneId: 'jincheng-kfq' });
    expect(inspected.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await other.db.returns.count()).toBe(0);
    const bad = await other.inspectBackup(new Uint8Array([1, 2, 3]));
    expect(bad.ok).toBe(false);
  });

  it('lists a stored backup whose bytes cannot be read without contents, so it is not offered for restore', async () => {
    const repo = await openTestRepository();
    await storeBackup(repo.backups, { createdAt: '2024-04-01T00:00:00.000Z', reason: 'manual', schemaVersion: SCHEMA_VERSION, upgradingTo: null, bytes: new Uint8Array(3) });
    const [listed] = await repo.listStoredBackups();
    expect(listed?.contents).toBeUndefined();
  });
});

describe('the backups the program keeps by itself', () => {
  it(`keeps the latest ${KEEP_STORED_BACKUPS}, newest first`, async () => {
    const repo = await openTestRepository();
    for (let i = 1; i <= KEEP_STORED_BACKUPS + 2; i += 1) {
      await storeBackup(repo.backups, { createdAt: `2024-04-${String(i).padStart(2, '0')}T00:00:00.000Z`, reason: 'manual', schemaVersion: SCHEMA_VERSION, upgradingTo: null, bytes: new Uint8Array(i) });
    }
    const kept = await repo.listStoredBackups();
    expect(kept).toHaveLength(KEEP_STORED_BACKUPS);
    expect(kept.map((b) => b.size)).toEqual(Array.from({ length: KEEP_STORED_BACKUPS }, (_, i) => KEEP_STORED_BACKUPS + 2 - i));
    expect(await repo.storedBackupBytes(kept[0]?.id ?? -1)).toEqual(new Uint8Array(KEEP_STORED_BACKUPS + 2));
    const missing = await repo.restoreStoredBackup(9999, '张三');
    expect(missing.ok ? '' : missing.issues[0]?.code).toBe('backup-not-found');
  });
});

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));

async function goodDocument(): Promise<BackupDocument> {
  const { repo } = await filledRepository();
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: '2024-04-10T00:00:00.000Z', tables: await contents(repo) };
}

describe('a bad backup file is refused and nothing changes', () => {
  it.each<[string, string, () => Promise<Uint8Array>]>([
    ['random bytes', 'backup-not-json', async () => new Uint8Array([0, 1, 2, 3, 250, 251])],
    ['an Excel file', 'backup-not-json', async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['a truncated gzip', 'backup-corrupt', async () => (await encodeBackup(await goodDocument(), { gzip: true })).slice(0, 40)],
    ['JSON of something else', 'backup-bad-format', async () => json({ hello: 'world' })],
    ['a JSON array', 'backup-bad-format', async () => json([1, 2])],
    ['a newer schema version', 'backup-newer', async () => json({ ...(await goodDocument()), schemaVersion: SCHEMA_VERSION + 1 })],
    ['no schema version', 'backup-bad-version', async () => json({ ...(await goodDocument()), schemaVersion: 'two' })],
    ['a missing table', 'backup-bad-table', async () => {
      const doc = await goodDocument();
      delete doc.tables['returns'];
      return json(doc);
    }],
    ['an unknown table', 'backup-bad-table', async () => {
      const doc = await goodDocument();
      return json({ ...doc, tables: { ...doc.tables, passwords: [] } });
    }],
    ['a value that is not a number', 'backup-bad-table', async () => {
      const doc = await goodDocument();
      return json({ ...doc, tables: { ...doc.tables, values: [{ returnId: 'x|2024-03-q', code: 'a', current: '一百', lastYear: null }] } });
    }],
    ['a return with an unknown status', 'backup-bad-table', async () => {
      const doc = await goodDocument();
      return json({ ...doc, tables: { ...doc.tables, returns: (doc.tables['returns'] ?? []).map((r) => ({ ...(r as object), status: '作废' })) } });
    }],
    // Passes every check but cannot be written (two rows with one key): the transaction rolls back.
    ['rows that collide on their key', 'backup-restore-failed', async () => {
      const doc = await goodDocument();
      const values = doc.tables['values'] ?? [];
      return json({ ...doc, tables: { ...doc.tables, values: [...values, ...values] } });
    }],
  ])('%s', async (_label, code, makeBytes) => {
    const bytes = await makeBytes();
    const { repo } = await repositoryWithReturn(testEnv('target'));
    expectOk(await repo.saveValue('jincheng-kfq|2024-03-q', 'gyzjz', 'current', 1, '张三'));
    const before = await contents(repo);
    const result = await repo.restoreBackup(bytes, '张三');
    expect(result.ok).toBe(false);
    const first = result.ok ? undefined : result.issues[0];
    expect(first?.code).toBe(code);
    expect(first?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await contents(repo)).toEqual(before);
  });
});

describe('a restore in bulk', () => {
  /** A backup of `repo` with `lines` more audit lines and, when `collide`, one settings key twice (a write that fails late). */
  async function bigBackup(repo: Repository, lines: number, collide: boolean): Promise<Uint8Array> {
    const doc: BackupDocument = { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: '2024-05-01T00:00:00.000Z', tables: await readAllTables(repo.db) };
    const audit = doc.tables['auditLog'] ?? [];
    const last = audit.reduce<number>((max, e) => Math.max(max, (e as { seq: number }).seq), 0);
    for (let i = 1; i <= lines; i += 1) audit.push({ seq: last + i, at: '2024-05-01T00:00:00.000Z', who: '张三', returnId: null, zoneId: 'jincheng-kfq', table: 'values', key: `k${i}`, field: 'current', old: null, new: i, action: 'update' });
    const settings = doc.tables['settings'] ?? [];
    if (collide) doc.tables['settings'] = [...settings, ...settings];
    return encodeBackup(doc, { gzip: false });
  }

  it(`writes in chunks of ${RESTORE_CHUNK_ROWS} rows with progress, and adds one audit line for the whole restore`, async () => {
    const { repo } = await filledRepository();
    const bytes = await bigBackup(repo, RESTORE_CHUNK_ROWS + 500, false);
    const rowsInFile = Object.values(((JSON.parse(new TextDecoder().decode(bytes)) as BackupDocument).tables)).reduce((n, rows) => n + rows.length, 0);
    const seen: RestoreProgress[] = [];
    expectOk(await repo.restoreBackup(bytes, '李四', (p) => seen.push(p)));
    expect(seen.slice(0, 2).map((p) => p.phase)).toEqual(['reading', 'keeping']);
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing[0]).toEqual({ phase: 'writing', done: 0, total: rowsInFile });
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: rowsInFile, total: rowsInFile });
    // The audit log is more than one chunk: it is written in two, with progress between.
    expect(writing.some((p) => p.done > 0 && p.done < rowsInFile)).toBe(true);
    const audit = await repo.auditTrail();
    expect(audit.filter((e) => e.action === 'restore')).toHaveLength(1);
    expect(await repo.db.auditLog.count()).toBe(((JSON.parse(new TextDecoder().decode(bytes)) as BackupDocument).tables['auditLog'] ?? []).length + 1);
  });

  it('leaves the old data when a write fails after other tables and chunks were written', async () => {
    const { repo } = await filledRepository();
    const bytes = await bigBackup(repo, RESTORE_CHUNK_ROWS + 500, true);
    // The data now differs from the file's.
    await repo.setSettings({ phone: '13900000000' });
    const before = await contents(repo);
    const seen: RestoreProgress[] = [];
    const result = await repo.restoreBackup(bytes, '李四', (p) => seen.push(p));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]?.code).toBe('backup-restore-failed');
    expect(result.ok ? '' : result.issues[0]?.message).toContain('数据库已回到恢复前的状态');
    // It failed midway: the audit log's chunks were already written when settings collided.
    expect(Math.max(...seen.map((p) => p.done))).toBeGreaterThan(RESTORE_CHUNK_ROWS);
    expect(await contents(repo)).toEqual(before);
  }, 60_000);
});
