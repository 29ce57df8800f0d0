import type { Result, UserIssue, Zone, ZoneRegistry, ZoneType } from '../model';
import { ZONE_TYPE_NAMES, ZONE_TYPES } from './parse-zone-registry';

/** Header texts of a registry sheet (开发区名录表), by the zone field they fill. */
const HEADERS: Record<string, readonly string[]> = {
  id: ['编号', '开发区编号', 'id'],
  name: ['开发区名称', '名称', '开发区'],
  shortName: ['简称'],
  city: ['所属市', '市', '设区市', '所在市'],
  county: ['县区', '所在县区', '县（市、区）', '县(市、区)', '所在县（市、区）', '县'],
  type: ['类型', '开发区类型'],
  level: ['级别'],
  establishedYear: ['设立年份', '设立年度', '新设年份'],
};

const ZONE_ID = /^[a-z0-9][a-z0-9-]*$/;
const clean = (s: string | undefined): string => (s ?? '').replace(/\s+/g, '').trim();

export interface ZoneSheetResult {
  /** Zones as the sheet gives them; an existing zone keeps its id (matched by id, else by name or a former name). */
  zones: Zone[];
  added: string[];
  updated: string[];
}

/**
 * Reads a registry sheet (rows of text, header first: 编号, 开发区名称, 简称, 所属市, 县区, 类型, 级别,
 * 设立年份). A row without 编号 updates the zone of that name; a new zone needs its 编号, which never
 * changes afterwards. Every problem names the sheet, row and column; nothing is taken from a sheet with errors.
 */
export function zonesFromSheet(rows: readonly (readonly string[])[], registry: ZoneRegistry, existing: readonly Zone[], where: { file?: string; sheet?: string } = {}): Result<ZoneSheetResult> {
  const issues: UserIssue[] = [];
  const at = (row: number, column: string, code: string, message: string): void => {
    issues.push({ code, severity: 'error', message: `${where.sheet ? `「${where.sheet}」表` : ''}第${row}行「${column}」：${message}`, location: { ...where, row, column } });
  };
  const headerIndex = rows.findIndex((r) => r.some((c) => HEADERS['name']?.includes(clean(c))));
  if (headerIndex < 0) return { ok: false, issues: [{ code: 'no-header', severity: 'error', message: '找不到表头：名录表应有“开发区名称”列（以及编号、所属市、县区、类型、级别）。请按说明整理后再导入', location: where }] };
  const header = (rows[headerIndex] ?? []).map(clean);
  const col = (key: string): number => header.findIndex((h) => HEADERS[key]?.includes(h));
  const cols = Object.fromEntries(Object.keys(HEADERS).map((k) => [k, col(k)] as const));
  const cell = (r: readonly string[], key: string): string => {
    const i = cols[key] ?? -1;
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  const zones: Zone[] = [];
  const added: string[] = [];
  const updated: string[] = [];
  const seen = new Set<string>();
  rows.slice(headerIndex + 1).forEach((r, i) => {
    const rowNo = headerIndex + i + 2;
    const name = cell(r, 'name');
    if (name === '' && r.every((c) => c.trim() === '')) return;
    if (name === '') return at(rowNo, '开发区名称', 'missing', '缺少开发区名称，请补上或删除该行');
    const idText = cell(r, 'id');
    const match = existing.find((z) => (idText !== '' ? z.id === idText : z.name === name || z.formerNames?.includes(name) || z.shortName === name));
    const id = idText !== '' ? idText : match?.id;
    if (id === undefined) return at(rowNo, '编号', 'missing-id', `新开发区「${name}」须填编号（小写字母、数字和连字符，如 xinjian-kfq）；编号一经使用不再改变`);
    if (!ZONE_ID.test(id)) return at(rowNo, '编号', 'bad-zone-id', `编号「${id}」只能由小写字母、数字和连字符组成`);
    if (seen.has(id)) return at(rowNo, '编号', 'duplicate-zone', `编号「${id}」在表中出现了两次，请只保留一行`);
    seen.add(id);
    const cityText = cell(r, 'city');
    const city = cityText === '' ? registry.cities.find((c) => c.code === match?.cityCode) : registry.cities.find((c) => c.name === cityText || c.name === `${cityText}市` || c.code === cityText);
    if (!city) return at(rowNo, '所属市', 'unknown-city', cityText === '' ? '缺少所属市' : `「${cityText}」不是名录中的市（${registry.cities.map((c) => c.name).join('、')}）`);
    const typeText = cell(r, 'type');
    const type: ZoneType | undefined = typeText === '' ? match?.type : ZONE_TYPES.find((t) => t === typeText || ZONE_TYPE_NAMES[t] === typeText || ZONE_TYPE_NAMES[t] === `${typeText}类`);
    if (!type) return at(rowNo, '类型', 'unknown-type', `类型「${typeText}」不可识别，应为${ZONE_TYPES.map((t) => ZONE_TYPE_NAMES[t]).join('、')}`);
    const levelText = cell(r, 'level');
    const level = levelText === '' ? match?.level : levelText === '国家级' || levelText === '省级' ? levelText : undefined;
    if (!level) return at(rowNo, '级别', 'unknown-level', `级别「${levelText}」应为“国家级”或“省级”`);
    const county = cell(r, 'county') || match?.county || '';
    if (county === '') return at(rowNo, '县区', 'missing', '缺少所在县（市、区）');
    const zone: Zone = { id, name, cityCode: city.code, county, type, level };
    const shortName = cell(r, 'shortName') || match?.shortName;
    if (shortName) zone.shortName = shortName;
    const yearText = cell(r, 'establishedYear');
    if (yearText !== '') {
      const year = Number(yearText.replace(/年$/, ''));
      if (!Number.isInteger(year) || year < 1980 || year > 2100) return at(rowNo, '设立年份', 'bad-year', `「${yearText}」不是年份（如 2024）`);
      zone.establishedYear = year;
    } else if (match?.establishedYear !== undefined) zone.establishedYear = match.establishedYear;
    const formerNames = match && match.name !== name ? [...(match.formerNames ?? []), match.name] : match?.formerNames;
    if (formerNames && formerNames.length > 0) zone.formerNames = formerNames;
    zones.push(zone);
    (match ? updated : added).push(id);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (zones.length === 0) return { ok: false, issues: [{ code: 'empty', severity: 'error', message: '名录表中没有开发区行', location: where }] };
  return { ok: true, value: { zones, added, updated }, issues: [] };
}
