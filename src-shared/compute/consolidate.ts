import type { Computed, ComputedReturn, IndicatorFigures, IndicatorSet, Period, Result, UserIssue, ZoneRegistry, ZoneReturn, ZoneType } from '../model';
import { evaluateExpression, type ExpressionContext, type VariableValue } from '../expr';
import { allIndicators, builtinZoneRegistry, zoneTypeOf } from '../seeds';
import { periodLabel, samePeriod } from '../period';
import { computeGap, computeGrowth } from './compute-growth';
import { computeReturn, namesOf } from './compute-return';
import { formulaAst } from './formula-cache';

export interface ConsolidatedReturn extends ComputedReturn {
  period: Period;
  zoneIds: string[];
  /** Each zone's own figures, for ranking and for the collector's table. */
  byZone: Record<string, ComputedReturn>;
}

export interface ConsolidateOptions {
  registry?: ZoneRegistry;
  /** Last year's returns, by zone id, for 上年同期 values the zones did not type. */
  lastYearReturns?: Record<string, ZoneReturn>;
  /** Zone names for messages; defaults to the registry. */
  zoneName?: (zoneId: string) => string;
}

/**
 * Consolidates zones' returns into a city summary: sums are summed, last year's values too, and growth
 * is recomputed from the sums (never an average of the zones' growth); shares and rates are recomputed
 * from the summed parts by the indicator's ratio-of-sums formula.
 */
export function consolidate(set: IndicatorSet, returns: ZoneReturn[], opts: ConsolidateOptions = {}): Result<ConsolidatedReturn> {
  const issues: UserIssue[] = [];
  const first = returns[0];
  if (!first) return { ok: false, issues: [{ code: 'no-returns', severity: 'error', message: '没有可汇总的报表，请先载入各开发区的报表' }] };
  const registry = opts.registry ?? builtinZoneRegistry();
  const name = opts.zoneName ?? ((id: string) => registry.zones.find((z) => z.id === id)?.name ?? id);
  const seen = new Set<string>();
  for (const r of returns) {
    if (!samePeriod(r.period, first.period)) issues.push({ code: 'period-mismatch', severity: 'error', message: `${name(r.zoneId)}的报表期别为${periodLabel(r.period)}，与${periodLabel(first.period)}不同，不能一起汇总` });
    if (r.indicatorSet.id !== set.id) issues.push({ code: 'set-mismatch', severity: 'error', message: `${name(r.zoneId)}的报表使用指标集「${r.indicatorSet.id}」，不是「${set.id}」，不能一起汇总` });
    if (seen.has(r.zoneId)) issues.push({ code: 'duplicate-zone', severity: 'error', message: `${name(r.zoneId)}的报表出现了不止一份，请只保留最新的一份` });
    seen.add(r.zoneId);
  }
  if (set.year !== first.period.year) issues.push({ code: 'set-year-mismatch', severity: 'error', message: `报告期为${first.period.year}年，而指标集「${set.id} ${set.version}」是${set.year}年的，不能用它汇总；请改用${first.period.year}年的指标集` });
  if (issues.length > 0) return { ok: false, issues };

  const typeOf = (id: string): ZoneType => zoneTypeOf(id, registry) ?? 'industrial';
  const byZone: Record<string, ComputedReturn> = {};
  for (const r of returns) {
    const ly = opts.lastYearReturns?.[r.zoneId];
    byZone[r.zoneId] = computeReturn(set, r, { zoneType: typeOf(r.zoneId), registry, ...(ly ? { lastYearReturn: ly } : {}) });
  }

  const indicators = allIndicators(set);
  const sumOf = (code: string, zones: string[], pick: (f: IndicatorFigures) => Computed | { ok: true; text: string } | undefined): Computed => {
    let total = 0;
    for (const z of zones) {
      const fig = byZone[z]?.figures[code];
      const v = fig ? pick(fig) : undefined;
      if (!v) return { ok: false, reason: 'missing-input', detail: `${name(z)}缺少该项` };
      if (!v.ok) return { ok: false, reason: v.reason, detail: `${name(z)}：${v.detail}` };
      if (!('value' in v)) return { ok: false, reason: 'not-a-number', detail: `${name(z)}：不是数值` };
      total += v.value;
    }
    return { ok: true, value: total };
  };

  const variables: Record<string, VariableValue> = {};
  const lastYear: Record<string, Computed> = {};
  const figures: Record<string, IndicatorFigures> = {};
  const ratios = [];
  for (const ind of indicators) {
    const zones = returns.map((r) => r.zoneId).filter((z) => ind.zoneTypes.includes(typeOf(z)));
    if (zones.length === 0 || ind.aggregate.kind === 'none') continue;
    if (ind.aggregate.kind === 'ratio-of-sums') {
      ratios.push({ ind, formula: ind.aggregate.formula });
      continue;
    }
    const current = sumOf(ind.code, zones, (f) => f.current);
    variables[ind.code] = current;
    const fig: IndicatorFigures = { code: ind.code, current };
    if (ind.compareLastYear) {
      // A new zone (no 上年同期, as its set declares) is in the amount but not in the growth.
      const isNew = (z: string): boolean => { const l = byZone[z]?.figures[ind.code]?.lastYear; return !!l && !l.ok && l.reason === 'new-zone'; };
      const compared = zones.filter((z) => !isNew(z));
      const ly = compared.length > 0 ? sumOf(ind.code, compared, (f) => f.lastYear) : { ok: false as const, reason: 'new-zone' as const, detail: '参与汇总的开发区均为新设开发区，没有上年同期数' };
      lastYear[ind.code] = ly;
      fig.lastYear = ly;
      fig.growthPercent = compared.length === zones.length ? computeGrowth(current, ly) : computeGrowth(sumOf(ind.code, compared, (f) => f.current), ly);
      if (compared.length < zones.length) {
        fig.growthZoneIds = compared;
        fig.growthNote = `增速按${compared.length}个开发区计算，不含新设的${zones.filter(isNew).map(name).join('、')}（总量中已计入）`;
      }
      if (ind.targetGrowthPercent !== undefined) {
        fig.targetGrowthPercent = ind.targetGrowthPercent;
        const gap = computeGap(fig.growthPercent, ind.targetGrowthPercent);
        fig.gapPoints = gap.gapPoints;
        if (gap.comparison) fig.comparison = gap.comparison;
      }
    }
    figures[ind.code] = fig;
  }
  const ctx: ExpressionContext = { variables, lastYear, period: first.period, names: namesOf(set) };
  for (const { ind, formula } of ratios) {
    const parsed = formulaAst(formula);
    figures[ind.code] = { code: ind.code, current: parsed.ok ? evaluateExpression(parsed.ast, ctx) : parsed };
  }
  return { ok: true, value: { figures, period: first.period, zoneIds: returns.map((r) => r.zoneId), byZone }, issues: [] };
}

export interface ZoneRank {
  zoneId: string;
  value: Computed;
  /** 1 for the highest; equal values share a rank (1, 1, 3). Absent when the value is not computable. */
  rank?: number;
}

/** Ranks zones on one indicator's current value or growth, highest first; zones without a value come last. */
export function rankZones(byZone: Record<string, ComputedReturn>, code: string, by: 'current' | 'growth' = 'current'): ZoneRank[] {
  const rows: ZoneRank[] = Object.entries(byZone).map(([zoneId, c]) => {
    const fig = c.figures[code];
    const v = by === 'growth' ? fig?.growthPercent : fig?.current;
    const value: Computed = !v ? { ok: false, reason: 'missing-input', detail: '没有该项' } : v.ok && !('value' in v) ? { ok: false, reason: 'not-a-number', detail: '文字指标不能排名' } : v;
    return { zoneId, value };
  });
  const valued = rows.flatMap((r) => (r.value.ok ? [{ r, v: r.value.value }] : [])).sort((a, b) => b.v - a.v);
  valued.forEach((x, i) => {
    const prev = valued[i - 1];
    x.r.rank = prev && prev.v === x.v ? (prev.r.rank ?? i + 1) : i + 1;
  });
  return [...valued.map((x) => x.r), ...rows.filter((r) => !r.value.ok)];
}
