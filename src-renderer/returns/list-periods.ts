import type { IndicatorSet, Period } from '../../src-shared/model';
import { dueDate, periodKey, periodShortLabel, periodsOf } from '../../src-shared/period';

/** How the app names a period to the clerk, in the return list and on 报送 alike: 2024年一季度, 2024年1–7月. */
export function periodName(p: Period): string {
  return periodShortLabel(p);
}
import type { ReturnStatus, ReturnSummary } from '../db';

export interface PeriodRow {
  period: Period;
  key: string;
  label: string;
  /** ISO date the return is due. */
  due: string;
  status: ReturnStatus;
  returnId: string | null;
  overdue: boolean;
  /** The period has not ended yet: nothing to fill so far. */
  future: boolean;
}

/** A return is overdue when its due date has passed and it has not been submitted. */
export function isOverdue(status: ReturnStatus, dueIso: string, todayIso: string): boolean {
  return status !== '已报送' && todayIso > dueIso;
}

/** The last day of the period (cumulative to the end of `endMonth`). */
function periodEnd(p: Period): string {
  const last = new Date(Date.UTC(p.year, p.endMonth, 0)).getUTCDate();
  return `${p.year}-${String(p.endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * The periods of a year for the return list, newest first, with each one's return state (未填 when
 * the program has no return for it), due date and whether it is overdue on `todayIso`.
 */
export function listPeriods(set: IndicatorSet, year: number, frequency: Period['frequency'], summaries: readonly ReturnSummary[], todayIso: string): PeriodRow[] {
  const byKey = new Map(summaries.map((s) => [s.periodKey, s]));
  return periodsOf(year, frequency)
    .map((period): PeriodRow => {
      const key = periodKey(period);
      const summary = byKey.get(key);
      const status: ReturnStatus = summary?.status ?? '未填';
      const due = dueDate(set, period);
      const future = todayIso <= periodEnd(period);
      return { period, key, label: periodName(period), due, status, returnId: summary?.id ?? null, overdue: !future && isOverdue(status, due, todayIso), future };
    })
    .reverse();
}

/**
 * The year the return list opens on: the remembered one when the zone has returns in it and a set
 * is in force; else the year of the newest indicator set the zone has returns in; else the newest
 * set's year (never a year without a set, which lists nothing to fill).
 */
export function openingYear(summaries: readonly ReturnSummary[], sets: readonly Pick<IndicatorSet, 'year'>[], thisYear: number, remembered?: number): number {
  const setYears = [...new Set(sets.map((s) => s.year))].sort((a, b) => b - a);
  const returnYears = new Set(summaries.map((s) => s.period.year));
  if (remembered !== undefined && setYears.includes(remembered) && returnYears.has(remembered)) return remembered;
  const withReturns = setYears.find((y) => returnYears.has(y));
  if (withReturns !== undefined) return withReturns;
  return setYears.find((y) => y <= thisYear) ?? setYears[0] ?? thisYear;
}

/** The years the list offers: this year and the four before it (late returns, last year's figures), plus any year with a return. */
export function listYears(summaries: readonly ReturnSummary[], thisYear: number): number[] {
  const recent = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const years = new Set<number>([...recent, ...summaries.map((s) => s.period.year)]);
  return [...years].sort((a, b) => b - a);
}
