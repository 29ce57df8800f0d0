/**
 * Mapping targets built from the indicator set: its roster fields, its entered indicators
 * (this period and last year), and the zone a row belongs to. Nothing here names a field.
 */
import type { Indicator, RosterField } from '../model';
import type { MappingTarget } from './types';

/** The zone column of a multi-zone ledger; not a roster field but part of a row's identity. */
export const ZONE_TARGET_CODE = '$zone';

export function zoneTarget(): MappingTarget {
  return { code: ZONE_TARGET_CODE, name: '所属开发区', type: 'text', synonyms: ['所属开发区', '开发区', '所属园区', '园区', '开发区名称', '园区名称', '所在开发区'] };
}

/** A roster column's header as the grid, the exported ledger and the ledger import know it: 总投资（亿元）. */
export function rosterColumnHeader(field: RosterField): string {
  return field.unit !== undefined ? `${field.name}（${field.unit}）` : field.name;
}

export function rosterTargets(fields: RosterField[], opts: { withZone?: boolean } = {}): MappingTarget[] {
  const targets: MappingTarget[] = fields.map((f) => {
    const t: MappingTarget = { code: f.code, name: f.name, type: f.type, synonyms: [f.name, ...f.synonyms] };
    if (f.unit) t.unit = f.unit;
    if (f.required) t.required = true;
    if (f.options) t.options = f.options;
    return t;
  });
  if (opts.withZone !== false) targets.push(zoneTarget());
  return targets;
}

const LAST_YEAR_WORDS = ['上年', '去年', '同期', '上一年'];

export function indicatorTargetCode(code: string, column: 'current' | 'lastYear'): string {
  return `indicator:${code}:${column}`;
}

export function parseIndicatorTargetCode(target: string): { code: string; column: 'current' | 'lastYear' } | null {
  const m = /^indicator:(.+):(current|lastYear)$/.exec(target);
  if (!m?.[1]) return null;
  return { code: m[1], column: m[2] === 'lastYear' ? 'lastYear' : 'current' };
}

/**
 * Targets for a ledger of indicator values laid out with one row per zone and, per indicator,
 * a column for this period and (where it compares) one for last year: "规上工业增加值 / 上年同期".
 */
export function indicatorTargets(indicators: Indicator[], opts: { withZone?: boolean } = {}): MappingTarget[] {
  const targets: MappingTarget[] = [];
  for (const ind of indicators) {
    if (ind.source !== 'entered' || ind.kind === 'text') continue;
    const base = { name: ind.name, type: 'number' as const, synonyms: [ind.name, ind.code], unit: ind.unit };
    targets.push({ ...base, code: indicatorTargetCode(ind.code, 'current'), excludeWords: LAST_YEAR_WORDS });
    if (ind.compareLastYear) {
      targets.push({ ...base, code: indicatorTargetCode(ind.code, 'lastYear'), name: `${ind.name}（上年同期）`, requireWords: LAST_YEAR_WORDS });
    }
  }
  if (opts.withZone !== false) targets.push(zoneTarget());
  return targets;
}
