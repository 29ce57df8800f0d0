/**
 * Period keys as `src-shared/period` documents them (`2024-03-q`, `2024-05-m`). Kept local so
 * the storage layer does not wait for the domain core; to be replaced by its `periodKey`.
 */
import type { Period } from '../../src-shared/model';

export function periodKeyOf(p: Period): string {
  return `${p.year}-${String(p.endMonth).padStart(2, '0')}-${p.frequency === 'quarter' ? 'q' : 'm'}`;
}

export function sameTimeLastYear(p: Period): Period {
  return { year: p.year - 1, endMonth: p.endMonth, frequency: p.frequency };
}
