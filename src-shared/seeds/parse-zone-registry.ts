import { ZONE_REGISTRY_FORMAT, type City, type Result, type Zone, type ZoneRegistry, type ZoneType } from '../model';
import { JsonReader } from './json-reader';

const ZONE_ID = /^[a-z0-9][a-z0-9-]*$/;
export const ZONE_TYPES = ['industrial', 'tourism', 'agricultural'] as const satisfies readonly ZoneType[];
/** Chinese names of the zone types, for messages and the 设置 screen. */
export const ZONE_TYPE_NAMES: Record<ZoneType, string> = { industrial: '工业类', tourism: '旅游类', agricultural: '农业类' };

/** Checks and reads a zone registry (format `zone-returns/zone-registry@1`). */
export function parseZoneRegistry(json: unknown, source?: string): Result<ZoneRegistry> {
  const r = new JsonReader(source, '开发区名录');
  const root = r.object(json, '$');
  if (!root) return { ok: false, issues: r.issues };
  if (root['format'] !== ZONE_REGISTRY_FORMAT) {
    r.error('$.format', 'unknown-format', `格式标识应为「${ZONE_REGISTRY_FORMAT}」，实际为「${String(root['format'])}」；请确认这是本程序的开发区名录文件`, root['format']);
    return { ok: false, issues: r.issues };
  }
  const version = r.string(root, 'version', '$');
  const listSource = r.string(root, 'source', '$', { required: false });
  const cities: City[] = [];
  (r.array(root, 'cities', '$', { nonEmpty: true }) ?? []).forEach((cv, i) => {
    const p = `$.cities[${i}]`;
    const c = r.object(cv, p);
    if (!c) return;
    const code = r.string(c, 'code', p);
    const name = r.string(c, 'name', p);
    if (code !== undefined && !/^\d{6}$/.test(code)) r.error(`${p}.code`, 'bad-city-code', `行政区划代码应为6位数字，实际为「${code}」`, code);
    if (code !== undefined && cities.some((x) => x.code === code)) r.error(`${p}.code`, 'duplicate-city', `市的代码「${code}」重复`, code);
    if (code !== undefined && name !== undefined) cities.push({ code, name });
  });
  const zones: Zone[] = [];
  (r.array(root, 'zones', '$', { nonEmpty: true }) ?? []).forEach((zv, i) => {
    const p = `$.zones[${i}]`;
    const z = r.object(zv, p);
    if (!z) return;
    const id = r.string(z, 'id', p);
    if (id !== undefined && !ZONE_ID.test(id)) r.error(`${p}.id`, 'bad-zone-id', `开发区编号「${id}」只能由小写字母、数字和连字符组成`, id);
    if (id !== undefined && zones.some((x) => x.id === id)) r.error(`${p}.id`, 'duplicate-zone', `开发区编号「${id}」重复，请改为唯一的编号`, id);
    const name = r.string(z, 'name', p);
    const shortName = r.string(z, 'shortName', p, { required: false });
    const establishedYear = r.number(z, 'establishedYear', p, { required: false, integer: true, min: 1980, max: 2100 });
    const formerNames = r.stringList(z, 'formerNames', p, { required: false });
    const cityCode = r.string(z, 'cityCode', p);
    if (cityCode !== undefined && !cities.some((c) => c.code === cityCode)) r.error(`${p}.cityCode`, 'unknown-city', `所属市代码「${cityCode}」不在 cities 中，请先添加该市`, cityCode);
    const county = r.string(z, 'county', p);
    const type = r.oneOf(z, 'type', p, ZONE_TYPES, '开发区类型');
    const level = r.oneOf(z, 'level', p, ['国家级', '省级'] as const, '级别');
    if (id === undefined || name === undefined || cityCode === undefined || county === undefined || !type || !level) return;
    const zone: Zone = { id, name, cityCode, county, type, level };
    if (shortName !== undefined) zone.shortName = shortName;
    if (establishedYear !== undefined) zone.establishedYear = establishedYear;
    if (formerNames !== undefined) zone.formerNames = formerNames;
    zones.push(zone);
  });
  if (!r.ok || version === undefined) return { ok: false, issues: r.issues };
  const registry: ZoneRegistry = { format: ZONE_REGISTRY_FORMAT, version, cities, zones };
  if (listSource !== undefined) registry.source = listSource;
  return { ok: true, value: registry, issues: r.issues };
}
