import { describe, expect, it } from 'vitest';
import { describeGap, describeGrowth, formatComputed, formatFigure, formatGrouped } from './format-figure';

describe('formatGrouped', () => {
  it.each([
    [108780, 2, '108,780.00'],
    [1234567.891, 2, '1,234,567.89'],
    [-108780.5, 1, '-108,780.5'],
    [999.995, 2, '1,000.00'],
    [12852, 0, '12,852'],
    [100, 0, '100'],
    [-0.001, 2, '0.00'],
    [0.5, 2, '0.50'],
  ])('%s at %s decimals → %s', (v, d, out) => {
    expect(formatGrouped(v, d)).toBe(out);
  });
});

describe('formatFigure', () => {
  it.each([
    [20.345, 2, '20.35'],
    [1.005, 2, '1.01'],
    [-1.005, 2, '-1.01'],
    [92.7895, 2, '92.79'],
    [12852, 0, '12852'],
    [0.5, 0, '1'],
    [82.6923, 1, '82.7'],
    [-0.001, 2, '0.00'],
  ])('%s at %s decimals → %s', (v, d, out) => {
    expect(formatFigure(v, d)).toBe(out);
  });
});

describe('formatComputed', () => {
  it.each([
    [{ ok: true as const, value: 5.345 }, '5.35'],
    [{ ok: true as const, text: '亮点' }, '亮点'],
    [{ ok: false as const, reason: 'division-by-zero' as const, detail: 'x' }, '—'],
  ])('%o → %s', (c, out) => {
    expect(formatComputed(c, 2)).toBe(out);
  });
});

describe('describeGap', () => {
  it.each([
    ['高于' as const, '省定目标', 15, 5.345, '高于省定目标（15%）5.35个百分点'],
    ['高于' as const, '全省开发区平均增速', 0.9, 19.445, '高于全省开发区平均增速（0.9%）19.45个百分点'],
    ['低于' as const, '省定目标', 16, -2.5, '低于省定目标（16%）2.50个百分点'],
    ['持平' as const, '省定目标', 15, 0.001, '与省定目标（15%）持平'],
  ])('%s %s', (c, name, ref, gap, out) => {
    expect(describeGap(c, name, ref, gap)).toBe(out);
  });
});

describe('describeGrowth', () => {
  it.each([
    [
      { name: '规上工业增加值', unit: '亿元', decimals: 2, current: 108.78, growthPercent: (108.78 / 90.39 - 1) * 100, references: [{ name: '省定目标', percent: 15 }, { name: '全省开发区平均增速', percent: 0.9 }] },
      '累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点',
    ],
    [
      { name: '工业投资', unit: '亿元', decimals: 2, current: 16.92, growthPercent: (16.92 / 10.847 - 1) * 100, references: [{ name: '省定目标', percent: 16 }, { name: '全省开发区平均增速', percent: 10.9 }] },
      '累计完成工业投资16.92亿元，同比增长55.99%，高于省定目标（16%）39.99个百分点，高于全省开发区平均增速（10.9%）45.09个百分点',
    ],
    [{ name: '固定资产投资', unit: '万元', decimals: 0, current: 12852, verb: '完成' }, '完成固定资产投资12852万元'],
    [{ name: '工业投资', unit: '亿元', decimals: 2, current: 9, growthPercent: -10, references: [{ name: '省定目标', percent: 16 }] }, '累计完成工业投资9.00亿元，同比下降10.00%，低于省定目标（16%）26.00个百分点'],
  ])('%#', (input, sentence) => {
    expect(describeGrowth(input)).toBe(sentence);
  });
});
