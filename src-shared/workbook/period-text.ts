import type { Period } from '../model';

/**
 * `2024年1–3月` (a single month: `2024年1月`): the cumulative report period as the sheets print it.
 * Same wording as `periodLabel` of src-shared/period.
 */
export function periodText(period: Period): string {
  return period.endMonth === 1 ? `${period.year}年1月` : `${period.year}年1–${period.endMonth}月`;
}
