import { describe, expect, it } from 'vitest';
import { findTable } from './find-table';
import { mapRows } from './map-rows';
import { applySavedMapping, autoMapColumns, parseSavedMapping, setColumnPercentScale, toSavedMapping } from './map-columns';
import { rawSheet, TEST_TARGETS, type AoaRow } from './test-support';
import { DEFAULT_LIMITS, type LedgerTable } from './types';

const opts = { fileName: 't.xlsx', targets: TEST_TARGETS, limits: DEFAULT_LIMITS, date1904: false };

function table(rows: AoaRow[], extra: { merges?: string[]; hiddenColumns?: number[] } = {}): LedgerTable {
  const r = findTable(rawSheet(rows, extra), opts);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
}

describe('findTable', () => {
  it('skips title rows and reads a 单位 caption', () => {
    const t = table([
      ['2024年第一次三个一批项目台账', null, null],
      ['单位：万元', null, null],
      ['项目名称', '总投资', '预计年产值'],
      ['甲项目', 1000, 2000],
    ]);
    expect(t.headerRows).toEqual([3]);
    expect(t.title).toEqual(['2024年第一次三个一批项目台账', '单位：万元']);
    expect(t.captionUnit).toBe('万元');
    expect(t.rows.map((r) => r.row)).toEqual([4]);
  });

  it('flattens a two-row merged header', () => {
    const t = table(
      [
        ['序号', '项目名称', '投资情况', null],
        [null, null, '总投资', '本年完成投资'],
        [1, '甲', 2, 1],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:D1'] },
    );
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.columns.map((c) => c.header)).toEqual(['序号', '项目名称', '投资情况 / 总投资', '投资情况 / 本年完成投资']);
    expect(t.columns[0]?.isIndex).toBe(true);
  });

  it('takes a row of units under the header as part of it', () => {
    const t = table([
      ['项目名称', '总投资', '预计年产值'],
      [null, '万元', '亿元'],
      ['甲', 5000, 1],
    ]);
    expect(t.columns.map((c) => [c.header, c.headerUnit])).toEqual([
      ['项目名称', undefined],
      ['总投资 / 万元', '万元'],
      ['预计年产值 / 亿元', '亿元'],
    ]);
  });

  it('drops numbering, blank, repeated-header, section and 其中 rows and stops at notes', () => {
    const t = table([
      ['项目名称', '总投资', '预计年产值'],
      ['甲', 1, 2],
      ['(1)', '(2)', '(3)'],
      [null, null, null],
      ['一、签约项目', null, null],
      ['乙', 3, 4],
      ['项目名称', '总投资', '预计年产值'],
      ['其中：产业类', 3, 4],
      ['丙', 5, 6],
      ['注：金额单位亿元', null, null],
      ['丁（说明下的行）', 7, 8],
    ]);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['甲', '(1)', '乙', '丙']);
    expect(t.skipped.map((s) => s.row)).toEqual([5, 7, 8, 10, 11]);
  });

  it('drops a numbering row right under the header', () => {
    const t = table([
      ['项目名称', '总投资', '预计年产值', '是否开工'],
      ['甲', 1, 2, 3],
      ['A', 1, 2, '是'],
    ]);
    expect(t.skipped).toEqual([{ row: 2, reason: '栏次编号行' }]);
    expect(t.rows.map((r) => r.row)).toEqual([3]);
  });

  it('finds 小计 and 合计 rows and what they cover, before or after their rows', () => {
    const t = table([
      ['项目名称', '总投资'],
      ['合计', 10],
      ['一、签约', null],
      ['小计', 3],
      ['甲', 1],
      ['乙', 2],
      ['二、开工', null],
      ['丙', 7],
      ['小计', 7],
    ]);
    expect(t.totals.map((x) => [x.row, x.kind, x.covers])).toEqual([
      [2, '合计', [0, 1, 2]],
      [4, '小计', [0, 1]],
      [9, '小计', [2]],
    ]);
  });

  it('carries a merged zone cell down its group', () => {
    const t = table(
      [
        ['所属开发区', '项目名称', '总投资'],
        ['晋城开发区', '甲', 1],
        [null, '乙', 2],
        ['高平开发区', '丙', 3],
      ],
      { merges: ['A2:A3'] },
    );
    expect(t.rows.map((r) => r.cells[0])).toEqual(['晋城开发区', '晋城开发区', '高平开发区']);
  });

  it('reports hidden columns and leaves them unmapped', () => {
    const t = table(
      [
        ['项目名称', '总投资', '总投资'],
        ['甲', 100, 1],
      ],
      { hiddenColumns: [1] },
    );
    expect(t.issues.map((i) => i.code)).toEqual(['hidden-column']);
    const mapping = autoMapColumns(t, TEST_TARGETS);
    expect(mapping.columns.map((c) => c.target)).toEqual(['name', null, 'totalInvestment']);
  });

  it('refuses a sheet with too many used columns', () => {
    const wide: AoaRow = Array.from({ length: 20 }, (_, i) => `列${i}`);
    const r = findTable(rawSheet([wide, wide]), { ...opts, limits: { ...DEFAULT_LIMITS, maxColumns: 10 } });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('too-many-columns');
    expect(r.issues[0]?.message).toContain('超过上限 10 列');
  });

  it('says so when there is no table', () => {
    const r = findTable(rawSheet([['填表说明'], ['1. 金额单位为亿元']]), opts);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('no-table');
  });
});

describe('mapRows', () => {
  it('converts 万元 to the field unit and checks totals', () => {
    const t = table([
      ['单位：万元', null],
      ['项目名称', '总投资'],
      ['甲', 12345],
      ['乙', 10000],
      ['合计', 22345],
      ['丙', 1],
      ['合计', 5],
    ]);
    const mapped = mapRows(t, autoMapColumns(t, TEST_TARGETS), { fileName: 't.xlsx', targets: TEST_TARGETS });
    expect(mapped.rows.map((r) => r.values.totalInvestment)).toEqual([1.2345, 1, 0.0001]);
    const mismatch = mapped.issues.filter((i) => i.code === 'total-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]?.location).toMatchObject({ row: 7, column: 'B' });
  });

  it('allows for rounding in a total typed with fewer decimals', () => {
    const t = table([
      ['项目名称', '总投资(亿元)'],
      ['甲', 1.234],
      ['乙', 2.345],
      ['合计', 3.58],
    ]);
    const mapped = mapRows(t, autoMapColumns(t, TEST_TARGETS), { fileName: 't.xlsx', targets: TEST_TARGETS });
    expect(mapped.issues.filter((i) => i.code === 'total-mismatch')).toEqual([]);
  });

  it.each([
    ['fractions', [0.2035, 0.5, '0.1'], [20.35, 50, 10], 'fraction'],
    ['percents', [20.35, 50, '10'], [20.35, 50, 10], 'percent'],
    ['percent signs', ['20.35%', '50%', 0.1], [20.35, 50, 10], 'fraction'],
  ] as const)('decides per column how to read percentages: %s', (_name, cells, expected, scale) => {
    const t = table([['项目名称', '占比'], ...cells.map((c, i) => [`p${i}`, c])]);
    const mapped = mapRows(t, autoMapColumns(t, TEST_TARGETS), { fileName: 't.xlsx', targets: TEST_TARGETS });
    expect(mapped.rows.map((r) => r.values.share)).toEqual(expected);
    expect(mapped.percentColumns[0]?.scale).toBe(scale);
  });

  it('lets the clerk override the percent decision of a column', () => {
    const t = table([
      ['项目名称', '占比'],
      ['甲', 0.9],
      ['乙', 0.5],
    ]);
    const auto = autoMapColumns(t, TEST_TARGETS);
    expect(mapRows(t, auto, { fileName: 't', targets: TEST_TARGETS }).rows.map((r) => r.values.share)).toEqual([90, 50]);
    const asPercent = setColumnPercentScale(auto, 1, 'percent');
    expect(mapRows(t, asPercent, { fileName: 't', targets: TEST_TARGETS }).rows.map((r) => r.values.share)).toEqual([0.9, 0.5]);
    // Remembered with the mapping and applied next time.
    const saved = toSavedMapping(asPercent);
    expect(saved.percentScales).toEqual({ 占比: 'percent' });
    const again = applySavedMapping(t, TEST_TARGETS, saved, 'saved');
    expect(again.ok && again.value.columns[1]?.percentScale).toBe('percent');
    expect(parseSavedMapping({ columns: {}, percentScales: { 占比: 'half' } }).ok).toBe(false);
  });

  it('reports every unreadable value with sheet, row, column and text, and a missing required value as an error', () => {
    const t = table([
      ['项目名称', '总投资(亿元)', '是否开工', '开工日期'],
      ['甲', '#N/A', '待定', '去年'],
      [null, 1, '是', '2024.3.15'],
    ]);
    const mapped = mapRows(t, autoMapColumns(t, TEST_TARGETS), { fileName: 't.xlsx', targets: TEST_TARGETS });
    expect(mapped.rows[0]?.issues.map((i) => [i.code, i.location?.row, i.location?.column, i.found])).toEqual([
      ['excel-error', 2, 'B', '#N/A'],
      ['not-a-boolean', 2, 'C', '待定'],
      ['not-a-date', 2, 'D', '去年'],
    ]);
    expect(mapped.rows[0]?.issues.every((i) => i.location?.sheet === '台账' && i.location.file === 't.xlsx')).toBe(true);
    expect(mapped.rows[1]?.issues.map((i) => [i.code, i.severity])).toEqual([['required-missing', 'error']]);
  });

  it('warns when an unlabelled 亿元 column holds 万元-sized numbers', () => {
    const t = table([
      ['项目名称', '总投资'],
      ['甲', 85000],
    ]);
    const mapped = mapRows(t, autoMapColumns(t, TEST_TARGETS), { fileName: 't.xlsx', targets: TEST_TARGETS });
    expect(mapped.issues.map((i) => i.code)).toContain('unit-suspect');
  });
});

describe('header detection by header words', () => {
  it('does not take a data row of status words (已开工 / 未开工 …) for the header', () => {
    // The header names two known columns; the first data row holds four status words that
    // contain a synonym (开工). Scored by status values it would win and become the header.
    const t = table([
      ['项目名称', '总投资', '一期', '二期', '三期', '四期'],
      ['甲项目', 1, '已开工', '未开工', '已开工', '是'],
      ['乙项目', 2, '否', '已开工', '未开工', '已开工'],
    ]);
    expect(t.headerRows).toEqual([1]);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['甲项目', '乙项目']);
  });

  it('still counts 是否开工 as a header word', () => {
    const t = table([
      ['说明：本表按季度更新', null, null],
      ['项目名称', '是否开工', '开工日期'],
      ['甲项目', '是', '2024-03-01'],
    ]);
    expect(t.headerRows).toEqual([2]);
  });
});
