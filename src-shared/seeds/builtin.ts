import type { Indicator, IndicatorSet, Period, Result, ZoneRegistry, ZoneType } from '../model';
import kfqQuarterly2023 from '../../seeds/indicator-sets/kfq-quarterly-2023.json';
import kfqQuarterly2024 from '../../seeds/indicator-sets/kfq-quarterly-2024.json';
import kfqQuarterly2025 from '../../seeds/indicator-sets/kfq-quarterly-2025.json';
import zonesJson from '../../seeds/zones.json';
import { parseIndicatorSet } from './parse-indicator-set';
import { parseZoneRegistry } from './parse-zone-registry';

// 2024 stays first: callers written before the other years take builtinIndicatorSets()[0] as the 2024 set.
const SEED_SETS: Array<{ source: string; json: unknown }> = [
  { source: 'seeds/indicator-sets/kfq-quarterly-2024.json', json: kfqQuarterly2024 },
  { source: 'seeds/indicator-sets/kfq-quarterly-2023.json', json: kfqQuarterly2023 },
  { source: 'seeds/indicator-sets/kfq-quarterly-2025.json', json: kfqQuarterly2025 },
];

/** The source file of each built-in set, for tests and messages. */
export const BUILTIN_SET_SOURCES: readonly string[] = SEED_SETS.map((s) => s.source);

let sets: IndicatorSet[] | undefined;
let registry: ZoneRegistry | undefined;

/** The indicator sets shipped with the program. A seed that fails its own schema is a bug: it throws. */
export function builtinIndicatorSets(): IndicatorSet[] {
  sets ??= SEED_SETS.map(({ source, json }) => {
    const r = parseIndicatorSet(json, source);
    if (!r.ok) throw new Error(`内置指标集 ${source} 无效：${r.issues.map((i) => i.message).join('；')}`);
    return r.value;
  });
  return sets;
}

/**
 * Adds indicator sets published by the collection server (checked by checkPublishedIndicatorSet)
 * to the sets every lookup sees: a new return takes the newest set of its year, while a return
 * already started keeps the id and version it was created with. A version already present is
 * not replaced (a published version never changes). Returns the sets actually added.
 */
export function installIndicatorSets(extra: readonly IndicatorSet[]): IndicatorSet[] {
  const all = builtinIndicatorSets();
  const added: IndicatorSet[] = [];
  for (const set of extra) {
    if (all.some((s) => s.id === set.id && s.version === set.version)) continue;
    all.push(set);
    added.push(set);
  }
  return added;
}

export function builtinZoneRegistry(): ZoneRegistry {
  if (!registry) {
    const r = parseZoneRegistry(zonesJson, 'seeds/zones.json');
    if (!r.ok) throw new Error(`内置开发区名录无效：${r.issues.map((i) => i.message).join('；')}`);
    registry = r.value;
  }
  return registry;
}

/** Compares dotted versions numerically (2024.10 after 2024.9). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return 0;
}

/** A built-in set by id; the given version, or the latest one. */
export function findIndicatorSet(id: string, version?: string, among: IndicatorSet[] = builtinIndicatorSets()): IndicatorSet | undefined {
  const candidates = among.filter((s) => s.id === id && (version === undefined || s.version === version));
  return candidates.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** Every indicator of the set, in section order. */
export function allIndicators(set: IndicatorSet): Indicator[] {
  return set.sections.flatMap((s) => s.indicators);
}

/** The indicators a zone of this type reports, in section order. */
export function indicatorsFor(set: IndicatorSet, zoneType: ZoneType): Indicator[] {
  return allIndicators(set).filter((i) => i.zoneTypes.includes(zoneType));
}

export function indicatorByCode(set: IndicatorSet, code: string): Indicator | undefined {
  return allIndicators(set).find((i) => i.code === code);
}

export function zoneTypeOf(zoneId: string, reg: ZoneRegistry = builtinZoneRegistry()): ZoneType | undefined {
  return reg.zones.find((z) => z.id === zoneId)?.type;
}

/**
 * The set in force for a year: that year's newest version of `id` (any id when not given). A year
 * without a set is an error that says so; another year's targets are never used instead.
 */
export function indicatorSetInForce(year: number, opts: { id?: string; among?: readonly IndicatorSet[] } = {}): Result<IndicatorSet> {
  const among = opts.among ?? builtinIndicatorSets();
  const pool = among.filter((s) => opts.id === undefined || s.id === opts.id);
  const found = pool.filter((s) => s.year === year).sort((a, b) => compareVersions(b.version, a.version))[0];
  if (found) return { ok: true, value: found, issues: [] };
  const years = [...new Set(pool.map((s) => s.year))].sort((a, b) => a - b);
  return {
    ok: false,
    issues: [{ code: 'no-set-in-force', severity: 'error', message: `没有${year}年适用的指标集${opts.id ? `「${opts.id}」` : ''}（现有年份：${years.join('、') || '无'}）。请升级程序，或用该年的指标集文件（见 docs/indicator-set-format.md）；不能用其他年份的指标集和省定目标代替` }],
  };
}

/** A set may check a return only of its own year; the issue says which set is in force instead. */
export function checkSetForPeriod(set: IndicatorSet, period: Period, among?: readonly IndicatorSet[]): Result<IndicatorSet> {
  if (set.year === period.year) return { ok: true, value: set, issues: [] };
  const inForce = indicatorSetInForce(period.year, { id: set.id, ...(among ? { among } : {}) });
  const instead = inForce.ok ? `${period.year}年适用的是「${inForce.value.id} ${inForce.value.version}」，请改用该指标集` : `本程序没有${period.year}年的指标集，请升级程序或用 --set 指定该年的指标集文件`;
  return { ok: false, issues: [{ code: 'set-year-mismatch', severity: 'error', message: `报告期为${period.year}年，而指标集「${set.id} ${set.version}」是${set.year}年的（省定目标随年份不同）；${instead}` }] };
}

/** Whether a zone is new in the period's year (set up that year, so without 上年同期). */
export function isNewZone(zoneId: string, year: number, reg: ZoneRegistry = builtinZoneRegistry()): boolean {
  const est = reg.zones.find((z) => z.id === zoneId)?.establishedYear;
  return est !== undefined && est >= year;
}
