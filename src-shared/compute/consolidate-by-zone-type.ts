import type { Computed, IndicatorSet, Result, ZoneReturn, ZoneType } from '../model';
import { allIndicators, builtinZoneRegistry, zoneTypeOf } from '../seeds';
import { computeShare } from './compute-growth';
import { consolidate, type ConsolidatedReturn, type ConsolidateOptions } from './consolidate';

export interface ZoneTypeFigures {
  zoneType: ZoneType;
  /** The type's zones consolidated alone (ratio of sums, as `consolidate`). */
  total: ConsolidatedReturn;
  /** Each summed figure's share of the city total in percent (工业类开发区铺排项目总投资占全市的比重). */
  shareOfCity: Record<string, Computed>;
}

export interface ByZoneTypeResult {
  /** Every zone together, as `consolidate` gives it. */
  city: ConsolidatedReturn;
  /** One entry per zone type present, in the order industrial, tourism, agricultural. */
  byType: ZoneTypeFigures[];
}

const ORDER: readonly ZoneType[] = ['industrial', 'tourism', 'agricultural'];

/**
 * The city's figures by zone type ("工业类开发区铺排项目188个，其中战新项目187个"): each type's zones
 * consolidated on their own, and each summed figure as a share of the city's. Built on `consolidate`,
 * so the same checks (one period, one set, no zone twice) apply.
 */
export function consolidateByZoneType(set: IndicatorSet, returns: ZoneReturn[], opts: ConsolidateOptions = {}): Result<ByZoneTypeResult> {
  const city = consolidate(set, returns, opts);
  if (!city.ok) return city;
  const registry = opts.registry ?? builtinZoneRegistry();
  const typeOf = (id: string): ZoneType => zoneTypeOf(id, registry) ?? 'industrial';
  const summed = allIndicators(set).filter((i) => i.aggregate.kind === 'sum' && i.kind !== 'text');
  const byType: ZoneTypeFigures[] = [];
  for (const zoneType of ORDER) {
    const mine = returns.filter((r) => typeOf(r.zoneId) === zoneType);
    if (mine.length === 0) continue;
    const total = consolidate(set, mine, opts);
    if (!total.ok) return total;
    const shareOfCity: Record<string, Computed> = {};
    for (const ind of summed) {
      const part = total.value.figures[ind.code]?.current;
      const whole = city.value.figures[ind.code]?.current;
      if (!part || !whole || 'text' in part || 'text' in whole) continue;
      shareOfCity[ind.code] = computeShare(part, whole);
    }
    byType.push({ zoneType, total: total.value, shareOfCity });
  }
  return { ok: true, value: { city: city.value, byType }, issues: [...city.issues] };
}
