/**
 * Reference figures from a worksheet the bureau keeps (参照.xlsx): one row per indicator and
 * place, columns 指标 (name or code), 开发区 (empty or 全市 for the city), 全省开发区平均增速,
 * 完成量排名, 增速排名, 拉动排名. Every problem names the sheet, row and column.
 */
import * as XLSX from 'xlsx';
import type { IndicatorSet, Result, UserIssue, ZoneRegistry } from '../model';
import { allIndicators } from '../seeds';
import type { RankKind, ReferenceFigures } from './bulletin-input';

const COLUMNS = { indicator: '指标', zone: '开发区', average: '全省开发区平均增速', amount: '完成量排名', growth: '增速排名', pull: '拉动排名' } as const;

const cellNumber = (v: unknown): number | undefined | 'bad' => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return v;
  const n = Number(String(v).replace(/[%％第位\s]/g, ''));
  return Number.isFinite(n) ? n : 'bad';
};

export function readReferenceWorkbook(bytes: Uint8Array, set: IndicatorSet, registry: ZoneRegistry, fileName = '参照.xlsx'): Result<ReferenceFigures> {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array' });
  } catch {
    return { ok: false, issues: [{ code: 'not-a-workbook', severity: 'error', message: `${fileName} 不是可读取的 Excel 工作簿。`, location: { file: fileName } }] };
  }
  const sheetName = wb.SheetNames[0] ?? '';
  const sheet = wb.Sheets[sheetName];
  const rows: unknown[][] = sheet ? XLSX.utils.sheet_to_json(sheet, { header: 1, defval: '' }) : [];
  const header = (rows[0] ?? []).map((h) => String(h).trim());
  const col = (name: string) => header.indexOf(name);
  const issues: UserIssue[] = [];
  const at = (row: number, column?: string) => ({ file: fileName, sheet: sheetName, row, ...(column ? { column } : {}) });
  if (col(COLUMNS.indicator) < 0) return { ok: false, issues: [{ code: 'no-header', severity: 'error', message: `${fileName}「${sheetName}」表第1行应有列「指标」（以及「开发区」「全省开发区平均增速」「完成量排名」「增速排名」「拉动排名」）。`, location: at(1) }] };
  const indicators = allIndicators(set);
  const out: ReferenceFigures = { provinceAverageGrowth: {}, cityRanks: {}, zoneRanks: {} };
  rows.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const label = String(cells[col(COLUMNS.indicator)] ?? '').trim();
    if (label === '') return;
    const ind = indicators.find((x) => x.code === label || x.name === label);
    if (!ind) {
      issues.push({ code: 'unknown-indicator', severity: 'error', message: `${fileName}「${sheetName}」表第${rowNo}行：指标「${label}」不在指标集 ${set.id} 中。`, location: at(rowNo, COLUMNS.indicator), found: label });
      return;
    }
    const zoneLabel = col(COLUMNS.zone) >= 0 ? String(cells[col(COLUMNS.zone)] ?? '').trim() : '';
    const zone = zoneLabel === '' || zoneLabel === '全市' ? undefined : registry.zones.find((z) => z.id === zoneLabel || z.name === zoneLabel);
    if (zoneLabel !== '' && zoneLabel !== '全市' && !zone) {
      issues.push({ code: 'unknown-zone', severity: 'error', message: `${fileName}「${sheetName}」表第${rowNo}行：开发区「${zoneLabel}」不在开发区名录中。`, location: at(rowNo, COLUMNS.zone), found: zoneLabel });
      return;
    }
    const read = (name: string): number | undefined => {
      const c = col(name);
      const v = c < 0 ? undefined : cellNumber(cells[c]);
      if (v === 'bad') {
        issues.push({ code: 'not-a-number', severity: 'error', message: `${fileName}「${sheetName}」表第${rowNo}行「${name}」应为数值。`, location: at(rowNo, name), found: String(cells[c]) });
        return undefined;
      }
      return v;
    };
    const avg = read(COLUMNS.average);
    if (avg !== undefined) {
      if (zone) issues.push({ code: 'average-for-zone', severity: 'error', message: `${fileName}「${sheetName}」表第${rowNo}行：全省开发区平均增速只填在全市的行上。`, location: at(rowNo, COLUMNS.average) });
      else if (out.provinceAverageGrowth) out.provinceAverageGrowth[ind.code] = avg;
    }
    const ranks: Partial<Record<RankKind, number>> = {};
    for (const kind of ['amount', 'growth', 'pull'] as const) {
      const n = read(COLUMNS[kind]);
      if (n === undefined) continue;
      if (!Number.isInteger(n) || n < 1) issues.push({ code: 'bad-rank', severity: 'error', message: `${fileName}「${sheetName}」表第${rowNo}行「${COLUMNS[kind]}」应为正整数名次。`, location: at(rowNo, COLUMNS[kind]), found: String(n) });
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
