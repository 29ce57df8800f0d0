import { IDBDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { validationGate } from '../../src-shared/lifecycle';
import { ZoneReturnsDb } from './database';
import { Q1_2023, Q1_2024, REGISTRY, SET, expectOk, openTestRepository, repositoryWithReturn, testEnv } from './test-support';

const PASSED = validationGate([], {});

describe('zones', () => {
  it('copies the registry and keeps the clerk’s edits across a registry refresh', async () => {
    const repo = await openTestRepository();
    expect(await repo.ensureZones(REGISTRY)).toEqual({ added: 3, refreshed: 0 });
    expectOk(await repo.updateZone('gaoping-kfq', { county: '高平市（新）' }, '张三'));
    const renamed = { ...REGISTRY, version: '2024.2', zones: REGISTRY.zones.map((z) => (z.id === 'gaoping-kfq' ? { ...z, name: '高平经济技术开发区' } : z)) };
    expect(await repo.ensureZones(renamed)).toEqual({ added: 0, refreshed: 3 });
    expect(await repo.getZone('gaoping-kfq')).toEqual({ id: 'gaoping-kfq', name: '高平经济技术开发区', cityCode: '140500', county: '高平市（新）', type: 'industrial', level: '省级' });
    expect((await repo.listZones()).map((z) => z.id).sort()).toEqual(['gaoping-kfq', 'jincheng-kfq', 'lingchuan-lyq']);
    const audit = await repo.auditTrail({ zoneId: 'gaoping-kfq' });
    expect(audit).toMatchObject([{ table: 'zones', field: 'county', old: '高平市', new: '高平市（新）', who: '张三' }]);
  });

  it('adds a zone the registry lacks and refuses a duplicate id', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    const zone = { id: 'zezhou-kfq', name: '泽州开发区', cityCode: '140500', county: '泽州县', type: 'industrial', level: '省级' } as const;
    expectOk(await repo.addZone(zone, '张三'));
    expect(await repo.getZone('zezhou-kfq')).toEqual(zone);
    const again = await repo.addZone(zone, '张三');
    expect(again.ok).toBe(false);
    expect(again.ok ? '' : again.issues[0]?.code).toBe('zone-exists');
  });
});

describe('zones: renames and registry sheets', () => {
  it('a rename keeps the id and the former name; the zone’s returns stay with it', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    expectOk(await repo.getOrCreateReturn({ zoneId: 'gaoping-kfq', period: Q1_2024, indicatorSet: SET }, '张三'));
    const renamed = expectOk(await repo.updateZone('gaoping-kfq', { name: '高平经济技术开发区', shortName: '高平经开区' }, '张三'));
    expect(renamed).toMatchObject({ id: 'gaoping-kfq', name: '高平经济技术开发区', shortName: '高平经开区', formerNames: ['高平开发区'] });
    expect((await repo.db.returns.toArray()).map((r) => r.zoneId)).toEqual(['gaoping-kfq']);
  });

  it('imports a registry sheet in one transaction: new zones added, changed ones edited, the rest left alone', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    const gaoping = await repo.getZone('gaoping-kfq');
    const jincheng = await repo.getZone('jincheng-kfq');
    if (!gaoping || !jincheng) throw new Error('registry zones missing');
    const fresh = { id: 'xinshe-kfq', name: '新设开发区', cityCode: '140500', county: '泽州县', type: 'agricultural', level: '省级', establishedYear: 2024 } as const;
    const result = expectOk(await repo.importZones([fresh, { ...gaoping, name: '高平经济技术开发区' }, jincheng], '市商务局'));
    expect(result).toEqual({ added: 1, changed: 1, unchanged: 1 });
    expect(await repo.getZone('xinshe-kfq')).toEqual(fresh);
    expect(await repo.getZone('gaoping-kfq')).toMatchObject({ name: '高平经济技术开发区', formerNames: ['高平开发区'] });
    const audit = await repo.auditTrail({ zoneId: 'gaoping-kfq' });
    expect(audit).toMatchObject([{ table: 'zones', field: 'name', old: '高平开发区', new: '高平经济技术开发区', who: '市商务局' }]);
  });
});

describe('returns', () => {
  it('creates a return once, keyed by zone and period, with the cover prefilled from the settings', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    await repo.setSettings({ fillerName: '李四', phone: '0356-1234567' });
    const first = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2024, indicatorSet: SET }, '李四'));
    expect(first).toMatchObject({ id: 'jincheng-kfq|2024-03-q', status: '未填', revision: 0, cover: { filler: '李四', phone: '0356-1234567' } });
    const second = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2024, indicatorSet: SET }, '李四'));
    expect(second).toEqual(first);
    expect(await repo.db.returns.count()).toBe(1);
  });

  it('prefills each zone’s new return with that zone’s own last cover people, never another zone’s', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    await repo.setSettings({ zoneId: 'jincheng-kfq', fillerName: '李四', phone: '0356-1234567', unitHead: '王主任' });
    const a1 = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2024, indicatorSet: SET }, '李四'));
    expect(a1.cover).toEqual({ filler: '李四', phone: '0356-1234567', unitHead: '王主任' });
    // Zone B without returns: nothing of the home zone's people.
    const b1 = expectOk(await repo.getOrCreateReturn({ zoneId: 'gaoping-kfq', period: Q1_2024, indicatorSet: SET }, '李四'));
    expect(b1.cover).toEqual({});
    expectOk(await repo.saveCover(b1.id, { filler: '赵六', phone: '0356-7654321', unitHead: '钱局长', reportDate: '2024-04-10' }, '李四'));
    const q2 = { ...Q1_2024, endMonth: 6 };
    const b2 = expectOk(await repo.getOrCreateReturn({ zoneId: 'gaoping-kfq', period: q2, indicatorSet: SET }, '李四'));
    // B's own people, not the date (each period has its own).
    expect(b2.cover).toEqual({ filler: '赵六', phone: '0356-7654321', unitHead: '钱局长' });
    expectOk(await repo.saveCover(a1.id, { filler: '孙七' }, '李四'));
    const a2 = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: q2, indicatorSet: SET }, '李四'));
    expect(a2.cover).toEqual({ filler: '孙七', phone: '0356-1234567', unitHead: '王主任' });
    expect(await repo.getSettings()).toMatchObject({ zoneId: 'jincheng-kfq' });
  });

  it('refuses a return for an unknown zone', async () => {
    const repo = await openTestRepository();
    const result = await repo.getOrCreateReturn({ zoneId: 'nowhere', period: Q1_2024, indicatorSet: SET }, '张三');
    expect(result.ok ? '' : result.issues[0]?.code).toBe('zone-not-found');
    expect(await repo.db.returns.count()).toBe(0);
  });

  it('lists a zone’s returns latest first, with status, and no other zone’s', async () => {
    const repo = await openTestRepository();
    await repo.ensureZones(REGISTRY);
    for (const period of [Q1_2023, Q1_2024, { year: 2024, endMonth: 6, frequency: 'quarter' } as const]) {
      expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period, indicatorSet: SET }, '张三'));
    }
    expectOk(await repo.getOrCreateReturn({ zoneId: 'gaoping-kfq', period: Q1_2024, indicatorSet: SET }, '张三'));
    expectOk(await repo.saveValue('jincheng-kfq|2024-03-q', 'gyzjz', 'current', 1, '张三'));
    const list = await repo.listReturns('jincheng-kfq');
    expect(list.map((r) => [r.periodKey, r.status])).toEqual([
      ['2024-06-q', '未填'],
      ['2024-03-q', '填报中'],
      ['2023-03-q', '未填'],
    ]);
  });

  it('loads a return in the canonical ZoneReturn form', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveValues({ returnId, who: '张三', cells: [
      { code: 'gyzjz', column: 'current', value: 108.78 },
      { code: 'gyzjz', column: 'lastYear', value: 90.38 },
      { code: 'gytz', column: 'current', value: 16.92 },
      { code: 'cleared', column: 'current', value: 5 },
    ] }));
    expectOk(await repo.saveValue(returnId, 'cleared', 'current', null, '张三'));
    expectOk(await repo.saveText(returnId, 'highlights', '规上工业增加值同比增长20.35%。', '张三'));
    expectOk(await repo.saveExplanation(returnId, 'growth-range:gytz', '新建项目集中投产。', '张三'));
    expectOk(await repo.saveCover(returnId, { unitHead: '王五', reportDate: '2024-04-10' }, '张三'));
    const [rowA, rowB] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲项目', totalInvestment: 12.5, strategic: true }, { name: '乙项目', totalInvestment: null }], '张三')).ids;
    // Another zone's roster stays out of this return.
    expectOk(await repo.addRows('gaoping-kfq', [{ name: '丙项目' }], '张三'));

    const loaded = expectOk(await repo.loadReturn(returnId));
    expect(loaded.zoneReturn).toEqual({
      format: 'zone-returns/return@1',
      indicatorSet: SET,
      zoneId: 'jincheng-kfq',
      period: Q1_2024,
      values: { gyzjz: { current: 108.78, lastYear: 90.38 }, gytz: { current: 16.92 }, highlights: { current: '规上工业增加值同比增长20.35%。' } },
      roster: [
        { id: rowA, name: '甲项目', totalInvestment: 12.5, strategic: true },
        { id: rowB, name: '乙项目', totalInvestment: null },
      ],
      explanations: { 'growth-range:gytz': '新建项目集中投产。' },
      cover: { unitHead: '王五', reportDate: '2024-04-10' },
    });
    expect(loaded.record.status).toBe('填报中');
    expect(loaded.submitted).toBeUndefined();
  });

  it('says so when a return does not exist', async () => {
    const repo = await openTestRepository();
    const loaded = await repo.loadReturn('nowhere|2024-03-q');
    expect(loaded.ok ? '' : loaded.issues[0]?.code).toBe('return-not-found');
  });
});

describe('edits and the audit log', () => {
  it('saves one value, records who / when / old → new, and moves 未填 to 填报中', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const first = expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 100, '张三'));
    expect(first).toMatchObject({ changed: 1, status: '填报中' });
    expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 108.78, '李四'));
    const same = expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 108.78, '李四'));
    expect(same.changed).toBe(0);
    const audit = await repo.auditTrail({ returnId });
    expect(audit.map((e) => [e.table, e.key, e.field, e.old, e.new, e.who, e.action])).toEqual([
      ['returns', returnId, '*', null, { periodKey: '2024-03-q', indicatorSet: SET }, '张三', 'insert'],
      ['values', 'gyzjz', 'current', null, 100, '张三', 'update'],
      ['returns', returnId, 'status', '未填', '填报中', '张三', 'status'],
      ['values', 'gyzjz', 'current', 100, 108.78, '李四', 'update'],
    ]);
    expect(audit.every((e) => e.zoneId === 'jincheng-kfq' && /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
    // Full precision is kept: nothing is rounded on the way in.
    expectOk(await repo.saveValue(returnId, 'share', 'current', 15.7 / 16.92, '张三'));
    expect((await repo.db.values.get([returnId, 'share']))?.current).toBe(15.7 / 16.92);
  });

  it('saves a paste of many cells in one transaction with one audit line per changed cell', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const cells = Array.from({ length: 40 }, (_, i) => ({ code: `c${i % 20}`, column: i < 20 ? ('current' as const) : ('lastYear' as const), value: i * 1.5 }));
    const spy = vi.spyOn(repo.db, 'transaction');
    const receipt = expectOk(await repo.saveValues({ returnId, who: '张三', cells }));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(receipt.changed).toBe(40); // empty → 0 is a change too
    expect(await repo.db.values.where('returnId').equals(returnId).count()).toBe(20);
    expect(await repo.db.values.get([returnId, 'c3'])).toMatchObject({ current: 4.5, lastYear: 34.5 });
    expect((await repo.auditTrail({ returnId })).filter((e) => e.table === 'values')).toHaveLength(40);
  });

  it('refuses a paste with a non-number cell and writes nothing', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const result = await repo.saveValues({ returnId, who: '张三', cells: [{ code: 'a', column: 'current', value: 1 }, { code: 'b', column: 'current', value: Number.NaN }] });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]?.message).toContain('不是有效数字');
    expect(await repo.db.values.count()).toBe(0);
    expect((await repo.getReturn(returnId))?.status).toBe('未填');
  });

  it('leaves nothing half-written when a write fails in the middle of a paste', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveValue(returnId, 'a', 'current', 1, '张三'));
    const auditBefore = await repo.db.auditLog.count();
    // The audit log refuses its write: the values written earlier in the same transaction must go too.
    const failing = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    repo.db.auditLog.hook('creating', failing);
    const result = await repo.saveValues({ returnId, who: '张三', cells: [{ code: 'a', column: 'current', value: 2 }, { code: 'b', column: 'current', value: 3 }] });
    repo.db.auditLog.hook('creating').unsubscribe(failing);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.issues[0]?.code).toBe('save-failed');
    expect(await repo.db.values.get([returnId, 'a'])).toMatchObject({ current: 1 });
    expect(await repo.db.values.get([returnId, 'b'])).toBeUndefined();
    expect(await repo.db.auditLog.count()).toBe(auditBefore);
  });

  it('throws, rather than reporting a failed save, when the failure is a bug', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const failing = () => {
      throw new TypeError('bug');
    };
    repo.db.values.hook('creating', failing);
    await expect(repo.saveValue(returnId, 'a', 'current', 1, '张三')).rejects.toThrow();
    repo.db.values.hook('creating').unsubscribe(failing);
    expect(await repo.db.values.count()).toBe(0);
  });

  it('runs every edit with strict durability and resolves only once another connection can read it', async () => {
    const env = testEnv();
    // Dexie binds the native transaction() when it opens, so the spy must be in place first.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { repo, returnId } = await repositoryWithReturn(env);
    expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 108.78, '张三'));
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    spy.mockRestore();
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((call) => call[2]?.durability === 'strict')).toBe(true);
    const other = new ZoneReturnsDb(env.name, env);
    expect(await other.values.get([returnId, 'gyzjz'])).toMatchObject({ current: 108.78 });
    other.close();
  });

  it('saves texts, explanations and cover fields, clearing with an empty string', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveText(returnId, 'problems', '要素保障不足', '张三'));
    expectOk(await repo.saveText(returnId, 'problems', '', '张三'));
    expect(await repo.db.texts.count()).toBe(0);
    expectOk(await repo.saveExplanation(returnId, 'k1', '说明', '张三'));
    expect(await repo.db.explanations.get([returnId, 'k1'])).toMatchObject({ text: '说明' });
    expectOk(await repo.saveCover(returnId, { phone: '123', filler: '张三' }, '张三'));
    expectOk(await repo.saveCover(returnId, { phone: '' }, '张三'));
    expect((await repo.getReturn(returnId))?.cover).toEqual({ filler: '张三' });
    const fields = (await repo.auditTrail({ returnId })).map((e) => `${e.table}.${e.key}.${e.field}:${JSON.stringify(e.old)}→${JSON.stringify(e.new)}`);
    expect(fields).toEqual(expect.arrayContaining([
      'texts.problems.text:""→"要素保障不足"',
      'texts.problems.text:"要素保障不足"→""',
      'explanations.k1.text:""→"说明"',
      'returns.cover.phone:""→"123"',
      'returns.cover.phone:"123"→""',
    ]));
  });

  it('moves 已校验 back to 填报中 on an edit, and keeps 退回修改', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveValue(returnId, 'a', 'current', 1, '张三'));
    expectOk(await repo.markValidated(returnId, PASSED, '张三'));
    expect(expectOk(await repo.saveValue(returnId, 'a', 'current', 2, '张三')).status).toBe('填报中');
    expectOk(await repo.markValidated(returnId, PASSED, '张三'));
    expectOk(await repo.recordSubmission({ submissionId: 's1', returnId, revision: 1, fileName: 'a.xlsx', sha256: 'ab', snapshot: '{}' }, '张三'));
    expectOk(await repo.reopenReturn(returnId, '工业投资有误', '审核人'));
    expect(expectOk(await repo.saveValue(returnId, 'a', 'current', 3, '张三')).status).toBe('退回修改');
  });
});

describe('what was saved stays saved', () => {
  it('finds every saved edit after the page reloads (a new connection)', async () => {
    const env = testEnv();
    const { repo, returnId } = await repositoryWithReturn(env);
    expectOk(await repo.saveValues({ returnId, who: '张三', cells: [{ code: 'gyzjz', column: 'current', value: 108.78 }, { code: 'gyzjz', column: 'lastYear', value: 90.38 }] }));
    expectOk(await repo.saveText(returnId, 'measures', '一旬一调度', '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 3.2 }], '张三'));
    const shown = expectOk(await repo.loadReturn(returnId));
    repo.close();
    const reloaded = await openTestRepository(env);
    expect(expectOk(await reloaded.loadReturn(returnId))).toEqual(shown);
  });

  it('keeps every one of many edits fired without waiting (a fast typist), each with its audit line', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => repo.saveValue(returnId, `c${i % 5}`, 'current', i, '张三')));
    expect(results.every((r) => r.ok)).toBe(true);
    // Transactions on the same tables run one after another, in the order they were started.
    expect((await repo.db.values.where('returnId').equals(returnId).toArray()).map((v) => [v.code, v.current])).toEqual([['c0', 15], ['c1', 16], ['c2', 17], ['c3', 18], ['c4', 19]]);
    expect((await repo.auditTrail({ returnId })).filter((e) => e.table === 'values')).toHaveLength(20);
  });
});

describe('a submitted return is locked', () => {
  async function submitted() {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 108.78, '张三'));
    expectOk(await repo.saveText(returnId, 'highlights', '亮点', '张三'));
    expectOk(await repo.markValidated(returnId, PASSED, '张三'));
    const outbox = expectOk(await repo.recordSubmission({ submissionId: 'sub-1', returnId, revision: 1, fileName: '晋城开发区2024年一季度.xlsx', sha256: 'f'.repeat(64), snapshot: '{"zoneId":"jincheng-kfq"}' }, '张三'));
    return { repo, returnId, outbox };
  }

  it('records the submission and locks the return', async () => {
    const { repo, returnId, outbox } = await submitted();
    const record = await repo.getReturn(returnId);
    expect(record).toMatchObject({ status: '已报送', revision: 1, submittedAt: outbox.at });
    expect(await repo.listOutbox(returnId)).toEqual([outbox]);
    expect(expectOk(await repo.loadReturn(returnId)).submitted).toEqual(outbox);
  });

  it.each([
    ['saveValue', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.saveValue(r.returnId, 'gyzjz', 'current', 1, '张三')],
    ['saveValues', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.saveValues({ returnId: r.returnId, who: '张三', cells: [{ code: 'x', column: 'lastYear', value: 1 }] })],
    ['saveText', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.saveText(r.returnId, 'highlights', '改', '张三')],
    ['saveExplanation', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.saveExplanation(r.returnId, 'k', '说明', '张三')],
    ['saveCover', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.saveCover(r.returnId, { phone: '1' }, '张三')],
    ['markValidated', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.markValidated(r.returnId, PASSED, '张三')],
    ['prefillLastYear', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.prefillLastYear(r.returnId, '张三')],
    ['recordSubmission', (r: Awaited<ReturnType<typeof submitted>>) => r.repo.recordSubmission({ submissionId: 'sub-2', returnId: r.returnId, revision: 2, fileName: 'b.xlsx', sha256: 'ab', snapshot: '{}' }, '张三'), 'already-submitted'],
  ])('%s is refused with a Chinese message and nothing changes', async (_name, edit, code = 'return-locked') => {
    const state = await submitted();
    const before = await state.repo.exportBackup({ gzip: false });
    const result = await edit(state);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.issues[0]).toMatchObject({ code, severity: 'error' });
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/已报送.*退回修改/);
    const after = await state.repo.exportBackup({ gzip: false });
    expect(stripCreatedAt(after)).toEqual(stripCreatedAt(before));
  });

  it('can be reopened (退回修改) with a reason and submitted again as revision 2', async () => {
    const { repo, returnId } = await submitted();
    const empty = await repo.reopenReturn(returnId, '  ', '审核人');
    expect(empty.ok ? '' : empty.issues[0]?.code).toBe('reason-required');
    expect(expectOk(await repo.reopenReturn(returnId, '工业投资口径有误', '审核人'))).toMatchObject({ status: '退回修改', reopenReason: '工业投资口径有误' });
    expectOk(await repo.saveValue(returnId, 'gyzjz', 'current', 108.8, '张三'));
    const unchecked = await repo.recordSubmission({ submissionId: 'sub-2', returnId, revision: 2, fileName: 'b.xlsx', sha256: 'ab', snapshot: '{}' }, '张三');
    expect(unchecked.ok ? '' : unchecked.issues[0]?.code).toBe('not-validated');
    expectOk(await repo.markValidated(returnId, PASSED, '张三'));
    expect(await repo.nextRevision(returnId)).toBe(2);
    const wrong = await repo.recordSubmission({ submissionId: 'sub-2', returnId, revision: 3, fileName: 'b.xlsx', sha256: 'ab', snapshot: '{}' }, '张三');
    expect(wrong.ok ? '' : wrong.issues[0]?.code).toBe('revision-mismatch');
    expectOk(await repo.recordSubmission({ submissionId: 'sub-2', returnId, revision: 2, fileName: 'b.xlsx', sha256: 'ab', snapshot: '{}' }, '张三'));
    expect(await repo.getReturn(returnId)).toMatchObject({ status: '已报送', revision: 2, reopenReason: null });
    expect((await repo.listOutbox(returnId)).map((o) => o.revision)).toEqual([1, 2]);
    const states = (await repo.auditTrail({ returnId })).filter((e) => e.field === 'status');
    expect(states.map((e) => [e.old, e.new, e.action, e.detail?.['revision'], e.detail?.['reason'] ?? e.detail?.['fileName']])).toEqual([
      ['未填', '填报中', 'status', 0, undefined],
      ['填报中', '已校验', 'status', 0, undefined],
      ['已校验', '已报送', 'submit', 1, '晋城开发区2024年一季度.xlsx'],
      ['已报送', '退回修改', 'status', 1, '工业投资口径有误'],
      ['退回修改', '已校验', 'status', 1, undefined],
      ['已校验', '已报送', 'submit', 2, 'b.xlsx'],
    ]);
  });

  it('refuses 已校验 while the validation gate has errors or unexplained warnings', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const warning = { code: 'growth-range', severity: 'warning' as const, key: 'rule:g', target: { kind: 'return' as const }, message: '增速异常' };
    const blocked = await repo.markValidated(returnId, validationGate([warning], {}), '张三');
    expect(blocked.ok ? '' : blocked.issues[0]?.code).toBe('warnings-unexplained');
    expect((await repo.getReturn(returnId))?.status).toBe('未填');
    expect(expectOk(await repo.markValidated(returnId, validationGate([warning], { 'rule:g': '新项目投产' }), '张三')).status).toBe('已校验');
  });
});

function stripCreatedAt(bytes: Uint8Array): unknown {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as { createdAt?: string };
  delete doc.createdAt;
  return doc;
}

describe('the roster (the zone’s project ledger)', () => {
  it('puts deleted rows back in their old places when asked with the positions the delete returned', async () => {
    const { repo } = await repositoryWithReturn();
    const { ids } = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }], '张三'));
    const [a, , c] = ids;
    const deleted = expectOk(await repo.deleteRows('jincheng-kfq', [a ?? '', c ?? ''], '张三'));
    expect(deleted.positions).toEqual({ [a ?? '']: 1, [c ?? '']: 3 });
    expectOk(await repo.addRows('jincheng-kfq', [{ id: a, name: '甲' }, { id: c, name: '丙' }], '张三', { positions: deleted.positions ?? {} }));
    expect((await repo.listRoster('jincheng-kfq')).map((r) => r['name'])).toEqual(['甲', '乙', '丙', '丁']);
    // A place taken meanwhile is not shared: the row goes to the end.
    const [b] = (await repo.listRoster('jincheng-kfq')).filter((r) => r['name'] === '乙').map((r) => r.id);
    const gone = expectOk(await repo.deleteRows('jincheng-kfq', [b ?? ''], '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '戊' }], '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ id: b, name: '乙' }], '张三', { positions: { [b ?? '']: 4 } }));
    expect((await repo.listRoster('jincheng-kfq')).map((r) => r['name'])).toEqual(['甲', '丙', '丁', '戊', '乙']);
    expect(gone.positions).toEqual({ [b ?? '']: 2 });
  });

  it('adds rows at the end, finds them by name, updates fields and deletes rows, all audited', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const { ids } = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 10 }, { name: '乙', totalInvestment: 5 }], '张三', { returnId }));
    const [third] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '丙' }], '张三')).ids;
    expect((await repo.listRoster('jincheng-kfq')).map((r) => r['name'])).toEqual(['甲', '乙', '丙']);
    expect(await repo.findRosterRowsByName('jincheng-kfq', '乙')).toEqual([{ id: ids[1], name: '乙', totalInvestment: 5 }]);

    const updated = expectOk(await repo.updateRowFields('jincheng-kfq', [{ id: ids[0] ?? '', fields: { totalInvestment: 12, started: true } }, { id: ids[1] ?? '', fields: { totalInvestment: 5 } }], '李四'));
    expect(updated.changed).toBe(2);
    expectOk(await repo.deleteRows('jincheng-kfq', [third ?? ''], '李四'));
    expect(await repo.listRoster('jincheng-kfq')).toEqual([
      { id: ids[0], name: '甲', totalInvestment: 12, started: true },
      { id: ids[1], name: '乙', totalInvestment: 5 },
    ]);
    const audit = (await repo.auditTrail({ zoneId: 'jincheng-kfq' })).filter((e) => e.table === 'rosterRows');
    expect(audit.map((e) => [e.action, e.field, e.old, e.new, e.returnId])).toEqual([
      ['insert', '*', null, { id: ids[0], zoneId: 'jincheng-kfq', position: 1, name: '甲', totalInvestment: 10 }, returnId],
      ['insert', '*', null, { id: ids[1], zoneId: 'jincheng-kfq', position: 2, name: '乙', totalInvestment: 5 }, returnId],
      ['insert', '*', null, { id: third, zoneId: 'jincheng-kfq', position: 3, name: '丙' }, null],
      ['update', 'totalInvestment', 10, 12, null],
      ['update', 'started', null, true, null],
      ['delete', '*', { id: third, zoneId: 'jincheng-kfq', position: 3, name: '丙' }, null, null],
    ]);
  });

  it('refuses a paste that names a missing row, a reserved field or a bad value, writing nothing', async () => {
    const { repo } = await repositoryWithReturn();
    const { ids } = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲' }], '张三'));
    const id = ids[0] ?? '';
    const cases = [
      [{ id, fields: { name: '甲改' } }, { id: 'missing', fields: { name: 'x' } }],
      [{ id, fields: { zoneId: 'gaoping-kfq' } }],
      [{ id, fields: { totalInvestment: Number.POSITIVE_INFINITY } }],
    ];
    for (const patches of cases) {
      const result = await repo.updateRowFields('jincheng-kfq', patches, '张三');
      expect(result.ok).toBe(false);
    }
    // A row of another zone is not this zone's to change.
    expect((await repo.updateRowFields('gaoping-kfq', [{ id, fields: { name: 'x' } }], '张三')).ok).toBe(false);
    expect(await repo.listRoster('jincheng-kfq')).toEqual([{ id, name: '甲' }]);
  });

  it('is shared by the zone’s returns, editable while one of them is submitted, and not from another zone’s return', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const q2 = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: { year: 2024, endMonth: 6, frequency: 'quarter' }, indicatorSet: SET }, '张三'));
    expectOk(await repo.markValidated(returnId, PASSED, '张三'));
    expectOk(await repo.recordSubmission({ submissionId: 's', returnId, revision: 1, fileName: 'a.xlsx', sha256: 'ab', snapshot: '{}' }, '张三'));
    const [id] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲' }], '张三', { returnId: q2.id })).ids;
    expectOk(await repo.updateRowFields('jincheng-kfq', [{ id: id ?? '', fields: { totalInvestment: 1 } }], '张三'));
    expect(expectOk(await repo.loadReturn(q2.id)).zoneReturn.roster).toHaveLength(1);
    expect(expectOk(await repo.loadReturn(returnId)).zoneReturn.roster).toHaveLength(1);

    // Made from the submitted return's screen: the ledger is the zone's, so it is not refused.
    expectOk(await repo.updateRowFields('jincheng-kfq', [{ id: id ?? '', fields: { totalInvestment: 1 } }], '张三', { returnId }));
    const wrongZone = await repo.addRows('gaoping-kfq', [{ name: '丙' }], '张三', { returnId: q2.id });
    expect(wrongZone.ok ? '' : wrongZone.issues[0]?.code).toBe('zone-mismatch');
    expect(await repo.listRoster('jincheng-kfq')).toEqual([{ id, name: '甲', totalInvestment: 1 }]);
    expect(await repo.listRoster('gaoping-kfq')).toEqual([]);
  });
});

describe('last year’s values', () => {
  it('come from last year’s same-period return and prefill only the empty cells', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const last = expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: Q1_2023, indicatorSet: SET }, '张三'));
    expectOk(await repo.saveValues({ returnId: last.id, who: '张三', cells: [{ code: 'gyzjz', column: 'current', value: 90.38 }, { code: 'gytz', column: 'current', value: 10.85 }, { code: 'empty', column: 'current', value: null }] }));
    // A month return of the same year-end is not the same period.
    expectOk(await repo.getOrCreateReturn({ zoneId: 'jincheng-kfq', period: { year: 2023, endMonth: 3, frequency: 'month' }, indicatorSet: SET }, '张三'));
    expect(await repo.lastYearValues(returnId)).toEqual({ gyzjz: 90.38, gytz: 10.85 });
    expect((await repo.loadLastYearReturn(returnId))?.period).toEqual(Q1_2023);

    expectOk(await repo.saveValue(returnId, 'gytz', 'lastYear', 11, '张三'));
    expectOk(await repo.prefillLastYear(returnId, '张三'));
    expect(await repo.db.values.get([returnId, 'gyzjz'])).toMatchObject({ lastYear: 90.38 });
    expect(await repo.db.values.get([returnId, 'gytz'])).toMatchObject({ lastYear: 11 });
    expectOk(await repo.prefillLastYear(returnId, '张三', { overwrite: true }));
    expect(await repo.db.values.get([returnId, 'gytz'])).toMatchObject({ lastYear: 10.85 });
  });

  it('are empty when the app does not have last year’s return', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expect(await repo.lastYearValues(returnId)).toEqual({});
    expect(await repo.loadLastYearReturn(returnId)).toBeUndefined();
    expect(expectOk(await repo.prefillLastYear(returnId, '张三')).changed).toBe(0);
  });
});

describe('import batches', () => {
  it('applies an import in one transaction and undoes it from the before-images', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const [kept] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 10 }], '张三')).ids;
    expectOk(await repo.saveValue(returnId, 'gytz', 'current', 16, '张三'));
    const before = await repo.exportBackup({ gzip: false });

    const batch = expectOk(await repo.applyImportBatch({
      zoneId: 'jincheng-kfq', who: '张三', file: '2024年第一次三个一批项目台账.xlsx', sheet: 'Sheet1', returnId,
      insert: [{ name: '乙', totalInvestment: 5 }, { name: '丙', totalInvestment: 3 }],
      update: [{ id: kept ?? '', fields: { totalInvestment: 12 } }],
      values: [{ code: 'gytz', column: 'current', value: 16.92 }, { code: 'zxxm', column: 'current', value: 15.7 }],
      skipped: 2,
    }));
    expect(batch.counts).toEqual({ inserted: 2, updated: 1, values: 2, skipped: 2 });
    expect(batch.rowsBefore).toEqual([expect.objectContaining({ id: kept, totalInvestment: 10 })]);
    expect(batch.valuesBefore).toEqual([{ returnId, code: 'gytz', before: expect.objectContaining({ current: 16 }) }, { returnId, code: 'zxxm', before: null }]);
    expect(await repo.listRoster('jincheng-kfq')).toHaveLength(3);
    expect((await repo.auditTrail({ batchId: batch.id })).length).toBe(2 + 1 + 2);
    expect(await repo.listImportBatches('jincheng-kfq')).toEqual([batch]);

    const undo = expectOk(await repo.undoImportBatch(batch.id, '张三'));
    expect(undo.warnings).toEqual([]);
    expect(undo.batch.undoneBy).toBe('张三');
    const again = await repo.undoImportBatch(batch.id, '张三');
    expect(again.ok ? '' : again.issues[0]?.code).toBe('batch-undone');
    // Everything but the log and the batch record is as before the import.
    const strip = (bytes: Uint8Array) => {
      const doc = JSON.parse(new TextDecoder().decode(bytes)) as { tables: Record<string, Array<Record<string, unknown>>> };
      const { auditLog: _a, importBatches: _b, returns, ...rest } = doc.tables;
      return { ...rest, returns: returns?.map(({ updatedAt: _u, ...r }) => r) };
    };
    expect(strip(await repo.exportBackup({ gzip: false }))).toEqual(strip(before));
  });

  it('warns on undo when a row was edited or deleted after the import', async () => {
    const { repo } = await repositoryWithReturn();
    const [id] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 10 }], '张三')).ids;
    const batch = expectOk(await repo.applyImportBatch({ zoneId: 'jincheng-kfq', who: '张三', file: 'a.xlsx', sheet: 'S', insert: [], update: [{ id: id ?? '', fields: { totalInvestment: 12 } }] }));
    expectOk(await repo.updateRowFields('jincheng-kfq', [{ id: id ?? '', fields: { totalInvestment: 13 } }], '张三'));
    const [other] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '乙', totalInvestment: 1 }], '张三')).ids;
    const second = expectOk(await repo.applyImportBatch({ zoneId: 'jincheng-kfq', who: '张三', file: 'b.xlsx', sheet: 'S', insert: [], update: [{ id: other ?? '', fields: { totalInvestment: 2 } }] }));
    expectOk(await repo.deleteRows('jincheng-kfq', [other ?? ''], '张三'));
    const undo = expectOk(await repo.undoImportBatch(batch.id, '张三'));
    expect(undo.warnings.map((w) => w.code)).toEqual(['undo-overwrote-edit']);
    expect((await repo.listRoster('jincheng-kfq'))[0]).toMatchObject({ totalInvestment: 10 });
    const undoSecond = expectOk(await repo.undoImportBatch(second.id, '张三'));
    expect(undoSecond.warnings.map((w) => w.code)).toEqual(['undo-restored-deleted']);
    expect((await repo.listRoster('jincheng-kfq')).map((r) => [r['name'], r['totalInvestment']])).toEqual([['甲', 10], ['乙', 1]]);
  });

  it.each(['apply', 'undo'] as const)('leaves nothing half-written when the last write of an import %s fails', async (step) => {
    const { repo, returnId } = await repositoryWithReturn();
    const [id] = expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲', totalInvestment: 10 }], '张三')).ids;
    const input = { zoneId: 'jincheng-kfq', who: '张三', file: 'a.xlsx', sheet: 'S', returnId, insert: [{ name: '乙' }], update: [{ id: id ?? '', fields: { totalInvestment: 12 } }], values: [{ code: 'gytz', column: 'current' as const, value: 16.92 }] };
    const batch = step === 'undo' ? expectOk(await repo.applyImportBatch(input)) : undefined;
    const before = await repo.exportBackup({ gzip: false });
    // The audit lines are written last: everything before them in the transaction must roll back.
    const failing = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    repo.db.auditLog.hook('creating', failing);
    const result = step === 'apply' ? await repo.applyImportBatch(input) : await repo.undoImportBatch(batch?.id ?? '', '张三');
    repo.db.auditLog.hook('creating').unsubscribe(failing);
    expect(result.ok ? '' : result.issues[0]?.code).toBe('save-failed');
    expect(stripCreatedAt(await repo.exportBackup({ gzip: false }))).toEqual(stripCreatedAt(before));
  });

  it('writes nothing when one part of the import is refused', async () => {
    const { repo } = await repositoryWithReturn();
    const result = await repo.applyImportBatch({ zoneId: 'jincheng-kfq', who: '张三', file: 'a.xlsx', sheet: 'S', insert: [{ name: '乙' }], update: [{ id: 'missing', fields: { name: 'x' } }] });
    expect(result.ok).toBe(false);
    expect(await repo.db.rosterRows.count()).toBe(0);
    expect(await repo.db.importBatches.count()).toBe(0);
  });

  it('remembers a ledger’s column mapping by header signature', async () => {
    const repo = await openTestRepository();
    expect(await repo.getLedgerMapping('sig')).toBeUndefined();
    const mapping = { format: 'zone-returns/ledger-mapping@1' as const, signature: 'sig', columns: { 项目名称: 'name', '总投资（亿元）': 'totalInvestment', 备注: null }, units: { '总投资（亿元）': '亿元' as const } };
    await repo.saveLedgerMapping('sig', mapping);
    expect(await repo.getLedgerMapping('sig')).toEqual(mapping);
  });
});

describe('settings', () => {
  it('remembers the clerk’s zone, name and phone across a reopen, and forgets an emptied one', async () => {
    const env = testEnv();
    const repo = await openTestRepository(env);
    expect(await repo.getSettings()).toEqual({});
    expect(await repo.setSettings({ zoneId: 'jincheng-kfq', fillerName: '张三', phone: '13800000000' })).toEqual({ zoneId: 'jincheng-kfq', fillerName: '张三', phone: '13800000000' });
    await repo.setSettings({ phone: '' });
    repo.close();
    const reopened = await openTestRepository(env);
    expect(await reopened.getSettings()).toEqual({ zoneId: 'jincheng-kfq', fillerName: '张三' });
  });
});

describe('the audit log is append-only', () => {
  it('keeps every earlier line unchanged as edits go on', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    expectOk(await repo.saveValue(returnId, 'a', 'current', 1, '张三'));
    const early = await repo.auditTrail();
    expectOk(await repo.saveValue(returnId, 'a', 'current', 2, '张三'));
    expectOk(await repo.addRows('jincheng-kfq', [{ name: '甲' }], '张三'));
    const later = await repo.auditTrail();
    expect(later.slice(0, early.length)).toEqual(early);
    expect(later.map((e) => e.seq)).toEqual([...later.map((e) => e.seq)].sort((x, y) => (x ?? 0) - (y ?? 0)));
    expect(later.at(-1)?.table).toBe('rosterRows');
  });

  it.each([
    ['update', (repo: Awaited<ReturnType<typeof openTestRepository>>, seq: number) => repo.db.auditLog.update(seq, { who: '别人' })],
    ['put over a line', (repo: Awaited<ReturnType<typeof openTestRepository>>, seq: number) => repo.db.auditLog.put({ seq, at: '', who: '别人', returnId: null, zoneId: null, table: 'database', key: '', field: '', old: null, new: null, action: 'update' })],
    ['delete', (repo: Awaited<ReturnType<typeof openTestRepository>>, seq: number) => repo.db.auditLog.delete(seq)],
    ['clear', (repo: Awaited<ReturnType<typeof openTestRepository>>) => repo.db.auditLog.clear()],
  ])('refuses to %s, even to code that goes around the repository', async (_label, write) => {
    const { repo } = await repositoryWithReturn();
    const before = await repo.auditTrail();
    const seq = before[0]?.seq ?? -1;
    await expect(write(repo, seq)).rejects.toThrow(/只能追加/);
    expect(await repo.auditTrail()).toEqual(before);
  });
});
