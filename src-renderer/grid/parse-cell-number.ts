import type { IndicatorKind, Unit } from '../../src-shared/model';
import { parseNumberText } from '../../src-shared/ledger/normalise-value';
import { convertible, convertValue } from '../../src-shared/ledger/units';

export type CellNumber = { ok: true; value: number | null } | { ok: false; message: string };

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Full-width digits and punctuation (typed with a Chinese IME or copied from WPS) to ASCII. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (ch === '．' || ch === '。') out += '.';
    else if (ch === '，') out += ',';
    else if (ch === '－' || ch === '—' || ch === '−') out += '-';
    else if (ch === '＋') out += '+';
    else if (ch === '％') out += '%';
    else if (ch === '（') out += '(';
    else if (ch === '）') out += ')';
    else if (ch === '\u3000') out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Reads what a clerk typed or pasted into a number cell, with the same reader as the ledger
 * import (`parseNumberText`): thousands separators, (negative), a unit in the cell. A unit other
 * than the column's but of the same kind is converted (`8,000万元` → 0.8 in an 亿元 column,
 * `3.5亿` → 35000 in a 万元 column). The value is kept at full precision; an empty cell clears it.
 */
export function parseCellNumber(raw: string, kind: IndicatorKind, unit: Unit): CellNumber {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { ok: true, value: null };
  const shown = raw.trim();
  const parsed = parseNumberText(text);
  if (parsed === null) return { ok: false, message: `“${shown}”不是数字：请只填数字（可带千位分隔符），单位为${unit}` };
  let value = parsed.value;
  if (parsed.percent && !(kind === 'percent' || unit === '%')) return { ok: false, message: `“${shown}”是百分数，本栏单位为${unit}，请填${unit}数` };
  if (parsed.unit !== undefined && parsed.unit !== unit) {
    if (!convertible(parsed.unit, unit)) return { ok: false, message: `“${shown}”的单位是${parsed.unit}，本栏单位为${unit}，无法换算` };
    value = convertValue(value, parsed.unit, unit);
  }
  if (!Number.isFinite(value)) return { ok: false, message: `“${shown}”不是数字：请只填数字` };
  if (kind === 'integer' && !Number.isInteger(value)) {
    return { ok: false, message: `“${shown}”不是整数：本指标按${unit}计数，请填整数` };
  }
  return { ok: true, value };
}
