import { describe, expect, it } from 'vitest';
import { cityFigures, cumulativeTrend } from '../../src-shared/collect';
import type { ZoneReturn } from '../../src-shared/model';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { chartFileName, growthBarsOption, rankBarsOption, trendNote, trendOption } from './chart-options';

const four = (): ZoneReturn[] => (['jincheng-kfq-2024-q1', 'gaoping-kfq-2024-q1', 'qinshui-kfq-2024-q1', 'yangcheng-kfq-2024-q1'] as const).map(exampleReturn);
function figuresOf(returns: ZoneReturn[]) {
  const r = cityFigures(kfqSet(), returns);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}
type Series = { data: ({ value: number | null; label: { formatter: string } } | number | null)[] };
const seriesOf = (o: Record<string, unknown>) => o['series'] as Series[];
const axis = (o: Record<string, unknown>, a: 'xAxis' | 'yAxis') => o[a] as { name?: string; data?: string[] };

describe('zone rank charts', () => {
  // By hand from the example returns' 规上工业增加值 (本期 / 上年同期):
  // 晋城 62.41/52.3 → 19.33%, 高平 21.37/16.02 → 33.40%, 沁水 15.64/13.53 → 15.59%, 阳城 9.36/8.54 → 9.60%.
  it('by value: largest first, each bar labelled with its rank and figure', () => {
    const o = rankBarsOption(figuresOf(four()), 'gyzjz', 'value');
    expect(axis(o, 'yAxis').data).toEqual(['晋城开发区', '高平开发区', '沁水开发区', '阳城开发区']);
    expect(axis(o, 'xAxis').name).toBe('完成量（亿元）');
    const data = seriesOf(o)[0]!.data as { value: number; label: { formatter: string } }[];
    expect(data.map((d) => d.value)).toEqual([62.41, 21.37, 15.64, 9.36]);
    expect(data.map((d) => d.label.formatter)).toEqual(['第1名  62.41亿元', '第2名  21.37亿元', '第3名  15.64亿元', '第4名  9.36亿元']);
  });

  it('by growth: in growth order, rounded to two places', () => {
    const o = rankBarsOption(figuresOf(four()), 'gyzjz', 'growth');
    expect(axis(o, 'yAxis').data).toEqual(['高平开发区', '晋城开发区', '沁水开发区', '阳城开发区']);
    expect(axis(o, 'xAxis').name).toBe('增速（%）');
    const data = seriesOf(o)[0]!.data as { value: number; label: { formatter: string } }[];
    expect(data.map((d) => d.value)).toEqual([33.4, 19.33, 15.59, 9.6]);
    expect(data.map((d) => d.label.formatter)).toEqual(['第1名  33.40%', '第2名  19.33%', '第3名  15.59%', '第4名  9.60%']);
  });

  it('ties share a rank, as in the 排名 tab (1, 1, 3, 4)', () => {
    const rets = four();
    rets[1] = { ...rets[1]!, values: { ...rets[1]!.values, gyzjz: { current: 62.41, lastYear: 16.02 } } };
    const data = seriesOf(rankBarsOption(figuresOf(rets), 'gyzjz', 'value'))[0]!.data as { label: { formatter: string } }[];
    expect(data.map((d) => d.label.formatter.split(' ')[0])).toEqual(['第1名', '第1名', '第3名', '第4名']);
  });

  it('growth bars carry the target line and the unit in the axis name', () => {
    const o = growthBarsOption(figuresOf(four()), 'gyzjz');
    expect(axis(o, 'yAxis').name).toBe('增速（%）');
    const s = seriesOf(o)[0] as Series & { markLine: { data: { yAxis: number }[] } };
    expect(s.data).toEqual([19.33, 33.4, 15.59, 9.6].map((v) => ({ value: v, label: { formatter: v.toFixed(2) } })));
    expect(s.markLine.data[0]!.yAxis).toBe(15);
  });
});

describe('trend chart', () => {
  const q2 = (r: ZoneReturn, current: number, lastYear: number): ZoneReturn => ({ ...r, period: { ...r.period, endMonth: 6 }, values: { ...r.values, gyzjz: { current, lastYear } } });
  const q3ly = (r: ZoneReturn, current: number): ZoneReturn => ({ ...r, period: { year: 2023, endMonth: 9, frequency: 'quarter' }, indicatorSet: { id: 'kfq-quarterly', version: '2023.1' }, values: { ...r.values, gyzjz: { current } } });

  it('本年 and 上年 per period, in 亿元, and the note on where 上年 comes from', () => {
    const [a, b, c, d] = four();
    // 1–6月 by hand: 2024 130.2+44.1 = 174.3, 上年 108.6+35 = 143.6; 1–9月 上年 150+50.5 = 200.5 from 2023's returns.
    const t = cumulativeTrend([a!, b!, c!, d!, q2(a!, 130.2, 108.6), q2(b!, 44.1, 35), q3ly(a!, 150), q3ly(b!, 50.5)], { code: 'gyzjz', year: 2024, frequency: 'quarter' });
    if (!t.ok) throw new Error(t.issues[0]?.message);
    const o = trendOption(t.value, '晋城市');
    expect((o['title'] as { text: string }).text).toBe('晋城市2024年规上工业增加值累计走势');
    expect(axis(o, 'xAxis').data).toEqual(['1–3月', '1–6月', '1–9月', '1–12月']);
    expect(axis(o, 'yAxis').name).toBe('亿元');
    const [thisYear, lastYear] = seriesOf(o);
    const values = (x: Series) => x.data.map((d) => (typeof d === 'object' && d !== null ? [d.value, d.label.formatter] : d));
    expect(values(thisYear!)).toEqual([[108.78, '108.78'], [174.3, '174.30'], [null, '—'], [null, '—']]);
    expect(values(lastYear!)).toEqual([[90.39, '90.39'], [143.6, '143.60'], [200.5, '200.50'], [null, '—']]);
    expect((thisYear as unknown as { name: string }).name).toBe('本年（2024年）');
    expect((lastYear as unknown as { name: string }).name).toBe('上年（2023年）');
    expect(trendNote(t.value)).toBe('上年：1–9月取2023年报表数，其余为本年报表所列上年同期数；1–6月仅含2个开发区');
  });
});

it('chartFileName joins the parts with _ and drops what a file name cannot hold', () => {
  expect(chartFileName('晋城市', '2024年1–3月', '规上工业增加值增速')).toBe('晋城市_2024年1–3月_规上工业增加值增速.png');
  expect(chartFileName('晋城市', '', 'a/b c')).toBe('晋城市_abc.png');
});
