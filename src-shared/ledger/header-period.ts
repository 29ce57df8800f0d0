/**
 * Period words in a ledger's column headers: 1-6月累计 / 1—3月 / 1~9月 / 一季度累计 / 上半年 /
 * 本年累计 / 本期 are this period's figures; 上年同期 / 去年同期 / 上年1-3月 last year's. Where a
 * header names its months, they can be held against the return's period (a 1-6月 column for a
 * 1–3月 return is another period's figures).
 */

export interface HeaderPeriod {
  column: 'current' | 'lastYear';
  /** The months the header names (1–6 for 1-6月累计); absent for 本期 / 本年累计. */
  months?: { from: number; to: number };
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const RANGE = new RegExp(`^${MONTH}(?:月份?)?[-—~至到]{1,2}${MONTH}月(?:份)?(?:累计|合计|止)?(?:数|完成|实际|完成数|实际完成)?$`);
const UP_TO = new RegExp(`^(?:截至|截止|截止到|至)?${MONTH}月(?:底|末)?(?:止)?(?:累计|合计)(?:数|完成|完成数)?$`);
const QUARTERS: Array<[RegExp, { from: number; to: number }]> = [
  [/^(?:第?一|1)季度(?:累计|合计)?(?:数|完成)?$/, { from: 1, to: 3 }],
  [/^(?:上半年|1-2季度|一二季度|前两季度)(?:累计|合计)?(?:数|完成)?$/, { from: 1, to: 6 }],
  [/^前三季度(?:累计|合计)?(?:数|完成)?$/, { from: 1, to: 9 }],
  [/^(?:全年|本年度全年)(?:累计|合计)?(?:数|完成)?$/, { from: 1, to: 12 }],
];
const CURRENT_WORDS = /^(?:本期|本期累计|本期数|本年累计|本年|今年|今年累计|本年实际|累计完成|本期完成|本年完成|当期|当期累计)$/;
const LAST_YEAR_PREFIX = /^(?:上年|去年|上一年|上年度)(?:同期)?(?:累计|数|完成|实际)?/;

function month(text: string): number | undefined {
  const n = /^\d+$/.test(text) ? Number(text) : CN_DIGITS[text];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

/** The months a header part names (1-6月累计, 一季度, 上半年), or undefined. */
function monthsOf(part: string): { from: number; to: number } | undefined {
  const range = RANGE.exec(part);
  if (range?.[1] && range[2]) {
    const from = month(range[1]);
    const to = month(range[2]);
    if (from !== undefined && to !== undefined && from <= to) return { from, to };
    return undefined;
  }
  const upTo = UP_TO.exec(part);
  if (upTo?.[1]) {
    const to = month(upTo[1]);
    return to === undefined ? undefined : { from: 1, to };
  }
  for (const [re, months] of QUARTERS) if (re.test(part)) return months;
  return undefined;
}

/**
 * What one header part (one row of a flattened header, normalised as `normaliseHeaderText` does)
 * says of its period, or null when it says none.
 */
export function headerPeriod(normalisedPart: string): HeaderPeriod | null {
  const part = normalisedPart.replace(/[–−－]/g, '-');
  if (part === '') return null;
  const lastYear = LAST_YEAR_PREFIX.exec(part);
  if (lastYear) {
    const rest = part.slice(lastYear[0].length);
    if (rest === '' || rest === '同期') return { column: 'lastYear' };
    const months = monthsOf(rest);
    return months ? { column: 'lastYear', months } : null;
  }
  if (/^同期(?:数|累计)?$/.test(part)) return { column: 'lastYear' };
  if (CURRENT_WORDS.test(part)) return { column: 'current' };
  const months = monthsOf(part.replace(/^本年/, ''));
  return months ? { column: 'current', months } : null;
}

