import { describe, expect, it } from 'vitest';
import type { Period, ZoneReturn } from '../model';
import { exampleReturn, kfqSet, type ExampleName } from '../seeds';
import { cumulativeTrend, periodInYearLabel, trendIndicators } from './cumulative-trend';

const q = (year: number, endMonth: number): Period => ({ year, endMonth, frequency: 'quarter' });
/** An example return moved to another period with its 规上工业增加值 replaced (lastYear omitted when undefined). */
function variant(name: ExampleName, period: Period, current: number, lastYear?: number): ZoneReturn {
  const r = exampleReturn(name);
  return { ...r, period, indicatorSet: { id: r.indicatorSet.id, version: `${period.year}.1` }, values: { ...r.values, gyzjz: lastYear === undefined ? { current } : { current, lastYear } } };
}
const q1of2024 = () => (['jincheng-kfq-2024-q1', 'gaoping-kfq-2024-q1', 'qinshui-kfq-2024-q1', 'yangcheng-kfq-2024-q1'] as const).map(exampleReturn);

describe('cumulativeTrend', () => {
  // By hand: 1–3月 62.41+21.37+15.64+9.36 = 108.78, 上年 52.3+16.02+13.53+8.54 = 90.39 (20.35%).
  // 1–6月 130.2+44.1+31 = 205.3; 上年 108.6+35 typed, 沁水's from its 2023 1–6月 return 27.5: 171.1.
  // 1–9月 no 2024 returns; 上年 from the 2023 returns 150+50.5 = 200.5. 1–12月 nothing.
  const returns = [
    ...q1of2024(),
    variant('jincheng-kfq-2024-q1', q(2024, 6), 130.2, 108.6),
    variant('gaoping-kfq-2024-q1', q(2024, 6), 44.1, 35),
    variant('qinshui-kfq-2024-q1', q(2024, 6), 31),
    variant('qinshui-kfq-2024-q1', q(2023, 6), 27.5),
    variant('jincheng-kfq-2024-q1', q(2023, 9), 150),
    variant('gaoping-kfq-2024-q1', q(2023, 9), 50.5),
  ];

  it('sums each period with consolidate; 上年 from the carried 上年同期, else last year\'s returns', () => {
    const r = cumulativeTrend(returns, { code: 'gyzjz', year: 2024, frequency: 'quarter' });
    if (!r.ok) throw new Error(r.issues[0]?.message);
    expect(r.issues).toEqual([]);
    const t = r.value;
    expect([t.name, t.unit]).toEqual(['规上工业增加值', '亿元']);
    expect(t.points.map((p) => p.label)).toEqual(['1–3月', '1–6月', '1–9月', '1–12月']);
    const [p1, p2, p3, p4] = t.points;
    expect(p1!.thisYear).toBeCloseTo(108.78, 9);
    expect(p1!.lastYear).toBeCloseTo(90.39, 9);
    expect(p1!.growthPct).toBeCloseTo(((108.78 - 90.39) / 90.39) * 100, 9);
    expect(p1!.lastYearSource).toBe('carried');
    expect(p1!.zoneIds).toHaveLength(4);
    expect(p2!.thisYear).toBeCloseTo(205.3, 9);
    expect(p2!.lastYear).toBeCloseTo(171.1, 9);
    expect(p2!.lastYearSource).toBe('carried');
    expect(p2!.zoneIds).toEqual(['jincheng-kfq', 'gaoping-kfq', 'qinshui-kfq']);
    expect(p3).toMatchObject({ thisYear: null, lastYearSource: 'last-year-returns', growthPct: null, lastYearZoneIds: ['jincheng-kfq', 'gaoping-kfq'] });
    expect(p3!.lastYear).toBeCloseTo(200.5, 9);
    expect(p4).toMatchObject({ thisYear: null, lastYear: null, lastYearSource: null });
  });

  it('a single zone is its own return (the clerk\'s trend)', () => {
    const r = cumulativeTrend(returns.filter((x) => x.zoneId === 'qinshui-kfq'), { code: 'gyzjz', year: 2024, frequency: 'quarter' });
    expect(r.ok && r.value.points.map((p) => [p.thisYear, p.lastYear])).toEqual([[15.64, 13.53], [31, 27.5], [null, null], [null, null]]);
  });

  it('months give twelve points; other frequencies and years are left out', () => {
    const r = cumulativeTrend(returns, { code: 'gyzjz', year: 2024, frequency: 'month' });
    expect(r.ok && r.value.points.map((p) => p.label).slice(0, 3)).toEqual(['1月', '1–2月', '1–3月']);
    expect(r.ok && r.value.points.every((p) => p.thisYear === null && p.lastYear === null)).toBe(true);
  });

  it.each([
    [[] as ZoneReturn[], 'gyzjz', '没有2024年或2023年的报表，画不出累计走势'],
    [q1of2024(), 'nope', '指标集里没有指标「nope」，画不出累计走势'],
  ])('says why it cannot draw (%#)', (rets, code, message) => {
    const r = cumulativeTrend(rets, { code, year: 2024, frequency: 'quarter' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.message).toBe(message);
  });
});

describe('trendIndicators and periodInYearLabel', () => {
  it('amounts compared with last year, by zone type', () => {
    expect(trendIndicators(kfqSet(), ['industrial']).map((i) => i.code)).toEqual(['gyzjz', 'gytz', 'zxxmtz', 'gyzcz']);
    expect(trendIndicators(kfqSet(), ['tourism']).map((i) => i.code)).toEqual(['gdzctz', 'cyxmtz']);
  });
  it.each([[1, '1月'], [3, '1–3月'], [12, '1–12月']])('%i → %s', (m, l) => expect(periodInYearLabel({ year: 2024, endMonth: m, frequency: 'month' })).toBe(l));
});
