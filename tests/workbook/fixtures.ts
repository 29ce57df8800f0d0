/** Seed data for the workbook tests, through the domain core's own loaders. */
import type { IndicatorSet, ZoneReturn } from '../../src-shared/model';
import { EXAMPLE_NAMES, exampleReturn, kfqSet } from '../../src-shared/seeds';
import { submissionZone, type SubmissionZone } from '../../src-shared/workbook';

export function seedSet(): IndicatorSet {
  return kfqSet();
}

export function exampleReturns(): Array<{ name: string; ret: ZoneReturn }> {
  return EXAMPLE_NAMES.map((name) => ({ name: `${name}.json`, ret: exampleReturn(name) }));
}

export function zoneOf(zoneId: string): SubmissionZone {
  const zone = submissionZone(zoneId);
  if (!zone) throw new Error(`zone ${zoneId} not in seeds/zones.json`);
  return zone;
}
