/**
 * The city summary workbook (市汇总表): one row per zone and the city total for the main indicators,
 * and the same kind of veryHidden `zr_data` sheet as a zone's submission workbook (key/value rows,
 * then the payload's canonical JSON in parts, its SHA-256), one level up: the payload carries the
 * city's figures and the zones' returns, so a province can collect cities' summaries.
 * The zone workbook's layout is not touched; this file only reuses its sheet helpers.
 */
import { sha256Hex } from '../crypto';
import type { CityFigures } from '../collect/city-figures';
import type { Period, Result, ZoneReturn } from '../model';
import { periodLabel } from '../period';
import { canonicalJson } from '../return';
import { foundValue } from './cell-value';
import { chinaDateTime } from '../format';
import { DATA_KEYS, FIRST_PART_ROW, PART_CHARS, PART_LABEL } from './data-sheet';
import { ExcelJS } from './excel';
import { encodeForSheet, splitIntoParts } from './payload';
import { SHEET } from './sheet-names';

export const CITY_SUMMARY_FORMAT = 'zone-returns/city-summary@1';

export interface CitySummaryPayload {
  format: typeof CITY_SUMMARY_FORMAT;
  summaryId: string;
  revision: number;
  exportedAt: string;
  city: { code: string; name: string };
  period: Period;
  indicatorSet: { id: string; version: string };
  figures: CityFigures['figures'];
  ranks: CityFigures['ranks'];
  /** The zones' returns the figures were made from. */
  returns: ZoneReturn[];
}

const MAIN = ['gyzjz', 'gytz', 'zxxmtz', 'gyzcz'];
const r2 = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : Math.round(v * 100) / 100);

export async function writeCitySummaryWorkbook(payload: CitySummaryPayload): Promise<{ bytes: Uint8Array; checksum: string }> {
  const json = canonicalJson(payload);
  const checksum = sha256Hex(json);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zone-returns';
  const ws = wb.addWorksheet('市汇总表', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, horizontalCentered: true, printTitlesRow: '2:3', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }],
  });
  const codes = MAIN.filter((c) => payload.figures[c]);
  const last = 1 + codes.length * 3;
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  ws.addRow([`${payload.city.name}开发区主要经济指标汇总表（${periodLabel(payload.period)}）`]);
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  // Two header rows: the indicator (with its unit) over 本期累计 / 上年同期 / 同比增长（%）.
  ws.addRow(['开发区', ...codes.flatMap((c) => [`${payload.figures[c]!.name}（${payload.figures[c]!.unit}）`, '', ''])]);
  ws.addRow(['', ...codes.flatMap(() => ['本期累计', '上年同期', '同比增长（%）'])]);
  ws.mergeCells(2, 1, 3, 1);
  codes.forEach((_c, i) => ws.mergeCells(2, 2 + i * 3, 2, 4 + i * 3));
  for (const n of [2, 3]) {
    const row = ws.getRow(n);
    row.height = n === 2 ? 30 : 22;
    for (let c = 1; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    }
  }
  const zoneIds = payload.returns.map((r) => r.zoneId);
  const body = (values: (string | number | null)[], bold: boolean): void => {
    const row = ws.addRow(values);
    row.height = 22;
    for (let c = 1; c <= last; c += 1) {
      const cell = row.getCell(c);
      cell.border = border;
      cell.font = { bold };
      cell.alignment = c === 1 ? { horizontal: 'left', vertical: 'middle' } : { horizontal: 'right', vertical: 'middle' };
      if (c > 1) cell.numFmt = '0.00';
    }
  };
  for (const z of zoneIds) {
    const name = Object.values(payload.ranks).flat().find((x) => x.zoneId === z)?.zoneName ?? z;
    body([name, ...codes.flatMap((c) => {
      const row = payload.ranks[c]?.find((x) => x.zoneId === z);
      const ret = payload.returns.find((r) => r.zoneId === z);
      const ly = ret?.values[c]?.lastYear;
      return [r2(row?.value ?? null), r2(typeof ly === 'number' ? ly : null), r2(row?.growthPct ?? null)];
    })], false);
  }
  body(['合计', ...codes.flatMap((c) => [r2(payload.figures[c]!.value), r2(payload.figures[c]!.lastYear), r2(payload.figures[c]!.growthPct)])], true);
  const note = ws.addRow([`注：合计的同比增长按各开发区本期与上年同期之和计算。导出时间 ${chinaDateTime(payload.exportedAt) ?? payload.exportedAt}。`]);
  ws.mergeCells(note.number, 1, note.number, last);
  note.getCell(1).font = { size: 9, color: { argb: 'FF5F6B7A' } };
  ws.getColumn(1).width = 24;
  for (let c = 2; c <= last; c += 1) ws.getColumn(c).width = 12;

  const data = wb.addWorksheet(SHEET.data, { state: 'veryHidden' });
  const stored = encodeForSheet(json);
  const parts = splitIntoParts(stored, PART_CHARS);
  const meta: Record<(typeof DATA_KEYS)[number], string | number> = {
    format: payload.format,
    indicatorSetId: payload.indicatorSet.id,
    indicatorSetVersion: payload.indicatorSet.version,
    submissionId: payload.summaryId,
    revision: payload.revision,
    sha256: checksum,
    parts: parts.length,
    length: stored.length,
  };
  DATA_KEYS.forEach((k, i) => {
    data.getCell(i + 1, 1).value = k;
    data.getCell(i + 1, 2).value = meta[k];
  });
  parts.forEach((p, i) => {
    data.getCell(FIRST_PART_ROW + i, 1).value = PART_LABEL;
    data.getCell(FIRST_PART_ROW + i, 2).value = p;
  });
  const buffer = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer), checksum };
}

/** Reads a city summary workbook's payload back and checks its SHA-256. Never throws. */
export async function readCitySummaryWorkbook(bytes: Uint8Array, fileName = '市汇总表'): Promise<Result<{ payload: CitySummaryPayload; checksumOk: boolean }>> {
  const fail = (message: string): Result<never> => ({ ok: false, issues: [{ code: 'city-summary-unreadable', severity: 'error', message: `${fileName}：${message}` }] });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return fail('不是可读取的 xlsx 文件');
  }
  const data = wb.getWorksheet(SHEET.data);
  if (!data) return fail(`缺少隐藏的数据页「${SHEET.data}」，不是本程序导出的市汇总表`);
  const meta: Record<string, string | number> = {};
  const parts: string[] = [];
  data.eachRow((row, n) => {
    const k = foundValue(row.getCell(1).value);
    const v = foundValue(row.getCell(2).value);
    if (k.kind !== 'text' || (v.kind !== 'text' && v.kind !== 'number')) return;
    if (n < FIRST_PART_ROW) meta[k.value] = v.value;
    else if (k.value === PART_LABEL && v.kind === 'text') parts.push(v.value);
  });
  if (meta['format'] !== CITY_SUMMARY_FORMAT) return fail(`数据页的格式标记应为 ${CITY_SUMMARY_FORMAT}`);
  let payload: CitySummaryPayload;
  try {
    payload = JSON.parse(parts.join('')) as CitySummaryPayload;
  } catch {
    return fail('数据页的内容不完整或已损坏');
  }
  const checksumOk = sha256Hex(canonicalJson(payload)) === meta['sha256'];
  return { ok: true, value: { payload, checksumOk }, issues: checksumOk ? [] : [{ code: 'checksum-mismatch', severity: 'error', message: `${fileName}：数据页的校验码不符，市汇总表在导出后被改动过` }] };
}
