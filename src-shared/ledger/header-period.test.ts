import { describe, expect, it } from 'vitest';
import { findTable } from './find-table';
import { headerPeriod } from './header-period';
import { indicatorLedgerTargets } from './indicator-ledger';
import { autoMapColumns } from './map-columns';
import { normaliseHeaderText } from './match-header';
import { flattenedHeaderPeriod, headerPeriodIssues } from './period-issues';
import { rawSheet } from './test-support';
import { DEFAULT_LIMITS } from './types';

const said = (header: string) => headerPeriod(normaliseHeaderText(header));

describe('period words in headers', () => {
  it.each([
    ['1-6月累计', { column: 'current', months: { from: 1, to: 6 } }],
    ['1—3月', { column: 'current', months: { from: 1, to: 3 } }],
    ['1~9月', { column: 'current', months: { from: 1, to: 9 } }],
    ['1～9月', { column: 'current', months: { from: 1, to: 9 } }],
    ['1–12月', { column: 'current', months: { from: 1, to: 12 } }],
    ['一至六月累计', { column: 'current', months: { from: 1, to: 6 } }],
    ['一季度累计', { column: 'current', months: { from: 1, to: 3 } }],
    ['上半年', { column: 'current', months: { from: 1, to: 6 } }],
    ['前三季度', { column: 'current', months: { from: 1, to: 9 } }],
    ['截至6月累计', { column: 'current', months: { from: 1, to: 6 } }],
    ['本年累计', { column: 'current' }],
    ['本期', { column: 'current' }],
    ['本期（万元）', { column: 'current' }],
    ['上年同期', { column: 'lastYear' }],
    ['去年同期', { column: 'lastYear' }],
    ['上年1-3月', { column: 'lastYear', months: { from: 1, to: 3 } }],
    ['去年1—6月累计', { column: 'lastYear', months: { from: 1, to: 6 } }],
  ])('%s', (header, expected) => {
    expect(said(header)).toEqual(expected);
  });

  it.each(['项目名称', '指标名称', '计量单位', '上年度计划', '6-1月', '1-13月', '本年完成投资'])('says nothing for %s', (header) => {
    expect(said(header)).toBeNull();
  });

  it('maps 1-6月累计 / 一季度累计 to 本期 and 上年1-3月 to 上年同期 in a long ledger of values', () => {
    const targets = indicatorLedgerTargets([]);
    for (const [current, last] of [
      ['1-6月累计', '上年1-6月'],
      ['一季度累计', '去年同期'],
      ['1~9月', '上年同期'],
      ['上半年', '上年同期'],
    ] as const) {
      const found = findTable(rawSheet([['指标名称', '计量单位', current, last], ['规上工业增加值', '亿元', 12, 10]]), { fileName: 't.xlsx', targets, limits: DEFAULT_LIMITS, date1904: false });
      if (!found.ok) throw new Error(found.issues[0]?.message);
      const mapping = autoMapColumns(found.value, targets);
      expect(mapping.columns.map((c) => c.target), `${current} / ${last}`).toEqual(['$indicator', '$unit', '$current', '$lastYear']);
    }
  });

  it('warns when a column names other months than the return (1-6月 for a 1–3月 return)', () => {
    const targets = indicatorLedgerTargets([]);
    const found = findTable(rawSheet([['指标名称', '1-6月累计', '上年1-6月'], ['规上工业增加值', 12, 10]]), { fileName: 't.xlsx', targets, limits: DEFAULT_LIMITS, date1904: false });
    if (!found.ok) throw new Error('no table');
    const mapping = autoMapColumns(found.value, targets);
    const isValue = (t: string) => t === '$current' || t === '$lastYear';
    const q1 = headerPeriodIssues(found.value, mapping, { year: 2024, endMonth: 3, frequency: 'quarter' }, isValue);
    expect(q1.map((i) => i.message)).toEqual([
      '「1-6月累计」列（B 列）是1–6月的数，而当前报表是 2024年1–3月。请确认这一列是否与报表同期；如不是，请换一份同期的台账，或在列映射中不导入这一列。',
      '「上年1-6月」列（C 列）是上年1–6月的数，而当前报表是 2024年1–3月。请确认这一列是否与报表同期；如不是，请换一份同期的台账，或在列映射中不导入这一列。',
    ]);
    expect(headerPeriodIssues(found.value, mapping, { year: 2024, endMonth: 6, frequency: 'quarter' }, isValue)).toEqual([]);
  });

  it('reads the period of a flattened header from its most specific part', () => {
    expect(flattenedHeaderPeriod('规上工业增加值 / 1-3月')).toEqual({ column: 'current', months: { from: 1, to: 3 } });
    expect(flattenedHeaderPeriod('规上工业增加值')).toBeNull();
  });
});
