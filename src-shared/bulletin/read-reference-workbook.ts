/**
 * Reference figures from a worksheet the bureau keeps (参照.xlsx): one row per indicator and
 * place, columns 指标 (name or code), 开发区 (empty or 全市 for the city), 全省开发区平均增速,
 * 完成量排名, 增速排名, 拉动排名 — or the short form 指标 / 全省平均增速 / 全省排名 (the rank by amount).
 * .xlsx, .xls or .csv. Every problem names the file, sheet, row and column.
 */
import { columnLetter } from '../ledger/issues';
import { cellText } from '../ledger/find-table';
import { readWorkbook } from '../ledger/read-workbook';
import { DEFAULT_LIMITS } from '../ledger/types';
import { toHalfWidth } from '../ledger/normalise-value';
import type { IndicatorSet, Result, UserIssue, ZoneRegistry } from '../model';
import { allIndicators } from '../seeds';
import type { RankKind, ReferenceFigures } from './bulletin-input';

/** Each column's name, then the other headings it is known by (全省排名 is the rank by amount: 排在全省第3位). */
const COLUMNS = {
  indicator: ['指标', '指标名称'],
  zone: ['开发区'],
  average: ['全省开发区平均增速', '全省平均增速', '全省开发区平均增速（%）', '全省平均增速（%）'],
  amount: ['完成量排名', '全省排名', '全省完成量排名', '总量排名'],
  growth: ['增速排名', '全省增速排名'],
  pull: ['拉动排名'],
} as const;

/** A number, empty, or 'bad'; 0.9%, 第3位 and full-width digits are read as they are meant. */
const cellNumber = (v: unknown): number | undefined | 'bad' => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return v;
  const text = toHalfWidth(String(v)).replace(/[%第位名\s]/g, '');
  if (text === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'bad';
};

/**
 * Reads the first sheet of an .xlsx / .xls / .csv (UTF-8 or GBK) file. Either every row is good and
 * the figures come back, or nothing does and every problem names the file, row and column.
 */
export function readReferenceWorkbook(bytes: Uint8Array, set: IndicatorSet, registry: ZoneRegistry, fileName = '参照.xlsx'): Result<ReferenceFigures> {
  const read = readWorkbook(bytes, { fileName, limits: DEFAULT_LIMITS });
  if (!read.ok) return read;
  const first = read.value.sheets.find((sh) => !sh.hidden) ?? read.value.sheets[0];
  const sheetName = first?.name ?? '';
  const rows: unknown[][] = (first?.data ?? []).map((r) => (r ?? []).map((c) => (c && c.t === 'n' && typeof c.v === 'number' ? c.v : cellText(c))));
  const where = read.value.format === 'csv' ? fileName : `${fileName}「${sheetName}」表`;
  const header = (rows[0] ?? []).map((h) => toHalfWidth(String(h)).replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）'));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const named = (c: number) => `「${String(rows[0]?.[c] ?? '').trim()}」列（${columnLetter(c)}列）`;
  const issues: UserIssue[] = [];
  const at = (row: number, c?: number) => ({ file: fileName, sheet: sheetName, row, ...(c !== undefined ? { column: columnLetter(c) } : {}) });
  if (col(COLUMNS.indicator) < 0) return { ok: false, issues: [{ code: 'no-header', severity: 'error', message: `${where}第1行应有列「指标」（以及「全省平均增速」「全省排名」，或「开发区」「全省开发区平均增速」「完成量排名」「增速排名」「拉动排名」）。`, location: at(1) }] };
  const known = [COLUMNS.average, COLUMNS.amount, COLUMNS.growth, COLUMNS.pull].some((names) => col(names) >= 0);
  if (!known) return { ok: false, issues: [{ code: 'no-header', severity: 'error', message: `${where}第1行没有「全省平均增速」「全省排名」等列，没有可导入的参考数据。`, location: at(1) }] };
  const indicators = allIndicators(set);
  const out: ReferenceFigures = { provinceAverageGrowth: {}, cityRanks: {}, zoneRanks: {} };
  rows.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const ic = col(COLUMNS.indicator);
    const label = String(cells[ic] ?? '').trim();
    if (label === '') {
      if (cells.some((v) => String(v ?? '').trim() !== '')) issues.push({ code: 'no-indicator', severity: 'error', message: `${where}第${rowNo}行${named(ic)}是空的：请写明是哪个指标。`, location: at(rowNo, ic) });
      return;
    }
    const ind = indicators.find((x) => x.code === label || x.name === label);
    if (!ind) {
      issues.push({ code: 'unknown-indicator', severity: 'error', message: `${where}第${rowNo}行${named(ic)}：指标「${label}」不在指标集「${set.name}」中。`, location: at(rowNo, ic), found: label });
      return;
    }
    const zc = col(COLUMNS.zone);
    const zoneLabel = zc >= 0 ? String(cells[zc] ?? '').trim() : '';
    const zone = zoneLabel === '' || zoneLabel === '全市' ? undefined : registry.zones.find((z) => z.id === zoneLabel || z.name === zoneLabel);
    if (zoneLabel !== '' && zoneLabel !== '全市' && !zone) {
      issues.push({ code: 'unknown-zone', severity: 'error', message: `${where}第${rowNo}行${named(zc)}：开发区「${zoneLabel}」不在开发区名录中。`, location: at(rowNo, zc), found: zoneLabel });
      return;
    }
    const value = (names: readonly string[]): { n: number | undefined; c: number } => {
      const c = col(names);
      const v = c < 0 ? undefined : cellNumber(cells[c]);
      if (v === 'bad') {
        issues.push({ code: 'not-a-number', severity: 'error', message: `${where}第${rowNo}行${named(c)}「${String(cells[c])}」不是数值。`, location: at(rowNo, c), found: String(cells[c]) });
        return { n: undefined, c };
      }
      return { n: v, c };
    };
    const avg = value(COLUMNS.average);
    if (avg.n !== undefined) {
      if (zone) issues.push({ code: 'average-for-zone', severity: 'error', message: `${where}第${rowNo}行${named(avg.c)}：全省开发区平均增速只填在全市的行上。`, location: at(rowNo, avg.c) });
      else if (out.provinceAverageGrowth) out.provinceAverageGrowth[ind.code] = avg.n;
    }
    const ranks: Partial<Record<RankKind, number>> = {};
    for (const kind of ['amount', 'growth', 'pull'] as const) {
      const { n, c } = value(COLUMNS[kind]);
      if (n === undefined) continue;
      if (!Number.isInteger(n) || n < 1) issues.push({ code: 'bad-rank', severity: 'error', message: `${where}第${rowNo}行${named(c)}「${String(cells[c])}」应为正整数名次（如 3 或 第3位）。`, location: at(rowNo, c), found: String(n) });
      else ranks[kind] = n;
    }
    if (Object.keys(ranks).length === 0) return;
    if (zone) {
      const z = (out.zoneRanks ??= {});
      z[zone.id] = { ...z[zone.id], [ind.code]: ranks };
    } else if (out.cityRanks) out.cityRanks[ind.code] = ranks;
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out, issues };
}
