import type { Computed, ComputedReturn, Indicator, IndicatorFigures, IndicatorSet, ZoneRegistry, ZoneReturn, ZoneType } from '../model';
import { evaluateExpression, referencesOf, type AggregateMemo, type ExpressionContext, type VariableValue } from '../expr';
import { allIndicators, builtinZoneRegistry, isNewZone, zoneTypeOf } from '../seeds';
import { computeGap, computeGrowth } from './compute-growth';
import { formulaAst } from './formula-cache';

export interface ComputeOptions {
  /** Last year's return for the same period: the source of 上年同期 values not typed into this one. */
  lastYearReturn?: ZoneReturn;
  /** The zone's type; looked up in `registry` (or the built-in one) when not given, industrial if unknown. */
  zoneType?: ZoneType;
  registry?: ZoneRegistry;
  /** Roster aggregates kept between calls over the same roster rows (see `AggregateMemo`). */
  aggregateMemo?: AggregateMemo;
  /** The zone is new this year (no 上年同期); looked up in the registry's `establishedYear` when not given. */
  newZone?: boolean;
}

/** Whether the return is of a new zone that its set treats as such (the set's `newZone` declaration). */
export function resolveNewZone(set: IndicatorSet, ret: ZoneReturn, opts: ComputeOptions = {}): boolean {
  if (!set.newZone) return false;
  return opts.newZone ?? isNewZone(ret.zoneId, ret.period.year, opts.registry ?? builtinZoneRegistry());
}

/** The zone type a return is computed for. */
export function resolveZoneType(ret: ZoneReturn, opts: ComputeOptions = {}): ZoneType {
  return opts.zoneType ?? zoneTypeOf(ret.zoneId, opts.registry) ?? 'industrial';
}

const missing = (ind: Indicator, what = ''): Computed => ({ ok: false, reason: 'missing-input', detail: `未填写「${ind.name}」${what}` });

function enteredNumber(ind: Indicator, value: unknown, what = ''): Computed {
  if (value === undefined || value === null || value === '') return missing(ind, what);
  if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, reason: 'not-a-number', detail: `「${ind.name}」${what}不是数值：${String(value)}` };
  return { ok: true, value };
}

/** Same-period-last-year value: typed into the return, else this period's value in last year's return. */
export function lastYearValue(ind: Indicator, ret: ZoneReturn, lastYearReturn?: ZoneReturn, newZoneReason?: string): Computed {
  const typed = ret.values[ind.code]?.lastYear;
  if (typed !== undefined && typed !== null) return enteredNumber(ind, typed, '的上年同期数');
  const previous = lastYearReturn?.values[ind.code]?.current;
  if (previous !== undefined && previous !== null) return enteredNumber(ind, previous, '的上年同期数');
  if (newZoneReason !== undefined) return { ok: false, reason: 'new-zone', detail: newZoneReason };
  return missing(ind, '的上年同期数');
}

/** Names of every indicator and roster field, for the reasons the evaluator gives. */
export function namesOf(set: IndicatorSet): Record<string, string> {
  return Object.fromEntries([...allIndicators(set).map((i) => [i.code, i.name] as const), ...set.roster.fields.map((f) => [f.code, f.name] as const)]);
}

/**
 * Computes every figure of a return: entered values, derived values from the set's formulas, last
 * year's values, growth, the provincial target and the gap to it. Full precision throughout.
 */
export function computeReturn(set: IndicatorSet, ret: ZoneReturn, opts: ComputeOptions = {}): ComputedReturn {
  const zoneType = resolveZoneType(ret, opts);
  const newZoneReason = resolveNewZone(set, ret, opts) ? set.newZone?.reason : undefined;
  const indicators = allIndicators(set);
  const applicable = new Set(indicators.filter((i) => i.zoneTypes.includes(zoneType)).map((i) => i.code));
  const variables: Record<string, VariableValue> = {};
  const lastYear: Record<string, Computed> = {};
  const ctx: ExpressionContext = { variables, lastYear, period: ret.period, roster: { rows: ret.roster, fields: set.roster.fields }, names: namesOf(set) };
  if (opts.aggregateMemo) ctx.aggregateMemo = opts.aggregateMemo;

  for (const ind of indicators) {
    if (!applicable.has(ind.code)) {
      variables[ind.code] = { ok: false, reason: 'missing-input', detail: `「${ind.name}」不适用于该类开发区` };
      continue;
    }
    if (ind.compareLastYear) lastYear[ind.code] = lastYearValue(ind, ret, opts.lastYearReturn, newZoneReason);
    if (ind.source !== 'entered') continue;
    const raw = ret.values[ind.code]?.current;
    if (ind.kind === 'text') variables[ind.code] = typeof raw === 'string' && raw.trim() !== '' ? { ok: true, text: raw } : missing(ind);
    else variables[ind.code] = enteredNumber(ind, raw);
  }

  // Derived figures in dependency order; the set was checked for cycles when it was loaded.
  const byCode = new Map(indicators.map((i) => [i.code, i] as const));
  const computing = new Set<string>();
  const derive = (ind: Indicator): void => {
    if (variables[ind.code] || computing.has(ind.code)) return;
    computing.add(ind.code);
    const parsed = formulaAst(ind.formula ?? '');
    if (!parsed.ok) {
      variables[ind.code] = parsed;
      return;
    }
    const refs = referencesOf(parsed.ast);
    for (const name of [...refs.outside, ...refs.inside]) {
      const dep = byCode.get(name);
      if (dep?.source === 'derived') derive(dep);
    }
    const result = evaluateExpression(parsed.ast, ctx);
    // A gap in the figure's own roster aggregate says which figure it is in (a rate over it passes
    // this on): "计入「签约项目计划总投资」的 2 个项目缺少「总投资」". A dependency's reason is passed as it is.
    const own = !result.ok && result.reason === 'missing-input' && [...refs.outside].every((name) => variables[name] !== result);
    variables[ind.code] = own && refs.inside.size > 0 ? { ...result, detail: `计入「${ind.name}」的${/^\d/.test(result.detail) ? ' ' : ''}${result.detail}` } : result;
  };
  for (const ind of indicators) if (ind.source === 'derived' && applicable.has(ind.code)) derive(ind);

  const figures: Record<string, IndicatorFigures> = {};
  for (const ind of indicators) {
    if (!applicable.has(ind.code)) continue;
    const current = variables[ind.code] ?? missing(ind);
    const fig: IndicatorFigures = { code: ind.code, current };
    const ly = lastYear[ind.code];
    if (ind.compareLastYear && ly) {
      fig.lastYear = ly;
      fig.growthPercent = 'text' in current ? { ok: false, reason: 'not-a-number', detail: '文字指标没有增速' } : computeGrowth(current, ly);
      if (ind.targetGrowthPercent !== undefined) {
        fig.targetGrowthPercent = ind.targetGrowthPercent;
        const gap = computeGap(fig.growthPercent, ind.targetGrowthPercent, 2);
        fig.gapPoints = gap.gapPoints;
        if (gap.comparison) fig.comparison = gap.comparison;
      }
    }
    figures[ind.code] = fig;
  }
  return { figures };
}

/** The number of a figure, or undefined when it has none. */
export function figureValue(fig: IndicatorFigures | undefined): number | undefined {
  const c = fig?.current;
  return c && c.ok && 'value' in c ? c.value : undefined;
}
