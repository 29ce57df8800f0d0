import type { IndicatorSet } from '../../src-shared/model';
import { builtinIndicatorSets, compareVersions } from '../../src-shared/seeds';

/** The set a new return of `year` is filed with: that year's newest version, else the newest set of the latest year. */
export function setForYear(year: number, sets: readonly IndicatorSet[] = builtinIndicatorSets()): IndicatorSet {
  const ofYear = sets.filter((s) => s.year === year);
  const pool = ofYear.length > 0 ? ofYear : sets;
  const newest = [...pool].sort((a, b) => b.year - a.year || compareVersions(b.version, a.version))[0];
  if (newest === undefined) throw new Error('no built-in indicator set');
  return newest;
}
