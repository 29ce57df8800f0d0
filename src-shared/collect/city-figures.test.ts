import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry, exampleReturn, kfqSet } from '../seeds';
import { cityFigures, outcomeText } from './city-figures';
import { completenessBoard } from './board';

const set = kfqSet();
const four = () => [exampleReturn('jincheng-kfq-2024-q1'), exampleReturn('gaoping-kfq-2024-q1'), exampleReturn('qinshui-kfq-2024-q1'), exampleReturn('yangcheng-kfq-2024-q1')];

describe('cityFigures', () => {
  it('晋城 2024 Q1: 108.78亿元, 20.35%, 5.35 points above the target, 19.45 above the province average', () => {
    const r = cityFigures(set, four(), { reference: { provinceAverageGrowthPct: { gyzjz: 0.9, gytz: 10.9 } } });
    if (!r.ok) throw new Error(r.issues[0]?.message);
    const g = r.value.figures['gyzjz']!;
    expect(g.value).toBeCloseTo(108.78, 2);
    expect(g.growthPct).toBeCloseTo(20.35, 2);
    expect(g.gapPoints).toBeCloseTo(5.35, 2);
    expect(g.provinceAvgGapPoints).toBeCloseTo(19.45, 2);
    expect(g.zones).toHaveLength(4);
    const t = r.value.figures['gytz']!;
    expect(t.value).toBeCloseTo(16.92, 2);
    expect(t.growthPct).toBeCloseTo(55.99, 2);
    expect(t.provinceAvgGapPoints).toBeCloseTo(45.09, 2);
    // 拉动 adds up to the city's growth.
    const pulls = r.value.ranks['gyzjz']!.map((x) => x.pullPoints ?? NaN);
    expect(pulls.reduce((a, b) => a + b, 0)).toBeCloseTo(g.growthPct!, 9);
    expect(r.value.outcomes['gyzjz']).toMatch(/^4个开发区/);
  });

  it('a zone left out is not in the total', () => {
    const r = cityFigures(set, four(), { exclude: ['gaoping-kfq'] });
    expect(r.ok && r.value.figures['gyzjz']!.zones).toEqual(['jincheng-kfq', 'qinshui-kfq', 'yangcheng-kfq']);
  });
});

describe('outcomeText', () => {
  it.each<[(number | null)[], number | null, string]>([
    [[20, 16, 5, 1], 15, '4个开发区全部实现正增长，2个开发区超过省定目标'],
    [[20, -1, null], 15, '3个开发区中1个实现正增长，1个开发区超过省定目标'],
    [[20, 30], 15, '2个开发区全部实现正增长，全部超过省定目标'],
    [[3], null, '1个开发区全部实现正增长'],
  ])('%j target %s', (g, t, text) => expect(outcomeText(g, t)).toBe(text));
});

describe('completenessBoard', () => {
  it('counts submitted, returned, overdue and not yet due', () => {
    const zones = builtinZoneRegistry().zones.filter((z) => z.cityCode === '140500' && z.type === 'industrial');
    const q1 = { year: 2024, endMonth: 3, frequency: 'quarter' as const };
    const q2 = { ...q1, endMonth: 6 };
    const entries = [
      ...zones.slice(0, 3).map((z) => ({ zoneId: z.id, period: q1, revision: 1, exportedAt: '2024-04-05T00:00:00Z' })),
      { zoneId: zones[0]!.id, period: q2, revision: 2, exportedAt: '2024-07-05T00:00:00Z', returned: true },
    ];
    const b = completenessBoard(set, zones, 2024, entries, '2024-08-01');
    expect(b.counts).toEqual({ due: 8, submitted: 3, returned: 1, overdue: 4 });
    expect(b.summary).toBe('应报 8 个，已报 3 个，逾期 4 个，退回 1 个');
    expect(b.cells.find((c) => c.zoneId === zones[3]!.id && c.periodKey === '2024-09-q')?.state).toBe('not-due');
  });
});
