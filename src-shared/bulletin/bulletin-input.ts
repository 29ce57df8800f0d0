/**
 * What a bulletin is drafted from: the city's figures, each zone's figures and texts, and the
 * reference figures no zone reports (全省开发区平均增速, the province's ranks). Built from the
 * core's consolidation by an adapter, so the bureau's own collection can feed it later.
 */
import type { IndicatorFigures, IndicatorSet, Period, Result, ZoneRegistry, ZoneReturn, ZoneType } from '../model';
import { consolidate, type ConsolidatedReturn } from '../compute';
import { builtinZoneRegistry, zoneTypeOf } from '../seeds';

export type RankKind = 'amount' | 'growth' | 'pull';

/** Figures entered by the bureau per period; every field may be absent (the draft then shows a gap). */
export interface ReferenceFigures {
  /** 全省开发区平均增速 per indicator code, in percent as published (0.9 means 0.9%). */
  provinceAverageGrowth?: Record<string, number>;
  /** The city's ranks among the province's cities, per indicator code. */
  cityRanks?: Record<string, Partial<Record<RankKind, number>>>;
  /** Each zone's ranks among the province's zones, by zone id then indicator code. */
  zoneRanks?: Record<string, Record<string, Partial<Record<RankKind, number>>>>;
}

export interface BulletinZone {
  id: string;
  name: string;
  type: ZoneType;
  figures: Record<string, IndicatorFigures>;
  /** The zone's roster batches (签约 / 开工 / 投产批次), for the number of activities. */
  batches: string[];
  /** 文字材料 by text indicator code, offered to the bureau as material to quote. */
  texts: Record<string, string>;
}

export interface BulletinInput {
  set: IndicatorSet;
  period: Period;
  cityName: string;
  /** The zones the city figures add up. */
  city: { zoneIds: string[]; figures: Record<string, IndicatorFigures> };
  /** Every zone with a return, in the order given (the city's zones and any others, e.g. 陵川). */
  zones: BulletinZone[];
  reference: ReferenceFigures;
}

const batchFields = ['batch', 'startBatch', 'productionBatch'] as const;

function zoneOf(set: IndicatorSet, ret: ZoneReturn | undefined, id: string, registry: ZoneRegistry, figures: Record<string, IndicatorFigures>): BulletinZone {
  const texts: Record<string, string> = {};
  for (const section of set.sections) {
    if (section.kind !== 'text') continue;
    for (const ind of section.indicators) {
      const v = ret?.values[ind.code]?.current;
      if (typeof v === 'string' && v.trim() !== '') texts[ind.code] = v;
    }
  }
  const batches = (ret?.roster ?? []).flatMap((row) => batchFields.flatMap((f) => (typeof row[f] === 'string' && row[f] !== '' ? [String(row[f])] : [])));
  return { id, name: registry.zones.find((z) => z.id === id)?.name ?? id, type: zoneTypeOf(id, registry) ?? 'industrial', figures, batches, texts };
}

export interface AdapterOptions {
  registry?: ZoneRegistry;
  cityName?: string;
  reference?: ReferenceFigures;
  /** The returns behind the consolidation, for the zones' texts and batches. */
  returns?: ZoneReturn[];
  /** Zones with a return that are not in the city total (e.g. a tourism zone reported apart). */
  extraZones?: ConsolidatedReturn['byZone'];
}

/** Adapter from the core's consolidation (`consolidate`) to the bulletin's input. */
export function bulletinInputFromConsolidation(set: IndicatorSet, c: ConsolidatedReturn, opts: AdapterOptions = {}): BulletinInput {
  const registry = opts.registry ?? builtinZoneRegistry();
  const byId = new Map((opts.returns ?? []).map((r) => [r.zoneId, r]));
  const all = { ...c.byZone, ...(opts.extraZones ?? {}) };
  const order = opts.returns?.map((r) => r.zoneId).filter((id) => id in all) ?? Object.keys(all);
  const zones = order.map((id) => zoneOf(set, byId.get(id), id, registry, all[id]?.figures ?? {}));
  const firstZone = registry.zones.find((z) => z.id === c.zoneIds[0]);
  const cityName = opts.cityName ?? registry.cities.find((x) => x.code === firstZone?.cityCode)?.name ?? '全市';
  return { set, period: c.period, cityName, city: { zoneIds: c.zoneIds, figures: c.figures }, zones, reference: opts.reference ?? {} };
}

export interface FromReturnsOptions {
  registry?: ZoneRegistry;
  reference?: ReferenceFigures;
  /** Zone types the city figures add up (a bureau's style may total its industrial zones only). */
  cityZoneTypes?: ZoneType[];
  lastYearReturns?: Record<string, ZoneReturn>;
}

/** Consolidates the returns with the core's `consolidate` and adapts the result. */
export function bulletinInputFromReturns(set: IndicatorSet, returns: ZoneReturn[], opts: FromReturnsOptions = {}): Result<BulletinInput> {
  const registry = opts.registry ?? builtinZoneRegistry();
  const types = opts.cityZoneTypes;
  const inCity = types ? returns.filter((r) => types.includes(zoneTypeOf(r.zoneId, registry) ?? 'industrial')) : returns;
  const apart = returns.filter((r) => !inCity.includes(r));
  const base = { registry, ...(opts.lastYearReturns ? { lastYearReturns: opts.lastYearReturns } : {}) };
  const city = consolidate(set, inCity, base);
  if (!city.ok) return city;
  let extraZones: ConsolidatedReturn['byZone'] = {};
  if (apart.length > 0) {
    const others = consolidate(set, apart, base);
    if (!others.ok) return others;
    extraZones = others.value.byZone;
  }
  const input = bulletinInputFromConsolidation(set, city.value, { registry, returns, extraZones, ...(opts.reference ? { reference: opts.reference } : {}) });
  return { ok: true, value: input, issues: [...city.issues] };
}

/** A zone's own bulletin, from its own return: the "city" figures are the zone's, named after it. */
export function bulletinInputForZone(set: IndicatorSet, ret: ZoneReturn, opts: { registry?: ZoneRegistry; reference?: ReferenceFigures; lastYearReturn?: ZoneReturn } = {}): Result<BulletinInput> {
  const registry = opts.registry ?? builtinZoneRegistry();
  const c = consolidate(set, [ret], { registry, ...(opts.lastYearReturn ? { lastYearReturns: { [ret.zoneId]: opts.lastYearReturn } } : {}) });
  if (!c.ok) return c;
  const cityName = registry.zones.find((z) => z.id === ret.zoneId)?.name ?? ret.zoneId;
  return { ok: true, value: bulletinInputFromConsolidation(set, c.value, { registry, returns: [ret], cityName, ...(opts.reference ? { reference: opts.reference } : {}) }), issues: [] };
}
