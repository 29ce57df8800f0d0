/**
 * Every worked figure of DOMAIN.md, reproduced from entered values (the articles' published figures
 * are what the program must display after rounding).
 */
import { describe, expect, it } from 'vitest';
import type { ZoneReturn } from '../model';
import { describeGap, formatComputed, formatFigure } from '../format';
import { emptyReturn } from '../return';
import { evaluateExpression, parseExpression } from '../expr';
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

/**
 * 晋城市 2023年第一次“三个一批”: each of the three lists, entered as a roster of its own, gives the
 * article's figures through the set's formulas. Amounts are spread over the projects so that they add
 * up to the published totals; the named projects carry their published sizes.
 */
describe('晋城市 2023年第一次“三个一批” lists, from rosters', () => {
  const period2023 = { year: 2023, endMonth: 6, frequency: 'quarter' } as const;
  /** n amounts adding up to total, the first ones fixed. */
  function amounts(n: number, total: number, fixed: number[]): number[] {
    const rest = n - fixed.length;
    const restTotal = Math.round((total - fixed.reduce((a, b) => a + b, 0)) * 100);
    const base = Math.floor(restTotal / rest);
    return [...fixed, ...Array.from({ length: rest }, (_, i) => (base + (i < restTotal - base * rest ? 1 : 0)) / 100)];
  }
  function roster(invest: number[], output: number[], flags: (i: number) => Record<string, boolean>): ZoneReturn['roster'] {
    return invest.map((v, i) => ({ id: `r${i}`, name: `项目${i + 1}`, batch: '2023年第一次', totalInvestment: v, expectedOutput: output[i] ?? 0, ...flags(i) }));
  }
  const compute = (rows: ZoneReturn['roster']) => computeReturn(set, { ...emptyReturn(set, 'jincheng-kfq', period2023), roster: rows }).figures;
  const shown = (figs: ReturnType<typeof compute>, code: string, decimals: number) => formatComputed(figs[code]?.current ?? { ok: false, reason: 'missing-input', detail: '' }, decimals);

  it('签约一批: 21 projects, 83.08亿元, expected output 86亿元; 3 of 10亿元 and more, 3 of 5–10亿元', () => {
    const figs = compute(roster(amounts(21, 83.08, [15, 12, 10.2, 8, 6.5, 5]), amounts(21, 86, []), () => ({ signed: true })));
    expect([shown(figs, 'qySignedCount', 0), shown(figs, 'qySignedInvestment', 2), shown(figs, 'qySignedOutput', 2)]).toEqual(['21', '83.08', '86.00']);
    expect([shown(figs, 'bandGe10Count', 0), shown(figs, 'band5to10Count', 0)]).toEqual(['3', '3']);
  });

  it('开工一批: 26 projects, 45.89亿元, expected output 30.1亿元', () => {
    const figs = compute(roster(amounts(26, 45.89, [6, 5.2]), amounts(26, 30.1, []), () => ({ signed: true, started: true })));
    expect([shown(figs, 'qyStartedCount', 0), shown(figs, 'qyStartedInvestment', 2), shown(figs, 'qyStartedOutput', 1)]).toEqual(['26', '45.89', '30.1']);
    expect(Number(shown(figs, 'bandGe10Count', 0)) + Number(shown(figs, 'band5to10Count', 0))).toBe(2);
  });

  it('投产一批: 34 projects, 48.99亿元, of which 24 industrial 36.06亿元 with expected output 16.65亿元', () => {
    const industrial = amounts(24, 36.06, []);
    const other = amounts(10, 48.99 - 36.06, []);
    const output = [...amounts(24, 16.65, []), ...Array.from({ length: 10 }, () => 0)];
    const figs = compute(roster([...industrial, ...other], output, (i) => ({ signed: true, started: true, producing: true, industrial: i < 24 })));
    expect([shown(figs, 'qyProducingCount', 0), shown(figs, 'qyProducingInvestment', 2)]).toEqual(['34', '48.99']);
    expect([shown(figs, 'qyProducingIndustrialCount', 0), shown(figs, 'qyProducingIndustrialInvestment', 2), shown(figs, 'qyProducingIndustrialOutput', 2)]).toEqual(['24', '36.06', '16.65']);
  });
});

/**
 * 晋城市 2023, both activities from ONE roster, as a zone keeps it over the years: a project is
 * presented in 签约一批 in one activity and in 开工一批 or 投产一批 in a later one, so each row
 * carries the batch of each list it was in (签约批次 / 开工批次 / 投产批次). The set counts this
 * year's activities; each activity's own lists are the rows whose batch names it.
 */
describe('晋城市 2023年 both “三个一批” activities from one roster', () => {
  const period2023 = { year: 2023, endMonth: 12, frequency: 'quarter' } as const;
  const first = '2023年第一次';
  const second = '2023年第二次';
  /** n amounts adding up to total (to the cent), the first ones fixed. */
  function amounts(n: number, total: number, fixed: number[] = []): number[] {
    const rest = n - fixed.length;
    const restTotal = Math.round((total - fixed.reduce((a, b) => a + b, 0)) * 100);
    const base = Math.floor(restTotal / rest);
    return [...fixed, ...Array.from({ length: rest }, (_, i) => (base + (i < restTotal - base * rest ? 1 : 0)) / 100)];
  }
  let serial = 0;
  type Flags = Partial<Record<'signed' | 'started' | 'producing' | 'industrial', boolean>>;
  const group = (invest: number[], output: number[], cells: Record<string, string>, flags: Flags): ZoneReturn['roster'] =>
    invest.map((v, i) => ({ id: `p${++serial}`, name: `项目${serial}`, totalInvestment: v, expectedOutput: output[i] ?? 0, ...cells, ...flags }));
  const B = [1.5, 1.2, 1.0]; // signed in the first activity, started in the second
  const D = [1.0, 0.8]; // started in the first, in production in the second
  const roster = [
    // A: 签约一批 of the first activity (with B: 21 projects, 83.08亿元, output 86亿元; 3 of ≥10亿元, 3 of 5–10亿元).
    ...group(amounts(18, 83.08 - 3.7, [15, 12, 10.2, 8, 6.5, 5]), amounts(18, 86), { batch: first }, { signed: true }),
    ...group(B, [0, 0, 0], { batch: first, startBatch: second }, { signed: true, started: true }),
    // C and D: 开工一批 of the first activity (26 projects, 45.89亿元, output 30.1亿元), signed in 2022.
    ...group(amounts(24, 45.89 - 1.8), amounts(24, 30.1), { batch: '2022年第四次', startBatch: first }, { signed: true, started: true }),
    ...group(D, [0, 0], { batch: '2022年第四次', startBatch: first, productionBatch: second }, { signed: true, started: true, producing: true }),
    // E: 投产一批 of the first activity (34 projects, 48.99亿元; 24 industrial, 36.06亿元, output 16.65亿元).
    ...group(amounts(24, 36.06), amounts(24, 16.65), { batch: '2021年第二次', startBatch: '2022年第一次', productionBatch: first }, { signed: true, started: true, producing: true, industrial: true }),
    ...group(amounts(10, 48.99 - 36.06), [], { batch: '2021年第二次', startBatch: '2022年第一次', productionBatch: first }, { signed: true, started: true, producing: true }),
    // F: 签约一批 of the second activity (18 projects, 76.63亿元, output 59.89亿元), each under 5亿元.
    ...group(amounts(18, 76.63), amounts(18, 59.89), { batch: second }, { signed: true }),
    // G (with B): 开工一批 of the second activity (11 projects, 19.59亿元).
    ...group(amounts(8, 19.59 - 3.7), [], { batch: '2022年第二次', startBatch: second }, { signed: true, started: true }),
    // H (with D): 投产一批 of the second activity (8 projects, 6.78亿元).
    ...group(amounts(6, 6.78 - 1.8), [], { batch: '2022年第一次', startBatch: '2022年第三次', productionBatch: second }, { signed: true, started: true, producing: true }),
  ];
  const ret: ZoneReturn = { ...emptyReturn(set, 'jincheng-kfq', period2023), roster };
  const figs = computeReturn(set, ret).figures;
  const shown = (code: string, decimals: number) => formatComputed(figs[code]?.current ?? { ok: false, reason: 'missing-input', detail: '' }, decimals);

  it('the year’s 签约一批: 21 + 18 projects, 83.08 + 76.63亿元, output 86 + 59.89亿元', () => {
    expect([shown('qySignedCount', 0), shown('qySignedInvestment', 2), shown('qySignedOutput', 2)]).toEqual(['39', '159.71', '145.89']);
    expect([shown('bandGe10Count', 0), shown('band5to10Count', 0)]).toEqual(['3', '3']);
  });

  it('the year’s 开工一批 counts projects signed in earlier years: 26 + 11 projects, 45.89 + 19.59亿元', () => {
    expect([shown('qyStartedCount', 0), shown('qyStartedInvestment', 2), shown('qyStartedOutput', 1)]).toEqual(['37', '65.48', '30.1']);
  });

  it('the year’s 投产一批: 34 + 8 projects, 48.99 + 6.78亿元; 24 industrial, 36.06亿元, output 16.65亿元', () => {
    expect([shown('qyProducingCount', 0), shown('qyProducingInvestment', 2)]).toEqual(['42', '55.77']);
    expect([shown('qyProducingIndustrialCount', 0), shown('qyProducingIndustrialInvestment', 2), shown('qyProducingIndustrialOutput', 2)]).toEqual(['24', '36.06', '16.65']);
  });

  it.each([
    [first, '签约', 'signed && batch == list', 21, 83.08],
    [first, '开工', 'started && coalesce(startBatch, batch) == list', 26, 45.89],
    [first, '投产', 'producing && coalesce(productionBatch, startBatch, batch) == list', 34, 48.99],
    [second, '签约', 'signed && batch == list', 18, 76.63],
    [second, '开工', 'started && coalesce(startBatch, batch) == list', 11, 19.59],
    [second, '投产', 'producing && coalesce(productionBatch, startBatch, batch) == list', 8, 6.78],
  ])('%s %s一批, as the article gives it: the rows whose batch names the activity', (activity, _list, condition, count, amount) => {
    const cond = condition.replace('list', JSON.stringify(activity));
    const ctx = { period: period2023, roster: { rows: roster, fields: set.roster.fields } };
    const n = evaluateExpression(parseOrThrow(`count(${cond})`), ctx);
    const total = evaluateExpression(parseOrThrow(`sum(totalInvestment, ${cond})`), ctx);
    expect([formatComputed(n, 0), formatComputed(total, 2)]).toEqual([String(count), amount.toFixed(2)]);
  });
});

function parseOrThrow(src: string) {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(r.message);
  return r.ast;
}
