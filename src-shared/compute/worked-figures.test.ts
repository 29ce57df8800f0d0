/**
 * Every worked figure of DOMAIN.md, reproduced from entered values (the articles' published figures
 * are what the program must display after rounding).
 */
import { describe, expect, it } from 'vitest';
import type { ZoneReturn } from '../model';
import { describeGap, formatComputed, formatFigure } from '../format';
import { emptyReturn } from '../return';
import { exampleReturn, kfqSet } from '../seeds';
import { computeGap } from './compute-growth';
import { computeReturn, figureValue } from './compute-return';
import { consolidate } from './consolidate';

const set = kfqSet();
const q1 = { year: 2024, endMonth: 3, frequency: 'quarter' } as const;

function jinchengCity() {
  const r = consolidate(set, [exampleReturn('jincheng-kfq-2024-q1'), exampleReturn('gaoping-kfq-2024-q1'), exampleReturn('qinshui-kfq-2024-q1'), exampleReturn('yangcheng-kfq-2024-q1')]);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
  return r.value;
}

describe('晋城市 2024 Q1, four industrial zones consolidated from their returns', () => {
  it.each([
    ['gyzjz', '108.78', '20.35', 15, '5.35', 0.9, '19.45'],
    ['gytz', '16.92', '55.99', 16, '39.99', 10.9, '45.09'],
  ])('%s: %s亿元, growth %s%%, %s points above the target, %s above the provincial average', (code, amount, growth, target, gapTarget, average, gapAverage) => {
    const fig = jinchengCity().figures[code];
    expect(fig).toBeDefined();
    if (!fig) return;
    expect(formatComputed(fig.current, 2)).toBe(amount);
    expect(formatComputed(fig.growthPercent ?? { ok: false, reason: 'missing-input', detail: '' }, 2)).toBe(growth);
    expect(fig.targetGrowthPercent).toBe(target);
    expect(fig.comparison).toBe('高于');
    expect(formatComputed(fig.gapPoints ?? { ok: false, reason: 'missing-input', detail: '' }, 2)).toBe(gapTarget);
    const avg = computeGap(fig.growthPercent ?? { ok: false, reason: 'missing-input', detail: '' }, average);
    expect(avg.comparison).toBe('高于');
    expect(formatComputed(avg.gapPoints, 2)).toBe(gapAverage);
  });

  it('writes the bureau clause for 规上工业增加值', () => {
    const fig = jinchengCity().figures['gyzjz'];
    const gap = fig?.gapPoints;
    expect(gap?.ok && fig?.comparison && describeGap(fig.comparison, '省定目标', 15, gap.value)).toBe('高于省定目标（15%）5.35个百分点');
  });

  it('recomputes growth from the summed values, not from the zones’ growth rates', () => {
    const city = jinchengCity();
    const zoneGrowths = Object.values(city.byZone).map((z) => {
      const g = z.figures['gyzjz']?.growthPercent;
      return g?.ok ? g.value : NaN;
    });
    const average = zoneGrowths.reduce((a, b) => a + b, 0) / zoneGrowths.length;
    const g = city.figures['gyzjz']?.growthPercent;
    expect(g?.ok && formatFigure(g.value, 2)).toBe('20.35');
    expect(formatFigure(average, 2)).not.toBe('20.35');
  });

  it('15.7亿元 of 16.92亿元 computes to 92.79% at full precision (the published 92.81% is checked by the consistency rule)', () => {
    expect(formatComputed(jinchengCity().figures['zxxmtzzb']?.current ?? { ok: false, reason: 'missing-input', detail: '' }, 2)).toBe('92.79');
  });

  it('one zone entering the city totals with last year chosen as 108.78 / 1.2035 also shows 20.35%', () => {
    const ret: ZoneReturn = { ...emptyReturn(set, 'jincheng-kfq', q1), values: { gyzjz: { current: 108.78, lastYear: 108.78 / 1.2035 } } };
    const fig = computeReturn(set, ret).figures['gyzjz'];
    expect(formatComputed(fig?.growthPercent ?? { ok: false, reason: 'missing-input', detail: '' }, 2)).toBe('20.35');
    expect(formatComputed(fig?.gapPoints ?? { ok: false, reason: 'missing-input', detail: '' }, 2)).toBe('5.35');
  });
});

describe('临汾市 2024: 战新 and 重点产业链 shares from the two zones’ rosters', () => {
  const r = consolidate(set, [exampleReturn('linfen-kfq-2024-07'), exampleReturn('houma-kfq-2024-07')]);
  const city = r.ok ? r.value : undefined;
  const shown = (code: string, decimals: number): string => formatComputed(city?.figures[code]?.current ?? { ok: false, reason: 'missing-input', detail: '' }, decimals);

  it.each([
    ['qySignedCount', 0, '52'],
    ['qySignedInvestment', 2, '221.23'],
    ['zxSignedCount', 0, '43'],
    ['zxSignedInvestment', 2, '211.69'],
    ['zxCountShare', 1, '82.7'],
    ['zxInvestmentShare', 1, '95.7'],
    ['clSignedCount', 0, '31'],
    ['clSignedInvestment', 2, '159.46'],
    ['clCountShare', 1, '59.6'],
    ['clInvestmentShare', 0, '72'],
  ])('%s → %s', (code, decimals, out) => {
    expect(shown(code, decimals)).toBe(out);
  });

  it('the city share is the ratio of the sums, not the mean of the zones’ shares', () => {
    const zoneShares = Object.values(city?.byZone ?? {}).map((z) => figureValue(z.figures['zxInvestmentShare']) ?? NaN);
    expect(zoneShares).toHaveLength(2);
    const mean = zoneShares.reduce((a, b) => a + b, 0) / 2;
    expect(formatFigure(mean, 1)).not.toBe('95.7');
  });
});

describe('运城市 2024 H1: leading industries’ shares of the zones’ 工业总产值', () => {
  it.each([
    ['zd1OutputShare', 631.7, '53.8'],
    ['zd2OutputShare', 331.5, '28.2'],
  ])('%s: %s of 1174亿元 → %s%%', (code, output, share) => {
    const ret: ZoneReturn = { ...emptyReturn(set, 'yuncheng-kfq', { year: 2024, endMonth: 6, frequency: 'quarter' }), values: { gyzcz: { current: 1174 }, zd1Output: { current: 631.7 }, zd2Output: { current: 331.5 } } };
    expect(formatComputed(computeReturn(set, ret).figures[code]?.current ?? { ok: false, reason: 'missing-input', detail: '' }, 1)).toBe(share);
  });
});
