import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry } from '../seeds';
import { judgeInbox, type ReceivedItem } from './inbox-rules';

const q1 = { year: 2024, endMonth: 3, frequency: 'quarter' as const };
const item = (key: string, over: Partial<NonNullable<ReceivedItem['identity']>> = {}, rest: Partial<ReceivedItem> = {}): ReceivedItem => ({
  key,
  fileName: `${key}.xlsx`,
  intact: true,
  problems: [],
  identity: { submissionId: `id-${key}`, revision: 1, exportedAt: '2024-04-05T08:00:00.000Z', zoneId: 'gaoping-kfq', period: q1, indicatorSet: { id: 'kfq-quarterly', version: '2024.1' }, ...over },
  ...rest,
});
const opts = { registry: builtinZoneRegistry(), cityCode: '140500', setVersion: (id: string) => (id === 'kfq-quarterly' ? '2024.1' : undefined) };

describe('judgeInbox', () => {
  it.each<[string, ReceivedItem[], [string, string, string?][]]>([
    ['one valid submission is accepted', [item('a')], [['a', 'accepted']]],
    ['the higher revision supersedes, whatever its id', [item('a', { revision: 2, exportedAt: '2024-04-01T00:00:00Z' }), item('b', { revision: 1, exportedAt: '2024-04-09T00:00:00Z' })], [['a', 'accepted'], ['b', 'superseded', '第1版已被a.xlsx（第2版']]],
    ['same revision: the later export wins', [item('a', { exportedAt: '2024-04-01T00:00:00Z' }), item('b', { exportedAt: '2024-04-02T00:00:00Z' })], [['a', 'superseded'], ['b', 'accepted']]],
    ['a second copy is a duplicate', [item('a'), item('b', { submissionId: 'id-a' })], [['a', 'accepted'], ['b', 'duplicate', '重复副本']]],
    ['another city', [item('a', { zoneId: 'houma-kfq' })], [['a', 'rejected', '侯马开发区属于临汾市，不是晋城市的开发区']]],
    ['another set version', [item('a', { indicatorSet: { id: 'kfq-quarterly', version: '2023.1' } })], [['a', 'rejected', '2023.1版，本局2024年使用2024.1版']]],
    ['an unknown set', [item('a', { indicatorSet: { id: 'other', version: '1' } })], [['a', 'rejected', '不是本局使用的指标集']]],
    ['tampered', [item('a', {}, { intact: false, problems: ['校验码不一致'] })], [['a', 'rejected', '校验未通过']]],
    ['unreadable', [{ key: 'x', fileName: 'x.xlsx', intact: false, problems: ['不是 xlsx 文件'] }], [['x', 'rejected', '无法读取报表数据（不是 xlsx 文件）']]],
    ['a tampered newer revision does not supersede', [item('a'), item('b', { revision: 3 }, { intact: false, problems: ['校验码不一致'] })], [['a', 'accepted'], ['b', 'rejected']]],
    ['a draft is refused as 草稿 and does not supersede the submission', [item('a'), item('b', { revision: 2, draft: true })], [['a', 'accepted'], ['b', 'rejected', '这是草稿（导出草稿），不是报送']]],
    ['zones and periods are judged apart', [item('a'), item('b', { zoneId: 'qinshui-kfq' }), item('c', { period: { ...q1, endMonth: 6 } })], [['a', 'accepted'], ['b', 'accepted'], ['c', 'accepted']]],
  ])('%s', (_what, items, want) => {
    const got = judgeInbox(items, opts);
    expect(got.map((g) => g.key)).toEqual(items.map((i) => i.key));
    for (const [key, verdict, reason] of want) {
      const g = got.find((x) => x.key === key);
      expect(g?.verdict).toBe(verdict);
      if (reason) expect(g?.reason).toContain(reason);
    }
  });
});
