import type { IndicatorSet, Period } from '../../src-shared/model';
import { dueDate, periodKey, periodShortLabel, periodsOf } from '../../src-shared/period';
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
      return { period, key, label: periodShortLabel(period), due, status, returnId: summary?.id ?? null, overdue: !future && isOverdue(status, due, todayIso), future };
    })
    .reverse();
}

/** The years the list offers: this year and the four before it (late returns, last year's figures), plus any year with a return. */
export function listYears(summaries: readonly ReturnSummary[], thisYear: number): number[] {
  const recent = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const years = new Set<number>([...recent, ...summaries.map((s) => s.period.year)]);
  return [...years].sort((a, b) => b - a);
}
