import type { ZoneRegistry } from '../model';
import { builtinZoneRegistry } from '../seeds';
import type { SubmissionZone } from './payload';

/** The zone as the workbook names it (zone, city, county, type), from the registry; undefined when unknown. */
export function submissionZone(zoneId: string, registry: ZoneRegistry = builtinZoneRegistry()): SubmissionZone | undefined {
  const zone = registry.zones.find((z) => z.id === zoneId);
  if (!zone) return undefined;
  const city = registry.cities.find((c) => c.code === zone.cityCode);
  return { id: zone.id, name: zone.name, cityName: city?.name ?? '', county: zone.county, type: zone.type };
}
