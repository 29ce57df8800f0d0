/** Units as clerks write them in headers and cells, and conversion between comparable ones. */
import type { Unit } from '../model';

/** Spellings → unit, longest first so 万平方米 wins over 平方米 and 万元/亩 over 万元. */
const SPELLINGS: Array<[string, Unit]> = [
  ['万元/亩', '万元/亩'],
  ['万平方米', '万平方米'],
  ['万平米', '万平方米'],
  ['万㎡', '万平方米'],
  ['万m2', '万平方米'],
  ['平方米', '平方米'],
  ['平米', '平方米'],
  ['㎡', '平方米'],
  ['m2', '平方米'],
  ['亿元', '亿元'],
  ['万元', '万元'],
  ['批次', '批次'],
  ['亿', '亿元'],
  ['万', '万元'],
  ['元', '元'],
  ['亩', '亩'],
  ['%', '%'],
  ['个', '个'],
  ['家', '家'],
  ['宗', '宗'],
  ['件', '件'],
  ['项', '项'],
];

const SPELLING_SOURCE = SPELLINGS.map(([s]) => s.replace(/[/%]/g, (c) => `\\${c}`)).join('|');
/** A unit in brackets anywhere: 总投资（亿元）, 投资(万元). */
const BRACKETED = new RegExp(`[（(\\[【]\\s*(?:单位[:：]?\\s*)?(${SPELLING_SOURCE})\\s*[)）\\]】]`);
/** 单位：万元 (a caption above the table or in a header). */
const CAPTION = new RegExp(`单位\\s*[:：]\\s*(${SPELLING_SOURCE})`);
const WHOLE = new RegExp(`^(${SPELLING_SOURCE})$`);

export function unitFromSpelling(text: string): Unit | undefined {
  const found = SPELLINGS.find(([s]) => s === text);
  return found?.[1];
}

/** The unit a header or caption names, if any. Headers are already half-width. */
export function unitInHeader(header: string): Unit | undefined {
  const compact = header.replace(/\s+/g, '');
  const m = BRACKETED.exec(compact) ?? CAPTION.exec(compact);
  if (m?.[1]) return unitFromSpelling(m[1]);
  // A header row of its own holding only the unit: "总投资 / 亿元".
  for (const part of compact.split('/').reverse()) {
    const w = WHOLE.exec(part);
    if (w?.[1] && w[1] !== '万' && w[1] !== '亿') return unitFromSpelling(w[1]);
  }
  return undefined;
}

export function unitInCaption(text: string): Unit | undefined {
  const m = CAPTION.exec(text.replace(/\s+/g, ''));
  return m?.[1] ? unitFromSpelling(m[1]) : undefined;
}

/** A trailing unit typed into a cell: "3.5亿元", "1,200万", "20.35%". */
export const CELL_UNIT = new RegExp(`(${SPELLING_SOURCE})$`);

const SCALE: Partial<Record<Unit, { dimension: 'money' | 'area'; factor: number }>> = {
  元: { dimension: 'money', factor: 1 },
  万元: { dimension: 'money', factor: 1e4 },
  亿元: { dimension: 'money', factor: 1e8 },
  平方米: { dimension: 'area', factor: 1 },
  万平方米: { dimension: 'area', factor: 1e4 },
};

export function isMoney(unit: Unit | undefined): boolean {
  return unit !== undefined && SCALE[unit]?.dimension === 'money';
}

/** Whether `from` can be converted to `to` (same unit, or both money, or both floor area). */
export function convertible(from: Unit, to: Unit): boolean {
  if (from === to) return true;
  const a = SCALE[from];
  const b = SCALE[to];
  return a !== undefined && b !== undefined && a.dimension === b.dimension;
}

/** Converts at full precision; 15 significant digits remove binary noise (12345 万元 → 1.2345 亿元). */
export function convertValue(value: number, from: Unit, to: Unit): number {
  if (from === to) return value;
  const a = SCALE[from];
  const b = SCALE[to];
  if (!a || !b || a.dimension !== b.dimension) return value;
  const raw = a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
  return Number(raw.toPrecision(15));
}
