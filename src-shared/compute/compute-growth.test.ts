import { describe, expect, it } from 'vitest';
import { computeGap, computeGrowth, computeShare } from './compute-growth';
import { convertUnit } from './convert-unit';

describe('computeGrowth', () => {
  it.each([
    [108.78, 90.39, 20.345170925987],
    [120, 100, 20],
    [80, 100, -20],
    [0, 5, -100],
  ])('%s against %s → %s%%', (c, l, g) => {
    const r = computeGrowth(c, l);
    expect(r.ok && r.value).toBeCloseTo(g, 9);
  });

  it.each([
    [10, 0, 'division-by-zero'],
    [10, -3, 'not-a-number'],
  ])('%s against %s is not computable (%s)', (c, l, reason) => {
    const r = computeGrowth(c, l);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe(reason);
  });

  it('passes a missing input through', () => {
    const r = computeGrowth({ ok: false, reason: 'missing-input', detail: '未填写' }, 10);
    expect(r).toEqual({ ok: false, reason: 'missing-input', detail: '未填写' });
  });
});

describe('computeGap', () => {
  it.each([
    [20.35, 15, 5.35, '高于'],
    [12.5, 15, -2.5, '低于'],
    [15.001, 15, 0.001, '持平'],
    [14.996, 15, -0.004, '持平'],
    [14.994, 15, -0.006, '低于'],
  ])('growth %s vs %s → %s 百分点 %s', (g, t, gap, cmp) => {
    const r = computeGap(g, t);
    expect(r.gapPoints.ok && r.gapPoints.value).toBeCloseTo(gap, 9);
    expect(r.comparison).toBe(cmp);
  });

  it('has no comparison when growth is not computable', () => {
    const r = computeGap({ ok: false, reason: 'division-by-zero', detail: 'x' }, 15);
    expect(r.comparison).toBeUndefined();
    expect(r.gapPoints.ok).toBe(false);
  });
});

describe('computeShare', () => {
  it.each([
    [631.7, 1174, 53.807495741],
    [43, 52, 82.692307692],
    [0, 5, 0],
  ])('%s of %s → %s%%', (p, w, s) => {
    const r = computeShare(p, w);
    expect(r.ok && r.value).toBeCloseTo(s, 8);
  });

  it('a zero whole is not computable', () => {
    expect(computeShare(1, 0)).toMatchObject({ ok: false, reason: 'division-by-zero' });
  });
});

describe('convertUnit', () => {
  it.each([
    [12852, '万元', '亿元', 1.2852],
    [1.2852, '亿元', '万元', 12852],
    [16.92, '亿元', '元', 1692000000],
    [1120, '万元', '元', 11200000],
    [670000, '平方米', '万平方米', 67],
    [67, '万平方米', '平方米', 670000],
    [5, '亩', '亩', 5],
  ] as const)('%s %s → %s %s', (v, from, to, out) => {
    expect(convertUnit(v, from, to)).toEqual({ ok: true, value: out });
  });

  it('refuses units of different dimensions', () => {
    expect(convertUnit(1, '亿元', '亩')).toMatchObject({ ok: false, reason: 'not-a-number' });
  });
});
