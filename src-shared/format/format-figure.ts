import type { Comparison, Computed } from '../model';
import { roundHalfAwayFromZero } from '../expr';

/** Display rounding: half away from zero at `decimals`, fixed decimals (20.345 → "20.35"). */
export function formatFigure(value: number, decimals: number): string {
  return roundHalfAwayFromZero(value, decimals).toFixed(decimals);
}

/** A computed figure for display: the number, the text, or a placeholder when it is not computable. */
export function formatComputed(c: Computed | { ok: true; text: string }, decimals: number, placeholder = '—'): string {
  if (!c.ok) return placeholder;
  return 'text' in c ? c.text : formatFigure(c.value, decimals);
}

/** A percentage given as data (a target, an average) keeps the digits it was given: 15 → "15%", 0.9 → "0.9%". */
export function formatGivenPercent(value: number): string {
  return `${String(value)}%`;
}

/**
 * The bureau's comparison clause: `高于省定目标（15%）5.35个百分点`, `低于…`, or `与省定目标（15%）持平`.
 */
export function describeGap(comparison: Comparison, referenceName: string, referencePercent: number, gapPoints: number, decimals = 2): string {
  const ref = `${referenceName}（${formatGivenPercent(referencePercent)}）`;
  if (comparison === '持平') return `与${ref}持平`;
  return `${comparison}${ref}${formatFigure(Math.abs(gapPoints), decimals)}个百分点`;
}
