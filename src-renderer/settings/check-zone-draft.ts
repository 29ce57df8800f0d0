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
  /** 设立年份, optional: a zone set up that year has no 上年同期. */
  establishedYear: string;
}

export const emptyZoneDraft = (cityCode = ''): ZoneDraft => ({ id: '', name: '', shortName: '', cityCode, county: '', type: 'industrial', level: '省级', establishedYear: '' });

export function draftOf(zone: Zone): ZoneDraft {
  return { id: zone.id, name: zone.name, shortName: zone.shortName ?? '', cityCode: zone.cityCode, county: zone.county, type: zone.type, level: zone.level, establishedYear: zone.establishedYear === undefined ? '' : String(zone.establishedYear) };
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
  const yearText = d.establishedYear.trim().replace(/年$/, '');
  const year = yearText === '' ? undefined : Number(yearText);
  if (year !== undefined && (!Number.isInteger(year) || year < 1980 || year > 2100)) problems.establishedYear = `设立年份「${d.establishedYear}」应为年份（如 2024），不是新设开发区可不填`;
  if (Object.keys(problems).length > 0 || !type || !level) return { ok: false, problems };
  const zone: Zone = { id, name: d.name.trim(), cityCode: d.cityCode, county: d.county.trim(), type, level };
  if (d.shortName.trim() !== '') zone.shortName = d.shortName.trim();
  if (year !== undefined) zone.establishedYear = year;
  return { ok: true, zone };
}
