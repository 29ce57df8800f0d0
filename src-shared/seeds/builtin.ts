import type { Indicator, IndicatorSet, ZoneRegistry, ZoneType } from '../model';
import kfqQuarterly2024 from '../../seeds/indicator-sets/kfq-quarterly-2024.json';
import zonesJson from '../../seeds/zones.json';
import { parseIndicatorSet } from './parse-indicator-set';
import { parseZoneRegistry } from './parse-zone-registry';

const SEED_SETS: Array<{ source: string; json: unknown }> = [{ source: 'seeds/indicator-sets/kfq-quarterly-2024.json', json: kfqQuarterly2024 }];

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
