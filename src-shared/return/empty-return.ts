import { RETURN_FORMAT, type IndicatorSet, type Period, type ZoneReturn } from '../model';

/** A new return with nothing entered yet. */
export function emptyReturn(set: IndicatorSet, zoneId: string, period: Period): ZoneReturn {
  return { format: RETURN_FORMAT, indicatorSet: { id: set.id, version: set.version }, zoneId, period, values: {}, roster: [], explanations: {}, cover: {} };
}
