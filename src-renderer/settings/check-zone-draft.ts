import type { City, Zone, ZoneType } from '../../src-shared/model';
import { ZONE_TYPES } from '../../src-shared/seeds';

/** What the 开发区名录 form holds while a zone is added or edited: text as typed. */
export interface ZoneDraft {
  id: string;
  name: string;
  shortName: string;
  cityCode: string;
  county: string;
  type: string;
  level: string;
}

export const emptyZoneDraft = (cityCode = ''): ZoneDraft => ({ id: '', name: '', shortName: '', cityCode, county: '', type: 'industrial', level: '省级' });

export function draftOf(zone: Zone): ZoneDraft {
  return { id: zone.id, name: zone.name, shortName: zone.shortName ?? '', cityCode: zone.cityCode, county: zone.county, type: zone.type, level: zone.level };
}

const ZONE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Checks a draft; problems are keyed by field with a Chinese message saying what to type. */
export function checkZoneDraft(d: ZoneDraft, cities: readonly City[], takenIds: ReadonlySet<string>, isNew: boolean): { ok: true; zone: Zone } | { ok: false; problems: Partial<Record<keyof ZoneDraft, string>> } {
  const problems: Partial<Record<keyof ZoneDraft, string>> = {};
  const id = d.id.trim();
  if (isNew) {
    if (id === '') problems.id = '请填写编号（小写字母、数字和连字符，如 xinjian-kfq）；编号一经使用不再改变';
    else if (!ZONE_ID.test(id)) problems.id = `编号「${id}」只能由小写字母、数字和连字符组成`;
    else if (takenIds.has(id)) problems.id = `编号「${id}」已被其他开发区使用，请换一个`;
  }
  if (d.name.trim() === '') problems.name = '请填写开发区名称';
  if (!cities.some((c) => c.code === d.cityCode)) problems.cityCode = '请选择所属市';
  if (d.county.trim() === '') problems.county = '请填写所在县（市、区）';
  const type = ZONE_TYPES.find((t): t is ZoneType => t === d.type);
  if (!type) problems.type = '请选择开发区类型';
  const level = d.level === '国家级' || d.level === '省级' ? d.level : undefined;
  if (!level) problems.level = '请选择级别';
  if (Object.keys(problems).length > 0 || !type || !level) return { ok: false, problems };
  const zone: Zone = { id, name: d.name.trim(), cityCode: d.cityCode, county: d.county.trim(), type, level };
  if (d.shortName.trim() !== '') zone.shortName = d.shortName.trim();
  return { ok: true, zone };
}
