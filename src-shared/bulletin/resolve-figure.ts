/**
 * Turns a figure name into what the text shows: a number with its source, a word, a clause
 * (同比增长20.35% / 高于省定目标（15%）5.35个百分点) or a gap saying what is missing.
 */
import type { Computed, Indicator } from '../model';
import { indicatorByCode } from '../seeds';
import { periodLabel } from '../period';
import type { BulletinInput, BulletinZone } from './bulletin-input';
import type { BulletinStyle } from './bulletin-style';
import type { FigureSource, Segment } from './bulletin-draft';
import type { FigureName, Placeholder } from './figure-names';
import { splitTemplate } from './figure-names';
import { chineseCount, chineseNumeral, formatNumber } from './format-number';

export type NumberKind = 'amount' | 'percent' | 'count' | 'given';

export type Resolved =
  | { kind: 'number'; value: number; numberKind: NumberKind; source: FigureSource }
  | { kind: 'text'; text: string }
  | { kind: 'clause'; segments: Segment[] }
  | { kind: 'gap'; label: string; reason: string };

export interface ResolveContext {
  input: BulletinInput;
  style: BulletinStyle;
  zone?: BulletinZone;
}

const QUARTER_SHORT: Record<number, string> = { 3: '一季度', 6: '上半年', 9: '前三季度', 12: '全年' };

export function periodPhrase(ctx: ResolveContext, field: 'label' | 'short' | 'endMonth' | 'year'): string {
  const p = ctx.input.period;
  if (field === 'year') return String(p.year);
  if (field === 'endMonth') return String(p.endMonth);
  const quarter = p.frequency === 'quarter' ? QUARTER_SHORT[p.endMonth] : undefined;
  const months = p.endMonth === 1 ? '1月' : `1${ctx.style.monthDash}${p.endMonth}月`;
  if (field === 'short') return quarter ?? months;
  if (quarter === '一季度') return `${p.year}年第一季度`;
  if (quarter === '全年') return `${p.year}年`;
  return `${p.year}年${quarter ?? months}`;
}

const numberKindOf = (ind: Indicator): NumberKind => (ind.unit === '%' ? 'percent' : ind.kind === 'integer' ? 'count' : 'amount');

/** The number as the style prints it, or with the placeholder's own format. */
export function showNumber(r: { value: number; numberKind: NumberKind }, style: BulletinStyle, format?: Placeholder['format']): string {
  if (format === 'cn') return chineseNumeral(r.value);
  if (format === 'cnCount') return chineseCount(r.value);
  if (format === 'ordinal') return (style.clauses.ordinal[String(r.value)] ?? style.clauses.ordinal['other'] ?? '第{n}位').replace('{n}', String(r.value));
  if (format) return formatNumber(r.value, format.decimals, style.trimZeros);
  if (r.numberKind === 'given') return String(r.value);
  if (r.numberKind === 'count') return formatNumber(r.value, 0, false);
  return formatNumber(r.value, r.numberKind === 'percent' ? style.decimals.percent : style.decimals.amount, style.trimZeros);
}

function cityPlace(ctx: ResolveContext): string {
  return `${ctx.input.cityName}（${ctx.input.city.zoneIds.length}个开发区合计）`;
}

function place(ctx: ResolveContext, scope: 'city' | 'zone'): { place: string; zoneId?: string } {
  return scope === 'zone' && ctx.zone ? { place: ctx.zone.name, zoneId: ctx.zone.id } : { place: cityPlace(ctx) };
}

function source(ctx: ResolveContext, scope: 'city' | 'zone', ind: { code: string; name: string }, measure: string): FigureSource {
  return { ...place(ctx, scope), indicator: ind.code, indicatorName: ind.name, period: periodLabel(ctx.input.period), measure };
}

const fromComputed = (c: Computed | { ok: true; text: string } | undefined, what: string): { value: number } | { gap: string } => {
  if (!c) return { gap: `${what}：没有该项` };
  if (!c.ok) return { gap: `${what}：${c.detail}` };
  if ('text' in c) return { gap: `${what}：是文字，不是数值` };
  return { value: c.value };
};

/** Fills a clause pattern (`同比增长{rate}%`) with its figures. */
function fillClause(pattern: string, slots: Record<string, Segment>): Segment[] {
  const pieces = splitTemplate(pattern);
  if (typeof pieces === 'string') return [{ kind: 'text', text: pattern }];
  return pieces.map((p) => ('text' in p ? { kind: 'text', text: p.text } : (slots[p.placeholder.name] ?? { kind: 'text', text: p.raw })));
}

function growthOf(ctx: ResolveContext, scope: 'city' | 'zone', code: string): Computed | undefined {
  const figs = scope === 'zone' ? ctx.zone?.figures : ctx.input.city.figures;
  return figs?.[code]?.growthPercent;
}

const isShownZero = (value: number, style: BulletinStyle): boolean => Number(formatNumber(Math.abs(value), style.decimals.percent, false)) === 0;

function compareClause(ctx: ResolveContext, g: number, refName: string, ref: number, refSource: FigureSource, gapSource: FigureSource): Segment[] {
  const { style } = ctx;
  const gap = g - ref;
  const which = isShownZero(gap, style) ? 'equal' : gap > 0 ? 'above' : 'below';
  const gapSeg: Segment = { kind: 'figure', text: showNumber({ value: Math.abs(gap), numberKind: 'percent' }, style), figure: '', source: gapSource };
  return fillClause(style.clauses[which], { name: { kind: 'text', text: refName }, ref: { kind: 'figure', text: String(ref), figure: '', source: refSource }, gap: gapSeg });
}

const RANK_WORDS = { amount: '完成量', growth: '增速', pull: '拉动' } as const;

export function resolveFigure(f: FigureName, ctx: ResolveContext): Resolved {
  const { input } = ctx;
  if (f.kind === 'period') return { kind: 'text', text: periodPhrase(ctx, f.field) };
  if (f.kind === 'place') return { kind: 'text', text: f.scope === 'zone' && ctx.zone ? ctx.zone.name : input.cityName };
  if (f.kind === 'city-count') {
    const zoneSet = { code: f.field, name: f.field === 'zoneCount' ? '开发区个数' : '“三个一批”活动次数' };
    if (f.field === 'zoneCount') return { kind: 'number', value: input.city.zoneIds.length, numberKind: 'count', source: source(ctx, 'city', zoneSet, '汇总的开发区个数') };
    const year = String(input.period.year);
    const batches = new Set(input.zones.filter((z) => input.city.zoneIds.includes(z.id)).flatMap((z) => z.batches.filter((b) => b.startsWith(`${year}年`))));
    if (batches.size === 0) return { kind: 'gap', label: '“三个一批”活动次数', reason: '项目台账中没有本年度的批次' };
    return { kind: 'number', value: batches.size, numberKind: 'count', source: source(ctx, 'city', zoneSet, `本年度批次：${[...batches].sort().join('、')}`) };
  }
  const ind = indicatorByCode(input.set, f.code);
  if (!ind) return { kind: 'gap', label: f.code, reason: `指标集中没有指标 ${f.code}` };
  if (f.kind === 'rank') {
    const ranks = f.scope === 'zone' && ctx.zone ? input.reference.zoneRanks?.[ctx.zone.id]?.[f.code] : input.reference.cityRanks?.[f.code];
    const value = ranks?.[f.rank];
    const who = f.scope === 'zone' && ctx.zone ? ctx.zone.name : input.cityName;
    const label = `${who}${ind.name}全省排名（${RANK_WORDS[f.rank]}）`;
    if (value === undefined) return { kind: 'gap', label, reason: '参照数据中没有这个排名，请在参照数据中填写' };
    return { kind: 'number', value, numberKind: 'count', source: { ...place(ctx, f.scope), indicator: ind.code, indicatorName: ind.name, period: periodLabel(input.period), measure: `全省排名（${RANK_WORDS[f.rank]}，参照数据）`, fromReference: true } };
  }
  if (f.kind === 'zone-count' || f.kind === 'zone-count-over') return resolveZoneCount(f, ind, ctx);
  return resolveIndicatorField(f, ind, ctx);
}

/** Counts of the city's zones: reporting the indicator, growing, above the target, growing more than n%. */
function resolveZoneCount(f: Extract<FigureName, { kind: 'zone-count' | 'zone-count-over' }>, ind: Indicator, ctx: ResolveContext): Resolved {
  const { input, style } = ctx;
  const zones = input.zones.filter((z) => input.city.zoneIds.includes(z.id) && ind.zoneTypes.includes(z.type));
  const growths = zones.map((z) => z.figures[f.code]?.growthPercent);
  const valued = growths.flatMap((g) => (g?.ok ? [g.value] : []));
  const field = f.kind === 'zone-count' ? f.field : 'over';
  if (field !== 'total' && valued.length < zones.length) return { kind: 'gap', label: `${ind.name}增速的开发区个数`, reason: `${zones.length - valued.length}个开发区的${ind.name}增速无法计算` };
  const target = ind.targetGrowthPercent;
  const count =
    field === 'total' ? zones.length
    : field === 'positive' ? valued.filter((g) => g > 0 && !isShownZero(g, style)).length
    : field === 'aboveTarget' ? valued.filter((g) => target !== undefined && g - target > 0 && !isShownZero(g - target, style)).length
    : valued.filter((g) => f.kind === 'zone-count-over' && g > f.threshold).length;
  const measure = field === 'total' ? '报送该指标的开发区个数' : field === 'positive' ? '增速为正的开发区个数' : field === 'aboveTarget' ? '增速超过省定目标的开发区个数' : `增速超过${f.kind === 'zone-count-over' ? f.threshold : ''}%的开发区个数`;
  return { kind: 'number', value: count, numberKind: 'count', source: source(ctx, 'city', ind, measure) };
}

/** An indicator's amount, growth, comparisons and 拉动, for the city or the zone in hand. */
function resolveIndicatorField(f: Extract<FigureName, { kind: 'indicator' }>, ind: Indicator, ctx: ResolveContext): Resolved {
  const { input, style } = ctx;
  const scope = f.scope;
  const figs = scope === 'zone' ? ctx.zone?.figures : input.city.figures;
  const who = scope === 'zone' && ctx.zone ? ctx.zone.name : input.cityName;
  const fig = figs?.[f.code];
  const nk = numberKindOf(ind);
  switch (f.field) {
    case 'value':
    case 'lastYear': {
      const v = fromComputed(f.field === 'value' ? fig?.current : fig?.lastYear, `${who}${ind.name}`);
      if ('gap' in v) return { kind: 'gap', label: `${who}${ind.name}${f.field === 'lastYear' ? '上年同期' : ''}`, reason: v.gap };
      return { kind: 'number', value: v.value, numberKind: nk, source: source(ctx, scope, ind, f.field === 'value' ? '本期累计' : '上年同期') };
    }
    case 'growthRate':
    case 'growth': {
      const v = fromComputed(growthOf(ctx, scope, f.code), `${who}${ind.name}增速`);
      if ('gap' in v) return { kind: 'gap', label: `${who}${ind.name}增速`, reason: v.gap };
      const seg: Segment = { kind: 'figure', text: showNumber({ value: Math.abs(v.value), numberKind: 'percent' }, style), figure: '', source: source(ctx, scope, ind, '同比增速') };
      if (f.field === 'growthRate') return { kind: 'number', value: v.value, numberKind: 'percent', source: seg.source };
      const down = v.value < 0 && !isShownZero(v.value, style);
      return { kind: 'clause', segments: fillClause(down ? style.clauses.growthDown : style.clauses.growthUp, { rate: seg }) };
    }
    case 'target':
    case 'vsTarget': {
      const target = ind.targetGrowthPercent;
      if (target === undefined) return { kind: 'gap', label: `${ind.name}省定目标`, reason: '指标集中没有省定目标' };
      const targetSource: FigureSource = { place: '省定目标', indicator: ind.code, indicatorName: ind.name, period: `${input.period.year}年`, measure: `省定目标增速（指标集 ${input.set.id} ${input.set.version}）` };
      if (f.field === 'target') return { kind: 'number', value: target, numberKind: 'given', source: targetSource };
      const v = fromComputed(growthOf(ctx, scope, f.code), `${who}${ind.name}增速`);
      if ('gap' in v) return { kind: 'gap', label: `${who}${ind.name}与省定目标比较`, reason: v.gap };
      return { kind: 'clause', segments: compareClause(ctx, v.value, '省定目标', target, targetSource, source(ctx, scope, ind, '增速与省定目标之差（百分点）')) };
    }
    case 'provinceAverage':
    case 'vsProvince': {
      const avg = input.reference.provinceAverageGrowth?.[f.code];
      if (avg === undefined) return { kind: 'gap', label: `全省开发区平均增速（${ind.name}）`, reason: '参照数据中没有全省开发区平均增速，请在参照数据中填写' };
      const avgSource: FigureSource = { place: '参照数据', indicator: ind.code, indicatorName: ind.name, period: periodLabel(input.period), measure: '全省开发区平均增速', fromReference: true };
      if (f.field === 'provinceAverage') return { kind: 'number', value: avg, numberKind: 'given', source: avgSource };
      const v = fromComputed(growthOf(ctx, scope, f.code), `${who}${ind.name}增速`);
      if ('gap' in v) return { kind: 'gap', label: `${who}${ind.name}与全省开发区平均增速比较`, reason: v.gap };
      return { kind: 'clause', segments: compareClause(ctx, v.value, '全省开发区平均增速', avg, avgSource, source(ctx, scope, ind, '增速与全省开发区平均增速之差（百分点）')) };
    }
    case 'pull': {
      const z = fromComputed(fig?.current, ind.name);
      const zl = fromComputed(fig?.lastYear, `${ind.name}上年同期`);
      const cl = fromComputed(input.city.figures[f.code]?.lastYear, `全市${ind.name}上年同期`);
      if ('gap' in z || 'gap' in zl || 'gap' in cl) return { kind: 'gap', label: `${who}${ind.name}拉动`, reason: ['gap' in z ? z.gap : '', 'gap' in zl ? zl.gap : '', 'gap' in cl ? cl.gap : ''].filter(Boolean).join('；') };
      if (cl.value === 0) return { kind: 'gap', label: `${who}${ind.name}拉动`, reason: '全市上年同期为0' };
      return { kind: 'number', value: ((z.value - zl.value) / cl.value) * 100, numberKind: 'percent', source: source(ctx, scope, ind, '对全市增长的拉动（百分点）') };
    }
  }
}
