import { RETURN_FORMAT, type CoverInfo, type IndicatorValue, type Period, type Result, type RosterRow, type ZoneReturn } from '../model';
import { isValidPeriod } from '../period';
import { JsonReader, kindOf } from '../seeds/json-reader';

const COVER_KEYS = ['unitHead', 'statisticsHead', 'filler', 'phone', 'reportDate'] as const satisfies ReadonlyArray<keyof CoverInfo>;
const TOP_KEYS = ['format', 'indicatorSet', 'zoneId', 'period', 'values', 'roster', 'explanations', 'cover'];

/**
 * Reads a return in the canonical form `zone-returns/return@1` (docs/return-format.md). Every problem
 * names its JSON path. It checks the form only; what the values mean is checked by `validateReturn`.
 */
export function parseReturn(json: unknown, source?: string): Result<ZoneReturn> {
  const r = new JsonReader(source, '报表');
  const root = r.object(json, '$');
  if (!root) return { ok: false, issues: r.issues };
  const format = root['format'];
  if (format !== RETURN_FORMAT) {
    const newer = typeof format === 'string' && /^zone-returns\/return@\d+$/.test(format);
    r.error('$.format', 'unknown-format', newer ? `报表格式「${format}」不受本程序支持（本程序读取「${RETURN_FORMAT}」），请升级程序后再打开` : `不是本程序的报表文件：format 应为「${RETURN_FORMAT}」，实际为${kindOf(format)}`, format);
    return { ok: false, issues: r.issues };
  }
  for (const key of Object.keys(root)) {
    if (!TOP_KEYS.includes(key)) r.issues.push({ code: 'unknown-property', severity: 'warning', message: `报表${source ? `文件 ${source} ` : ''}的 $.${key} 不是报表格式中的项目，已忽略`, location: { path: `$.${key}`, ...(source ? { file: source } : {}) } });
  }

  const setObj = root['indicatorSet'] === undefined ? (r.error('$.indicatorSet', 'missing', '缺少指标集标识 indicatorSet（{"id":…,"version":…}），请补上'), undefined) : r.object(root['indicatorSet'], '$.indicatorSet');
  const setId = setObj ? r.string(setObj, 'id', '$.indicatorSet') : undefined;
  const setVersion = setObj ? r.string(setObj, 'version', '$.indicatorSet') : undefined;
  const zoneId = r.string(root, 'zoneId', '$');
  const period = readPeriod(r, root['period']);

  const values: Record<string, IndicatorValue> = {};
  const valuesObj = root['values'] === undefined ? (r.error('$.values', 'missing', '缺少指标值 values（没有数值时写 {}）'), undefined) : r.object(root['values'], '$.values');
  for (const [code, raw] of Object.entries(valuesObj ?? {})) {
    const p = `$.values.${code}`;
    const o = r.object(raw, p);
    if (!o) continue;
    const v: IndicatorValue = {};
    for (const key of Object.keys(o)) {
      if (key !== 'current' && key !== 'lastYear') r.error(`${p}.${key}`, 'unknown-property', `指标值只能有 current 和 lastYear 两项，「${key}」不可识别`);
    }
    const current = o['current'];
    if (current === null || typeof current === 'string' || (typeof current === 'number' && Number.isFinite(current))) v.current = current;
    else if (current !== undefined) r.error(`${p}.current`, 'wrong-type', `本期值应为数值、文字或 null，实际为${kindOf(current)}`, current);
    const lastYear = o['lastYear'];
    if (lastYear === null || (typeof lastYear === 'number' && Number.isFinite(lastYear))) v.lastYear = lastYear;
    else if (lastYear !== undefined) r.error(`${p}.lastYear`, 'wrong-type', `上年同期数应为数值或 null，实际为${kindOf(lastYear)}`, lastYear);
    values[code] = v;
  }

  const roster: RosterRow[] = [];
  const ids = new Set<string>();
  (r.array(root, 'roster', '$') ?? []).forEach((rv, i) => {
    const p = `$.roster[${i}]`;
    const o = r.object(rv, p);
    if (!o) return;
    const id = r.string(o, 'id', p);
    if (id === undefined) return;
    if (ids.has(id)) r.error(`${p}.id`, 'duplicate-row-id', `项目行编号「${id}」重复，每一行须有唯一的编号`, id);
    ids.add(id);
    const row: RosterRow = { id };
    for (const [key, cell] of Object.entries(o)) {
      if (key === 'id') continue;
      if (cell === null || typeof cell === 'string' || typeof cell === 'boolean' || (typeof cell === 'number' && Number.isFinite(cell))) row[key] = cell;
      else r.error(`${p}.${key}`, 'wrong-type', `台账单元格应为文字、数值、true/false 或 null，实际为${kindOf(cell)}`, cell);
    }
    roster.push(row);
  });

  const explanations: Record<string, string> = {};
  const exObj = root['explanations'] === undefined ? {} : r.object(root['explanations'], '$.explanations');
  for (const [key, text] of Object.entries(exObj ?? {})) {
    if (typeof text === 'string') explanations[key] = text;
    else r.error(`$.explanations.${key}`, 'wrong-type', `合理性说明应为文字，实际为${kindOf(text)}`, text);
  }

  const cover: CoverInfo = {};
  const coverObj = root['cover'] === undefined ? {} : r.object(root['cover'], '$.cover');
  for (const key of COVER_KEYS) {
    const v = coverObj ? r.string(coverObj, key, '$.cover', { required: false }) : undefined;
    if (v !== undefined) cover[key] = v;
  }
  if (cover.reportDate !== undefined && cover.reportDate !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(cover.reportDate)) r.error('$.cover.reportDate', 'bad-date', `报出日期应为 yyyy-mm-dd，实际为「${cover.reportDate}」`, cover.reportDate);

  if (!r.ok || setId === undefined || setVersion === undefined || zoneId === undefined || !period) return { ok: false, issues: r.issues };
  return { ok: true, value: { format: RETURN_FORMAT, indicatorSet: { id: setId, version: setVersion }, zoneId, period, values, roster, explanations, cover }, issues: r.issues };
}

function readPeriod(r: JsonReader, v: unknown): Period | undefined {
  if (v === undefined) {
    r.error('$.period', 'missing', '缺少报告期 period（如 {"year":2024,"endMonth":3,"frequency":"quarter"}）');
    return undefined;
  }
  const o = r.object(v, '$.period');
  if (!o) return undefined;
  const year = r.number(o, 'year', '$.period', { integer: true, min: 2000, max: 2100 });
  const endMonth = r.number(o, 'endMonth', '$.period', { integer: true, min: 1, max: 12 });
  const frequency = r.oneOf(o, 'frequency', '$.period', ['quarter', 'month'] as const, '报告期类型');
  if (year === undefined || endMonth === undefined || !frequency) return undefined;
  const p: Period = { year, endMonth, frequency };
  if (!isValidPeriod(p)) {
    r.error('$.period.endMonth', 'bad-period', `季度报表的截止月份应为3、6、9或12，实际为${endMonth}`, endMonth);
    return undefined;
  }
  return p;
}
