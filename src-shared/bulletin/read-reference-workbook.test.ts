import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';
import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry, kfqSet } from '../seeds';
import { readReferenceWorkbook } from './read-reference-workbook';
import { bureauReferenceFromBulletin, bulletinReferenceFromBureau } from './reference-from-bureau';

const set = kfqSet();
const registry = builtinZoneRegistry();
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const gbk = (text: string): Uint8Array => Uint8Array.from((cpexcel as unknown as { utils: { encode(cp: number, s: string): Uint8Array | number[] } }).utils.encode(936, text));
const xlsx = (rows: unknown[][]): Uint8Array => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '参考');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

describe('the reference sheet (指标 / 全省平均增速 / 全省排名)', () => {
  it('reads the short form from .xlsx and from a GBK or UTF-8 .csv, as the bureau stores it', () => {
    const expected = { provinceAverageGrowthPct: { gyzjz: 0.9, gytz: -2.5 }, provinceRank: { gyzjz: { value: 3 }, gytz: { value: 5 } } };
    const rows = [['指标', '全省平均增速', '全省排名'], ['规上工业增加值', '0.9%', '第3位'], ['gytz', -2.5, 5], ['', '', '']];
    const fromXlsx = readReferenceWorkbook(xlsx(rows), set, registry, '参考.xlsx');
    expect(fromXlsx.ok && bureauReferenceFromBulletin(fromXlsx.value)).toEqual(expected);
    const csv = '指标,全省平均增速,全省排名\r\n规上工业增加值,0.9,3\r\n工业投资,-2.5,第5位\r\n';
    for (const bytes of [gbk(csv), utf8(`\uFEFF${csv}`)]) {
      const r = readReferenceWorkbook(bytes, set, registry, '参考.csv');
      expect(r.ok && bureauReferenceFromBulletin(r.value)).toEqual(expected);
    }
    // Mapped back for the bulletin, the rank is the one by amount (完成量排在全省第3位).
    expect(bulletinReferenceFromBureau(expected).cityRanks?.['gyzjz']).toEqual({ amount: 3 });
  });

  it('refuses the whole sheet when a value is bad, naming the file, row and column of each', () => {
    const csv = '指标,全省平均增速,全省排名\n规上工业增加值,零点九,3\n工业投资,1.2,2.5\n不存在的指标,1,1\n';
    const r = readReferenceWorkbook(utf8(csv), set, registry, '参考.csv');
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.message)).toEqual([
      '参考.csv第2行「全省平均增速」列（B列）「零点九」不是数值。',
      '参考.csv第3行「全省排名」列（C列）「2.5」应为正整数名次（如 3 或 第3位）。',
      `参考.csv第4行「指标」列（A列）：指标「不存在的指标」不在指标集「${set.name}」中。`,
    ]);
    expect(r.issues[0]?.location).toMatchObject({ file: '参考.csv', row: 2, column: 'B' });
    const noColumns = readReferenceWorkbook(xlsx([['指标', '备注'], ['规上工业增加值', '']]), set, registry, '参考.xlsx');
    expect(noColumns.ok ? '' : noColumns.issues[0]?.message).toBe('参考.xlsx「参考」表第1行没有「全省平均增速」「全省排名」等列，没有可导入的参考数据。');
    const junk = readReferenceWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), set, registry, '坏.xlsx');
    expect(junk.ok ? '' : junk.issues[0]?.message).toContain('坏.xlsx');
  });
});
