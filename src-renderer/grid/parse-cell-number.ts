import type { IndicatorKind, Unit } from '../../src-shared/model';

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

const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^\d+(\.\d*)?$|^\.\d+$/;

/**
 * Reads what a clerk typed or pasted into a number cell. The value is kept at full precision;
 * the unit of the indicator (or `%` for percentages) may follow the number, since ledgers and
 * WPS sheets often carry it in the cell. An empty cell clears the value.
 */
export function parseCellNumber(raw: string, kind: IndicatorKind, unit: Unit): CellNumber {
  let text = toHalfWidth(raw).replace(/\s+/g, '');
  if (text === '') return { ok: true, value: null };
  if (text.endsWith(unit) && unit !== '%') text = text.slice(0, -unit.length);
  else if (text.endsWith('%') && (kind === 'percent' || unit === '%')) text = text.slice(0, -1);

  let sign = 1;
  if (/^\(.*\)$/.test(text)) {
    sign = -1;
    text = text.slice(1, -1);
  } else if (text.startsWith('-')) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }

  let digits: string;
  if (THOUSANDS.test(text)) digits = text.replace(/,/g, '');
  else if (PLAIN.test(text)) digits = text;
  else return { ok: false, message: `“${raw.trim()}”不是数字：请只填数字（可带千位分隔符），单位为${unit}` };

  const value = sign * Number(digits);
  if (!Number.isFinite(value)) return { ok: false, message: `“${raw.trim()}”不是数字：请只填数字` };
  if (kind === 'integer' && !Number.isInteger(value)) {
    return { ok: false, message: `“${raw.trim()}”不是整数：本指标按${unit}计数，请填整数` };
  }
  return { ok: true, value };
}
