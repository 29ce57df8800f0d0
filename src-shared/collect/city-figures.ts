/**
 * City figures (市汇总) for one period from the accepted returns, with the core's `consolidate`:
 * each figure with its zones, growth from the sums, gap to the target, the comparison with
 * reference figures (全省开发区平均增速) the bureau entered; zones' ranks (ties share a rank),
 * their 拉动 in 百分点, and counts such as "4个开发区全部实现正增长，3个开发区超过省定目标".
 */
import { consolidate, rankZones, type ConsolidatedReturn, type ZoneRank } from '../compute/consolidate';
import type { Computed, IndicatorSet, Result, ZoneRegistry, ZoneReturn } from '../model';
import { allIndicators, builtinZoneRegistry } from '../seeds';

/** Figures no zone reports, entered by the bureau per period. */
export interface ReferenceFigures {
  /** 全省开发区平均增速 per indicator code, in percent. */
  provinceAverageGrowthPct?: Record<string, number>;
  /** The province's rank of this city per indicator code: by value and by growth. */
  provinceRank?: Record<string, { value?: number; growth?: number }>;
}

export interface CityFigure {
  name: string;
  unit: string;
  value: number | null;
  lastYear: number | null;
  /** Percent (20.35, not 0.2035); null when not computable. */
  growthPct: number | null;
  targetPct: number | null;
  /** growthPct − targetPct in 百分点. */
  gapPoints: number | null;
  provinceAvgPct: number | null;
  /** growthPct − provinceAvgPct in 百分点. */
  provinceAvgGapPoints: number | null;
  /** Zones in the figure. */
  zones: string[];
  /** Why the value is not computable. */
  note?: string;
}

export interface ZoneRankRow {
  zoneId: string;
  zoneName: string;
  value: number | null;
  valueRank: number | null;
  growthPct: number | null;
  growthRank: number | null;
  /** (zone 本期 − zone 上年同期) / city 上年同期 × 100, in 百分点. */
  pullPoints: number | null;
}

export interface CityFigures {
  consolidated: ConsolidatedReturn;
  figures: Record<string, CityFigure>;
  /** By indicator code, for indicators with a last-year value. */
  ranks: Record<string, ZoneRankRow[]>;
  /** By indicator code: e.g. "4个开发区全部实现正增长，3个开发区超过省定目标". */
  outcomes: Record<string, string>;
}

export interface CityFiguresOptions {
  registry?: ZoneRegistry;
  reference?: ReferenceFigures;
  /** Zones the bureau leaves out of the total. */
  exclude?: string[];
}

type Fig = Computed | { ok: true; text: string } | undefined;
const num = (c: Fig): number | null => (c && c.ok && 'value' in c && Number.isFinite(c.value) ? c.value : null);
const note = (c: Fig): string | undefined => (c && !c.ok ? c.detail : undefined);
const rankOf = (rows: ZoneRank[], zoneId: string): number | null => rows.find((r) => r.zoneId === zoneId)?.rank ?? null;

/** "4个开发区全部实现正增长，3个开发区超过省定目标" from the zones' growths. */
export function outcomeText(growths: (number | null)[], target: number | null): string {
  const known = growths.filter((g): g is number => g !== null);
  const n = growths.length;
  const positive = known.filter((g) => g > 0).length;
  const parts = [positive === n && n > 0 ? `${n}个开发区全部实现正增长` : `${n}个开发区中${positive}个实现正增长`];
  if (target !== null) {
    const above = known.filter((g) => g > target).length;
    parts.push(above === n && n > 0 ? `全部超过省定目标` : `${above}个开发区超过省定目标`);
  }
  return parts.join('，');
}

export function cityFigures(set: IndicatorSet, returns: ZoneReturn[], opts: CityFiguresOptions = {}): Result<CityFigures> {
  const registry = opts.registry ?? builtinZoneRegistry();
  const exclude = new Set(opts.exclude ?? []);
  const included = returns.filter((r) => !exclude.has(r.zoneId));
  const zoneName = (id: string): string => registry.zones.find((z) => z.id === id)?.name ?? id;
  const c = consolidate(set, included, { registry });
  if (!c.ok) return c;
  const cons = c.value;
  const figures: Record<string, CityFigure> = {};
  const ranks: Record<string, ZoneRankRow[]> = {};
  const outcomes: Record<string, string> = {};
  const ref = opts.reference ?? {};
  for (const ind of allIndicators(set)) {
    const f = cons.figures[ind.code];
    if (!f) continue;
    const zones = cons.zoneIds.filter((z) => cons.byZone[z]?.figures[ind.code] !== undefined && ind.zoneTypes.includes(registry.zones.find((x) => x.id === z)?.type ?? 'industrial'));
    const growthPct = num(f.growthPercent);
    const avg = ref.provinceAverageGrowthPct?.[ind.code] ?? null;
    const fig: CityFigure = {
      name: ind.name,
      unit: ind.unit,
      value: num(f.current),
      lastYear: num(f.lastYear),
      growthPct,
      targetPct: f.targetGrowthPercent ?? null,
      gapPoints: num(f.gapPoints),
      provinceAvgPct: avg,
      provinceAvgGapPoints: avg !== null && growthPct !== null ? growthPct - avg : null,
      zones,
    };
    const why = note(f.current) ?? note(f.growthPercent);
    if (why !== undefined) fig.note = why;
    figures[ind.code] = fig;
    if (!ind.compareLastYear) continue;
    const sub = Object.fromEntries(zones.map((z) => [z, cons.byZone[z]!]));
    const byValue = rankZones(sub, ind.code, 'current');
    const byGrowth = rankZones(sub, ind.code, 'growth');
    ranks[ind.code] = byValue.map((r) => {
      const zf = cons.byZone[r.zoneId]?.figures[ind.code];
      const cur = num(zf?.current);
      const ly = num(zf?.lastYear);
      return {
        zoneId: r.zoneId,
        zoneName: zoneName(r.zoneId),
        value: cur,
        valueRank: rankOf(byValue, r.zoneId),
        growthPct: num(zf?.growthPercent),
        growthRank: rankOf(byGrowth, r.zoneId),
        pullPoints: cur !== null && ly !== null && fig.lastYear ? ((cur - ly) / fig.lastYear) * 100 : null,
      };
    });
    outcomes[ind.code] = outcomeText(ranks[ind.code]!.map((r) => r.growthPct), fig.targetPct);
  }
  return { ok: true, value: { consolidated: cons, figures, ranks, outcomes }, issues: c.issues };
}
