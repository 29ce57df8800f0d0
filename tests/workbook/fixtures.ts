/** Seed data for the workbook tests, read from the repository's seeds. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorSet, ZoneRegistry, ZoneReturn } from '../../src-shared/model';
import type { SubmissionZone } from '../../src-shared/workbook';

const root = join(import.meta.dirname, '..', '..');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
}

export function seedSet(): IndicatorSet {
  const set = readJson('seeds/indicator-sets/kfq-quarterly-2024.json');
  return set as IndicatorSet;
}

export function seedRegistry(): ZoneRegistry {
  return readJson('seeds/zones.json') as ZoneRegistry;
}

export function exampleReturns(): Array<{ name: string; ret: ZoneReturn }> {
  return readdirSync(join(root, 'seeds', 'examples'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, ret: readJson(join('seeds', 'examples', name)) as ZoneReturn }));
}

export function zoneOf(zoneId: string): SubmissionZone {
  const registry = seedRegistry();
  const zone = registry.zones.find((z) => z.id === zoneId);
  if (!zone) throw new Error(`zone ${zoneId} not in seeds/zones.json`);
  const city = registry.cities.find((c) => c.code === zone.cityCode);
  return { id: zone.id, name: zone.name, cityName: city?.name ?? '', county: zone.county, type: zone.type };
}
