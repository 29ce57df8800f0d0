import type { Comparison, Computed } from '../model';

type NumberLike = number | Computed;

const asComputed = (v: NumberLike): Computed => (typeof v === 'number' ? { ok: true, value: v } : v);

/** Year-on-year growth in percent (20.35 means 20.35%), at full precision. */
export function computeGrowth(current: NumberLike, lastYear: NumberLike): Computed {
  const c = asComputed(current);
  const l = asComputed(lastYear);
  if (!c.ok) return c;
  if (!l.ok) return l;
  if (l.value === 0) return { ok: false, reason: 'division-by-zero', detail: '上年同期为0，无法计算同比增速' };
  if (l.value < 0) return { ok: false, reason: 'not-a-number', detail: '上年同期为负数，同比增速没有意义' };
  return { ok: true, value: ((c.value - l.value) / l.value) * 100 };
}

/**
 * The gap between a growth rate and a target or average, in percentage points (百分点), and its
 * comparison in words. The comparison follows the gap as displayed, so a gap that shows as 0.00 is 持平.
 */
export function computeGap(growthPercent: NumberLike, referencePercent: number, displayDecimals = 2): { gapPoints: Computed; comparison?: Comparison } {
  const g = asComputed(growthPercent);
  if (!g.ok) return { gapPoints: g };
  const gap = g.value - referencePercent;
  const shown = Number((Math.abs(gap) * 10 ** displayDecimals).toPrecision(15));
  const comparison: Comparison = Math.round(shown) === 0 ? '持平' : gap > 0 ? '高于' : '低于';
  return { gapPoints: { ok: true, value: gap }, comparison };
}

/** A share (占比) in percent: part ÷ whole × 100. */
export function computeShare(part: NumberLike, whole: NumberLike): Computed {
  const p = asComputed(part);
  const w = asComputed(whole);
  if (!p.ok) return p;
  if (!w.ok) return w;
  if (w.value === 0) return { ok: false, reason: 'division-by-zero', detail: '总量为0，无法计算占比' };
  return { ok: true, value: (p.value / w.value) * 100 };
}
