/**
 * The cumulative values of one indicator over the periods of a year (1–3月, 1–6月 …), this year and
 * last year: the trend chart of the city bureau (from the accepted submissions) and of a zone's clerk
 * (from its own returns). Each period's figure is the core's `consolidate` of that period's returns,
 * so a city is summed exactly as in 汇总 and a single zone is its own return.
 *
 * 上年 of a period is the sum of the 上年同期 values this year's returns carry: those are the
 * figures the growth is computed against (a zone may have revised last year's figure since).
 * Last year's own returns fill what those values cannot: a 上年同期 a zone left empty (as
 * `consolidate` does with `lastYearReturns`), and the periods this year has no returns for yet, so
 * the 上年 line runs over the whole year.
 */
import { consolidate } from '../compute/consolidate';
import type { Computed, Indicator, IndicatorSet, Period, Result, ZoneRegistry, ZoneReturn } from '../model';
import { periodKey, periodsOf } from '../period';
import { allIndicators, builtinZoneRegistry, findIndicatorSet, zoneTypeOf } from '../seeds';

export type LastYearSource = 'carried' | 'last-year-returns';

export interface TrendPoint {
  period: Period;
  /** `1–3月`; a January period is `1月`. */
  label: string;
  thisYear: number | null;
  lastYear: number | null;
  lastYearSource: LastYearSource | null;
  /** The core's growth (new zones left out of it), in percent; only where 上年 is the carried 上年同期. */
  growthPct: number | null;
  /** Zones in this year's value, and in last year's. */
  zoneIds: string[];
  lastYearZoneIds: string[];
}

export interface CumulativeTrend {
  code: string;
  name: string;
  unit: string;
  year: number;
  frequency: Period['frequency'];
  points: TrendPoint[];
}

export interface TrendOptions {
  code: string;
  year: number;
  frequency: Period['frequency'];
  registry?: ZoneRegistry;
  /** The indicator set of a return; defaults to the built-in set it names. */
  setOf?: (ret: ZoneReturn) => IndicatorSet | undefined;
}

/** `1–3月`, `1月`: the period within its year, for an axis whose title carries the year. */
export function periodInYearLabel(p: Period): string {
  return p.endMonth === 1 ? '1月' : `1–${p.endMonth}月`;
}

/** Indicators a trend can be drawn for: amounts that are summed and compared with last year, for the given zone types. */
export function trendIndicators(set: IndicatorSet, zoneTypes?: string[]): Indicator[] {
  return allIndicators(set).filter((i) => i.compareLastYear === true && i.aggregate.kind === 'sum' && (zoneTypes === undefined || i.zoneTypes.some((t) => zoneTypes.includes(t))));
}

const valueOf = (c: Computed | { ok: true; text: string } | undefined): number | null => (c && c.ok && 'value' in c && Number.isFinite(c.value) ? c.value : null);

interface PeriodSum {
  current: number | null;
  lastYear: number | null;
  growthPct: number | null;
  zoneIds: string[];
  lastYearZoneIds: string[];
}

export function cumulativeTrend(returns: ZoneReturn[], opts: TrendOptions): Result<CumulativeTrend> {
  const registry = opts.registry ?? builtinZoneRegistry();
  const setOf = opts.setOf ?? ((r: ZoneReturn) => findIndicatorSet(r.indicatorSet.id, r.indicatorSet.version));
  const byPeriod = new Map<string, ZoneReturn[]>();
  for (const r of returns) {
    if (r.period.frequency !== opts.frequency || (r.period.year !== opts.year && r.period.year !== opts.year - 1)) continue;
    const k = periodKey(r.period);
    byPeriod.set(k, [...(byPeriod.get(k) ?? []), r]);
  }
  // Named by this year's set where there is one (of any frequency), else by last year's.
  const ofYears = returns.filter((r) => r.period.year === opts.year || r.period.year === opts.year - 1).sort((a, b) => b.period.year - a.period.year);
  const namingSet = ofYears.map(setOf).find((s) => s !== undefined);
  const indicator = namingSet ? allIndicators(namingSet).find((i) => i.code === opts.code) : undefined;
  if (!indicator) {
    const message = ofYears.length === 0 ? `没有${opts.year}年或${opts.year - 1}年的报表，画不出累计走势` : `指标集里没有指标「${opts.code}」，画不出累计走势`;
    return { ok: false, issues: [{ code: ofYears.length === 0 ? 'no-returns' : 'unknown-indicator', severity: 'error', message }] };
  }

  const sumOf = (group: ZoneReturn[], lastYearReturns: ZoneReturn[]): Result<PeriodSum> => {
    const set = setOf(group[0]!);
    if (!set) return { ok: false, issues: [{ code: 'unknown-set', severity: 'error', message: `没有指标集「${group[0]!.indicatorSet.id} ${group[0]!.indicatorSet.version}」` }] };
    const same = group.filter((r) => r.indicatorSet.id === set.id);
    const c = consolidate(set, same, { registry, lastYearReturns: Object.fromEntries(lastYearReturns.map((r) => [r.zoneId, r])) });
    if (!c.ok) return c;
    const f = c.value.figures[opts.code];
    const counted = same.map((r) => r.zoneId).filter((z) => indicator.zoneTypes.includes(zoneTypeOf(z, registry) ?? 'industrial'));
    const ly = f?.lastYear;
    const newZone = ly && !ly.ok && ly.reason === 'new-zone';
    return { ok: true, value: { current: valueOf(f?.current), lastYear: valueOf(ly), growthPct: valueOf(f?.growthPercent), zoneIds: counted, lastYearZoneIds: newZone ? [] : (f?.growthZoneIds ?? counted) }, issues: [] };
  };

  const points: TrendPoint[] = [];
  const issues = [];
  for (const p of periodsOf(opts.year, opts.frequency)) {
    const cur = byPeriod.get(periodKey(p)) ?? [];
    const prev = byPeriod.get(periodKey({ ...p, year: p.year - 1 })) ?? [];
    const point: TrendPoint = { period: p, label: periodInYearLabel(p), thisYear: null, lastYear: null, lastYearSource: null, growthPct: null, zoneIds: [], lastYearZoneIds: [] };
    if (cur.length > 0) {
      const s = sumOf(cur, prev);
      if (!s.ok) issues.push(...s.issues);
      else {
        Object.assign(point, { thisYear: s.value.current, zoneIds: s.value.zoneIds });
        if (s.value.lastYear !== null) Object.assign(point, { lastYear: s.value.lastYear, lastYearSource: 'carried', lastYearZoneIds: s.value.lastYearZoneIds, growthPct: s.value.growthPct });
      }
    }
    if (point.lastYear === null && prev.length > 0) {
      const s = sumOf(prev, []);
      if (!s.ok) issues.push(...s.issues);
      else if (s.value.current !== null) Object.assign(point, { lastYear: s.value.current, lastYearSource: 'last-year-returns', lastYearZoneIds: s.value.zoneIds });
    }
    points.push(point);
  }
  return { ok: true, value: { code: opts.code, name: indicator.name, unit: indicator.unit, year: opts.year, frequency: opts.frequency, points }, issues };
}
