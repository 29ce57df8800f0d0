import type { Comparison, Computed } from '../model';
import { roundHalfAwayFromZero } from '../expr';

/** Display rounding: half away from zero at `decimals`, fixed decimals (20.345 → "20.35"). */
export function formatFigure(value: number, decimals: number): string {
  return roundHalfAwayFromZero(value, decimals).toFixed(decimals);
}

/**
 * A figure as tables show it, with thousands separators: 108780 at 2 decimals → "108,780.00", as
 * Excel's `#,##0.00` shows it. Sentences (bulletins, growth clauses) keep `formatFigure`.
 */
export function formatGrouped(value: number, decimals: number): string {
  const text = formatFigure(value, decimals);
  const [whole = '', fraction] = text.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign === '' ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
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

export interface GrowthSentenceInput {
  /** Indicator name, e.g. 规上工业增加值. */
  name: string;
  unit: string;
  decimals: number;
  current: number;
  growthPercent?: number;
  /** Comparisons to write after the growth, in order: the target, an average… */
  references?: Array<{ name: string; percent: number }>;
  /** The verb before the name; the bureaus write 累计完成. */
  verb?: string;
}

/**
 * The bureaus' sentence for one figure: `累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点`.
 * A fall is written 同比下降; the comparisons use the growth at full precision.
 */
export function describeGrowth(input: GrowthSentenceInput): string {
  const parts = [`${input.verb ?? '累计完成'}${input.name}${formatFigure(input.current, input.decimals)}${input.unit}`];
  const g = input.growthPercent;
  if (g !== undefined) {
    parts.push(g < 0 && formatFigure(-g, 2) !== '0.00' ? `同比下降${formatFigure(-g, 2)}%` : `同比增长${formatFigure(g, 2)}%`);
    for (const ref of input.references ?? []) {
      const gap = g - ref.percent;
      const shown = formatFigure(Math.abs(gap), 2);
      parts.push(describeGap(shown === '0.00' ? '持平' : gap > 0 ? '高于' : '低于', ref.name, ref.percent, gap));
    }
  }
  return parts.join('，');
}
