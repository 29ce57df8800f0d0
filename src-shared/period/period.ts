import type { IndicatorSet, Period } from '../model';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;
const MONTH_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** A period is valid when its end month is 1–12 and a quarter ends in 3, 6, 9 or 12. */
export function isValidPeriod(p: Period): boolean {
  return Number.isInteger(p.year) && p.year >= 2000 && p.year <= 2100 && Number.isInteger(p.endMonth) && p.endMonth >= 1 && p.endMonth <= 12 && (p.frequency === 'month' || p.endMonth % 3 === 0);
}

/** `2024年1–3月` (cumulative); a January period is `2024年1月`. */
export function periodLabel(p: Period): string {
  return p.endMonth === 1 ? `${p.year}年1月` : `${p.year}年1–${p.endMonth}月`;
}

/** `2024年一季度`, `2024年上半年`, `2024年前三季度`, `2024年全年` for quarters; `2024年1–7月` for months. */
export function periodShortLabel(p: Period): string {
  if (p.frequency === 'quarter') {
    switch (p.endMonth) {
      case 3:
        return `${p.year}年一季度`;
      case 6:
        return `${p.year}年上半年`;
      case 9:
        return `${p.year}年前三季度`;
      case 12:
        return `${p.year}年全年`;
    }
  }
  return periodLabel(p);
}

/** The quarter (一季度 … 四季度) or month (一月 … 十二月) a period ends in, for headings. */
export function periodEndName(p: Period): string {
  return p.frequency === 'quarter' ? `${QUARTER_NAMES[p.endMonth / 3 - 1] ?? ''}季度` : `${MONTH_NAMES[p.endMonth - 1] ?? ''}月`;
}

/** The same cumulative period of last year (上年同期), against which growth is computed. */
export function lastYearPeriod(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/** The last day of the period, ISO `yyyy-mm-dd`. */
export function periodEndDate(p: Period): string {
  return isoDate(p.year, p.endMonth, daysInMonth(p.year, p.endMonth));
}

/** The day the return is due: the set's day of the month after the period ends. */
export function dueDate(set: IndicatorSet, p: Period): string {
  const day = set.due[p.frequency].dayOfNextMonth;
  return p.endMonth === 12 ? isoDate(p.year + 1, 1, day) : isoDate(p.year, p.endMonth + 1, day);
}

/** The periods of a year a set's returns are filed for: 4 quarters or 12 months. */
export function periodsOf(year: number, frequency: Period['frequency']): Period[] {
  const months = frequency === 'quarter' ? [3, 6, 9, 12] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.map((endMonth) => ({ year, endMonth, frequency }));
}

/** A stable key: `2024-03-q` for the first quarter, `2024-05-m` for January–May. */
export function periodKey(p: Period): string {
  return `${p.year}-${String(p.endMonth).padStart(2, '0')}-${p.frequency === 'quarter' ? 'q' : 'm'}`;
}

export function parsePeriodKey(key: string): Period | undefined {
  const m = /^(\d{4})-(\d{2})-([qm])$/.exec(key);
  if (!m) return undefined;
  const p: Period = { year: Number(m[1]), endMonth: Number(m[2]), frequency: m[3] === 'q' ? 'quarter' : 'month' };
  return isValidPeriod(p) ? p : undefined;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.endMonth === b.endMonth && a.frequency === b.frequency;
}

/** Orders periods by year, then end month (quarter before month when both end together). */
export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.endMonth - b.endMonth || (a.frequency === b.frequency ? 0 : a.frequency === 'quarter' ? -1 : 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
