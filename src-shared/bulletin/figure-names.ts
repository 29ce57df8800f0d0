/**
 * The figure names templates may use, and the check that a name exists. Names read like paths:
 * `city.gyzjz` (amount), `city.gyzjz.growth` (the clause 同比增长20.35%), `zone.gytz.vsTarget`,
 * `city.gyzjz.rank.growth`, `city.gytz.zones.growthOver.10`.
 */
import type { IndicatorSet } from '../model';
import { indicatorByCode } from '../seeds';

export type Scope = 'city' | 'zone';

export type FigureName =
  | { kind: 'period'; field: 'label' | 'short' | 'endMonth' | 'year' }
  | { kind: 'place'; scope: Scope; field: 'name' }
  | { kind: 'city-count'; field: 'zoneCount' | 'activities' }
  | { kind: 'indicator'; scope: Scope; code: string; field: IndicatorField }
  | { kind: 'rank'; scope: Scope; code: string; rank: 'amount' | 'growth' | 'pull' }
  | { kind: 'zone-count'; code: string; field: 'total' | 'positive' | 'aboveTarget' }
  | { kind: 'zone-count-over'; code: string; threshold: number };

export type IndicatorField = 'value' | 'lastYear' | 'growth' | 'growthRate' | 'vsTarget' | 'target' | 'vsProvince' | 'provinceAverage' | 'pull';

const FIELDS: Record<string, IndicatorField> = { lastYear: 'lastYear', growth: 'growth', growthRate: 'growthRate', vsTarget: 'vsTarget', target: 'target', vsProvince: 'vsProvince', provinceAverage: 'provinceAverage', pull: 'pull' };

/** Parses a figure name; a string message says why it is not one (for the loader's refusal). */
export function parseFigureName(name: string, set: IndicatorSet, inZoneLoop: boolean): FigureName | string {
  const p = name.split('.');
  const [head, second, third, fourth, fifth] = p;
  if (head === 'period') {
    if ((second === 'label' || second === 'short' || second === 'endMonth' || second === 'year') && p.length === 2) return { kind: 'period', field: second };
    return `「${name}」不是报告期的数值（可用 period.label、period.short、period.endMonth、period.year）`;
  }
  if (head !== 'city' && head !== 'zone') return `「${name}」应以 city.、zone. 或 period. 开头`;
  if (head === 'zone' && !inZoneLoop) return `「${name}」只能用在逐个开发区的句子（forEachZone）里`;
  if (second === undefined) return `「${name}」缺少指标代码`;
  if (second === 'name' && p.length === 2) return { kind: 'place', scope: head, field: 'name' };
  if (head === 'city' && (second === 'zoneCount' || second === 'activities') && p.length === 2) return { kind: 'city-count', field: second };
  const ind = indicatorByCode(set, second);
  if (!ind) return `「${name}」中的指标「${second}」在指标集 ${set.id} ${set.version} 中不存在`;
  if (ind.kind === 'text') return `「${name}」中的指标「${second}」是文字指标，不是数值`;
  const code = second;
  if (third === undefined) return { kind: 'indicator', scope: head, code, field: 'value' };
  if (third === 'rank') {
    if ((fourth === 'amount' || fourth === 'growth' || fourth === 'pull') && p.length === 4) return { kind: 'rank', scope: head, code, rank: fourth };
    return `「${name}」的排名应为 rank.amount、rank.growth 或 rank.pull`;
  }
  if (third === 'zones' && head === 'city') {
    if ((fourth === 'total' || fourth === 'positive' || fourth === 'aboveTarget') && p.length === 4) return { kind: 'zone-count', code, field: fourth };
    if (fourth === 'growthOver' && fifth !== undefined && /^\d+(\.\d+)?$/.test(fifth) && p.length === 5) return { kind: 'zone-count-over', code, threshold: Number(fifth) };
    return `「${name}」的开发区个数应为 zones.total、zones.positive、zones.aboveTarget 或 zones.growthOver.数值`;
  }
  const field = FIELDS[third];
  if (!field || p.length !== 3) return `「${name}」中的「${third}」不是可用的数值（可用 ${Object.keys(FIELDS).join('、')}）`;
  const needsGrowth = field !== 'value' && field !== 'pull';
  if (needsGrowth && !ind.compareLastYear) return `「${name}」：指标「${ind.name}」不与上年同期比较，没有增速`;
  if ((field === 'vsTarget' || field === 'target') && ind.targetGrowthPercent === undefined) return `「${name}」：指标「${ind.name}」没有省定目标`;
  if ((field === 'vsProvince' || field === 'provinceAverage') && head !== 'city') return `「${name}」：全省开发区平均增速只与全市比较`;
  if (field === 'pull' && head !== 'zone') return `「${name}」：拉动只对单个开发区计算`;
  return { kind: 'indicator', scope: head, code, field };
}

/** A placeholder: `{name}` or `{name:fmt}`, fmt being decimals (0–6), cn (第一位), cnCount (两次) or ordinal. */
export interface Placeholder {
  name: string;
  format?: { decimals: number } | 'cn' | 'cnCount' | 'ordinal';
}

export type TemplatePiece = { text: string } | { placeholder: Placeholder; raw: string };

/** Splits a template into text and placeholders; a string message for a malformed one. */
export function splitTemplate(template: string): TemplatePiece[] | string {
  const pieces: TemplatePiece[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) pieces.push({ text: template.slice(last, m.index) });
    const inner = m[1] ?? '';
    const [name = '', fmt, extra] = inner.split(':');
    if (extra !== undefined || name === '') return `占位符「${m[0]}」格式不对，应为 {数值名} 或 {数值名:格式}`;
    let format: Placeholder['format'];
    if (fmt !== undefined) {
      if (/^[0-6]$/.test(fmt)) format = { decimals: Number(fmt) };
      else if (fmt === 'cn' || fmt === 'cnCount' || fmt === 'ordinal') format = fmt;
      else return `占位符「${m[0]}」的格式「${fmt}」未知（可用 0–6 位小数、cn、cnCount、ordinal）`;
    }
    pieces.push({ placeholder: format ? { name, format } : { name }, raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < template.length) pieces.push({ text: template.slice(last) });
  if (pieces.some((p) => 'text' in p && /[{}]/.test(p.text))) return `模板「${template}」中的花括号不成对`;
  return pieces;
}
