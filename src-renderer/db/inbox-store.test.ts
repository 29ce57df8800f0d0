import { describe, expect, it } from 'vitest';
import { cityFigures, readReceivedFile } from '../../src-shared/collect';
import { computeReturn } from '../../src-shared/compute';
import { builtinZoneRegistry, exampleReturn, kfqSet, type ExampleName } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';
import { expectOk, openTestRepository } from './test-support';

const set = kfqSet();
const registry = builtinZoneRegistry();
const rules = { registry, cityCode: '140500', setVersion: () => '2024.1' };

async function workbook(name: ExampleName, revision: number, exportedAt: string): Promise<Uint8Array> {
  const ret = exampleReturn(name);
  const computed = computeReturn(set, ret, { zoneType: 'industrial' });
  const zone = submissionZone(ret.zoneId, registry);
  if (!zone) throw new Error('zone');
  const w = await writeSubmissionWorkbook({ set, ret, computed, issues: validateReturn(set, ret, computed, { zoneType: 'industrial' }), zone, submissionId: `00000000-0000-4000-8000-00000000000${revision}`, revision, exportedAt });
  return w.bytes;
}

describe('the inbox store', () => {
  it('keeps the bytes, the verdict and who received it; the newer revision counts; 退回; reference figures', async () => {
    const repo = await openTestRepository();
    const files = await Promise.all([
      workbook('gaoping-kfq-2024-q1', 1, '2024-04-05T08:00:00.000Z').then((b) => readReceivedFile(b, '高平-1.xlsx')),
      workbook('gaoping-kfq-2024-q1', 2, '2024-04-07T08:00:00.000Z').then((b) => readReceivedFile(b, '高平-2.xlsx')),
      workbook('qinshui-kfq-2024-q1', 1, '2024-04-06T08:00:00.000Z').then((b) => readReceivedFile(b, '沁水.xlsx')),
      readReceivedFile(new Uint8Array([1, 2, 3]), '坏文件.xlsx'),
    ]);
    const got = expectOk(await repo.receiveFiles(files, '市局王五'));
    expect(got.stored).toHaveLength(4);
    // The same bytes again are not stored twice.
    expect(expectOk(await repo.receiveFiles([files[2]!], '市局王五')).alreadyReceived).toEqual(['沁水.xlsx']);
    const judged = (await repo.judgedInbox(rules)).sort((a, b) => files.findIndex((f) => f.fileName === a.record.fileName) - files.findIndex((f) => f.fileName === b.record.fileName));
    expect(judged.map((j) => [j.record.fileName, j.judged.verdict])).toEqual([
      ['高平-1.xlsx', 'superseded'],
      ['高平-2.xlsx', 'accepted'],
      ['沁水.xlsx', 'accepted'],
      ['坏文件.xlsx', 'rejected'],
    ]);
    expect(judged[0]!.record.receivedBy).toBe('市局王五');
    expect(await repo.inboxFileBytes(judged[2]!.record.id)).toEqual(files[2]!.bytes);
    const accepted = await repo.acceptedReturns(rules, '2024-03-q');
    expect(accepted.map((a) => a.ret.zoneId).sort()).toEqual(['gaoping-kfq', 'qinshui-kfq']);
    const c = cityFigures(set, accepted.map((a) => a.ret));
    expect(c.ok && c.value.figures['gyzjz']?.zones).toHaveLength(2);

    expect((await repo.returnSubmission(judged[1]!.record.id, '  ', '市局王五')).ok).toBe(false);
    expect(expectOk(await repo.returnSubmission(judged[1]!.record.id, '工业投资与台账不符', '市局王五')).returned?.reason).toBe('工业投资与台账不符');
    expect(expectOk(await repo.setExcluded(judged[2]!.record.id, true, '市局王五')).excluded).toBe(true);
    // Setting it to what it already is writes no line.
    expectOk(await repo.setExcluded(judged[2]!.record.id, true, '市局王五'));
    expectOk(await repo.setExcluded(judged[2]!.record.id, false, '市局赵六'));
    const sentBack = await repo.inboxTrail(judged[1]!.record.id);
    expect(sentBack.map((e) => [e.field, e.old, e.new, e.who, e.detail?.['reason'], e.detail?.['revision']])).toEqual([['returned', '采用', '已退回', '市局王五', '工业投资与台账不符', 2]]);
    const inOut = await repo.inboxTrail(judged[2]!.record.id);
    expect(inOut.map((e) => [e.field, e.new, e.who])).toEqual([['excluded', '不计入汇总', '市局王五'], ['excluded', '计入汇总', '市局赵六']]);
    expect(inOut.every((e) => e.table === 'inboxItems' && e.zoneId === 'qinshui-kfq' && e.detail?.['fileName'] === '沁水.xlsx')).toBe(true);
    // A refused 退回 (no reason) leaves no line.
    expect(await repo.inboxTrail(judged[0]!.record.id)).toEqual([]);

    expectOk(await repo.saveReferenceFigures('140500', '2024-03-q', { provinceAverageGrowthPct: { gyzjz: 0.9 } }));
    expect(await repo.getReferenceFigures('140500', '2024-03-q')).toEqual({ provinceAverageGrowthPct: { gyzjz: 0.9 }, provinceRank: {} });
    expect((await repo.saveReferenceFigures('140500', '2024-03-q', { provinceAverageGrowthPct: { gyzjz: Number.NaN } })).ok).toBe(false);
    expect((await repo.saveReferenceFigures('140500', '2024-03-q', { provinceAverageGrowthPct: { gyzjz: 1 }, provinceRank: { gyzjz: { value: 2.5 } } })).ok).toBe(false);
    // Refusals leave what was stored.
    expect(await repo.getReferenceFigures('140500', '2024-03-q')).toEqual({ provinceAverageGrowthPct: { gyzjz: 0.9 }, provinceRank: {} });
  }, 60_000);

  it('keeps the bulletin narrative per city and period in a settings key, apart from the settings', async () => {
    const repo = await openTestRepository();
    expect(await repo.getBulletinNarrative('140500', '2024-03-q')).toEqual({});
    await repo.saveBulletinNarrative('140500', '2024-03-q', { measures: '一是聚焦发展提档升级。', next: '' });
    expect(await repo.getBulletinNarrative('140500', '2024-03-q')).toEqual({ measures: '一是聚焦发展提档升级。' });
    expect(await repo.getBulletinNarrative('140500', '2024-06-q')).toEqual({});
    expect(await repo.getSettings()).toEqual({});
    await repo.saveBulletinNarrative('140500', '2024-03-q', { measures: '' });
    expect(await repo.getBulletinNarrative('140500', '2024-03-q')).toEqual({});
  });
});
