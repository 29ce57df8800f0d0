/**
 * Ledgers of indicator values (zones × indicators, this year and last year), which is how last
 * year's figures come in. Two layouts are read:
 *  - wide: one row per zone, per indicator a column for this period and one for 上年同期;
 *  - long: one row per indicator (and zone), with 本期 and 上年同期 columns.
 */
import type { Indicator, IndicatorValue, UserIssue } from '../model';
import { issue } from './issues';
import { normaliseHeaderText } from './match-header';
import { indicatorTargets, parseIndicatorTargetCode, ZONE_TARGET_CODE, zoneTarget } from './targets';
import type { MappedLedger, MappingTarget } from './types';
import { convertible, convertValue, unitFromSpelling } from './units';

export interface IndicatorLedgerRow {
  sheet: string;
  row: number;
  zoneId: string | null;
  values: Record<string, IndicatorValue>;
  issues: UserIssue[];
}

export interface ZoneResolution {
  defaultZoneId: string | null;
  resolveZone?: (text: string) => string | undefined;
}

function zoneOf(values: Record<string, unknown>, sheet: string, row: number, opts: ZoneResolution, issues: UserIssue[]): string | null {
  const text = values[ZONE_TARGET_CODE];
  if (typeof text === 'string' && text !== '') {
    const id = opts.resolveZone?.(text);
    if (id) return id;
    issues.push(issue('unknown-zone', 'error', `第 ${row} 行的开发区「${text}」不在开发区名录中，这一行不能导入。请改成名录中的名称。`, { sheet, row }, text));
    return null;
  }
  if (opts.defaultZoneId === null) issues.push(issue('no-zone', 'error', `第 ${row} 行不知道属于哪个开发区。请先选择开发区，或在表中加一列“开发区”。`, { sheet, row }));
  return opts.defaultZoneId;
}

/** Wide layout: the mapping's targets are `indicator:<code>:current|lastYear` (see `indicatorTargets`). */
export function indicatorRowsFromWide(mapped: MappedLedger, opts: ZoneResolution): IndicatorLedgerRow[] {
  return mapped.rows.map((m) => {
    const issues = [...m.issues];
    const zoneId = zoneOf(m.values, m.sheet, m.row, opts, issues);
    const values: Record<string, IndicatorValue> = {};
    for (const [target, v] of Object.entries(m.values)) {
      const parsed = parseIndicatorTargetCode(target);
      if (!parsed || typeof v !== 'number') continue;
      const entry = values[parsed.code] ?? {};
      entry[parsed.column] = v;
      values[parsed.code] = entry;
    }
    return { sheet: m.sheet, row: m.row, zoneId, values, issues };
  });
}

export const LONG_INDICATOR = '$indicator';
export const LONG_CURRENT = '$current';
export const LONG_LAST_YEAR = '$lastYear';
export const LONG_UNIT = '$unit';

/** Targets of the long layout. The number columns keep their cells' units; conversion happens per indicator. */
export function longIndicatorTargets(): MappingTarget[] {
  return [
    { code: LONG_INDICATOR, name: '指标名称', type: 'text', synonyms: ['指标名称', '指标', '项目', '指标项'] },
    { code: LONG_CURRENT, name: '本期', type: 'number', synonyms: ['本期', '本年累计', '本期累计', '本年', '今年', '累计完成', '本期数', '本年实际'], excludeWords: ['上年', '去年', '同期'], periodColumn: 'current' },
    { code: LONG_LAST_YEAR, name: '上年同期', type: 'number', synonyms: ['上年同期', '去年同期', '上年', '上年累计', '上年同期数'], requireWords: ['上年', '去年', '同期'], periodColumn: 'lastYear' },
    { code: LONG_UNIT, name: '计量单位', type: 'text', synonyms: ['计量单位', '单位'] },
    zoneTarget(),
  ];
}

export function indicatorRowsFromLong(mapped: MappedLedger, indicators: Indicator[], opts: ZoneResolution): IndicatorLedgerRow[] {
  const byName = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (ind.source !== 'entered' || ind.kind === 'text') continue;
    byName.set(normaliseHeaderText(ind.name), ind);
    byName.set(ind.code.toLowerCase(), ind);
  }
  const out = new Map<string, IndicatorLedgerRow>();
  for (const m of mapped.rows) {
    const issues = [...m.issues];
    const zoneId = zoneOf(m.values, m.sheet, m.row, opts, issues);
    const name = m.values[LONG_INDICATOR];
    const ind = typeof name === 'string' ? byName.get(normaliseHeaderText(name.replace(/^[一二三四五六七八九十\d]+[、.．]\s*/, ''))) : undefined;
    const key = zoneId ?? `row-${m.row}`;
    const row = out.get(key) ?? { sheet: m.sheet, row: m.row, zoneId, values: {}, issues: [] };
    row.issues.push(...issues);
    if (!ind) {
      if (typeof name === 'string' && name !== '') row.issues.push(issue('unknown-indicator', 'warning', `第 ${m.row} 行的指标「${name}」不在当前指标体系中，已跳过。`, { sheet: m.sheet, row: m.row }, name));
      out.set(key, row);
      continue;
    }
    const entry: IndicatorValue = {};
    // The row's 计量单位 (万元 where the set counts 亿元) converts its figures to the indicator's unit.
    const unitText = m.values[LONG_UNIT];
    const unit = typeof unitText === 'string' ? unitFromSpelling(unitText.replace(/[()（）\s]/g, '')) : undefined;
    const inUnit = (v: number): number => (unit && convertible(unit, ind.unit) ? convertValue(v, unit, ind.unit) : v);
    const current = m.values[LONG_CURRENT];
    const lastYear = m.values[LONG_LAST_YEAR];
    if (typeof current === 'number') entry.current = inUnit(current);
    if (typeof lastYear === 'number' && ind.compareLastYear) entry.lastYear = inUnit(lastYear);
    row.values[ind.code] = entry;
    out.set(key, row);
  }
  return [...out.values()];
}

/** Overlays imported values on a return's values: a value the ledger has replaces the stored one, others stay. */
export function mergeIndicatorValues(stored: Record<string, IndicatorValue>, imported: Record<string, IndicatorValue>): Record<string, IndicatorValue> {
  const out: Record<string, IndicatorValue> = { ...stored };
  for (const [code, v] of Object.entries(imported)) out[code] = { ...stored[code], ...v };
  return out;
}

/** Targets for a ledger of indicator values in either layout (the zone target once). */
export function indicatorLedgerTargets(indicators: Indicator[]): MappingTarget[] {
  return [...indicatorTargets(indicators), ...longIndicatorTargets().filter((t) => t.code !== ZONE_TARGET_CODE)];
}

/** Reads either layout: wide when some column maps to an indicator, long otherwise. */
export function indicatorRowsFromLedger(mapped: MappedLedger, indicators: Indicator[], opts: ZoneResolution): IndicatorLedgerRow[] {
  const wide = mapped.mapping.columns.some((c) => c.target !== null && parseIndicatorTargetCode(c.target) !== null);
  return wide ? indicatorRowsFromWide(mapped, opts) : indicatorRowsFromLong(mapped, indicators, opts);
}
