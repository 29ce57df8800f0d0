import type { Computed, Unit } from '../model';

// Units of one dimension, in multiples of the dimension's base unit.
const FACTORS: Array<Partial<Record<Unit, number>>> = [
  { 元: 1, 万元: 1e4, 亿元: 1e8 },
  { 平方米: 1, 万平方米: 1e4 },
];

export function canConvert(from: Unit, to: Unit): boolean {
  return from === to || FACTORS.some((d) => d[from] !== undefined && d[to] !== undefined);
}

/**
 * Converts between 元 / 万元 / 亿元 and 平方米 / 万平方米. The result keeps 15 significant digits,
 * which drops only the binary noise of the multiplication (1.2852 亿元 → 12852 万元, not 12852.000000000002).
 */
export function convertUnit(value: number, from: Unit, to: Unit): Computed {
  if (from === to) return { ok: true, value };
  for (const d of FACTORS) {
    const f = d[from];
    const t = d[to];
    if (f !== undefined && t !== undefined) {
      const converted = f > t ? value * (f / t) : value / (t / f);
      return { ok: true, value: Number(converted.toPrecision(15)) };
    }
  }
  return { ok: false, reason: 'not-a-number', detail: `无法把「${from}」换算为「${to}」` };
}
