import { describe, expect, it } from 'vitest';
import { describeGap, formatComputed, formatFigure } from './format-figure';

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
