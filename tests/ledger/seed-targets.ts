/** Targets from the shipped indicator set, as the app and the CLI build them. */
import { indicatorTargets, rosterTargets, type MappingTarget } from '../../src-shared/ledger';
import type { IndicatorSet } from '../../src-shared/model';
import { allIndicators, builtinIndicatorSets, builtinZoneRegistry } from '../../src-shared/seeds';

export function seedSet(): IndicatorSet {
  const set = builtinIndicatorSets()[0];
  if (!set) throw new Error('no built-in indicator set');
  return set;
}

export function seedRosterTargets(): MappingTarget[] {
  return rosterTargets(seedSet().roster.fields);
}

export function seedIndicatorTargets(): MappingTarget[] {
  return indicatorTargets(allIndicators(seedSet()));
}

export function resolveSeedZone(text: string): string | undefined {
  return builtinZoneRegistry().zones.find((z) => z.name === text.trim())?.id;
}
