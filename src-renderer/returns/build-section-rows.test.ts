import { describe, expect, it } from 'vitest';
import type { ComputedReturn, IndicatorSection, ValidationIssue, ZoneReturn } from '../../src-shared/model';
import { buildSectionRows, keepUnchangedRows } from './build-section-rows';

const section: IndicatorSection = {
  id: 'main',
  title: '主要经济指标',
  kind: 'indicators',
  indicators: [
    { code: 'gyzjz', name: '规上工业增加值', unit: '亿元', decimals: 2, kind: 'number', source: 'entered', aggregate: { kind: 'sum' }, zoneTypes: ['industrial'], required: true, compareLastYear: true, targetGrowthPercent: 15 },
    { code: 'gytz', name: '工业投资', unit: '亿元', decimals: 2, kind: 'number', source: 'entered', aggregate: { kind: 'sum' }, zoneTypes: ['industrial'], compareLastYear: true, targetGrowthPercent: 16 },
    { code: 'zxbz', name: '转型项目投资占比', unit: '%', decimals: 2, kind: 'percent', source: 'derived', formula: 'zxtz / gytz * 100', aggregate: { kind: 'none' }, zoneTypes: ['industrial'] },
    { code: 'gdzc', name: '固定资产投资', unit: '万元', decimals: 0, kind: 'number', source: 'entered', aggregate: { kind: 'sum' }, zoneTypes: ['tourism'], compareLastYear: true },
  ],
};

const ret: ZoneReturn = {
  format: 'zone-returns/return@1',
  indicatorSet: { id: 'kfq', version: '1' },
  zoneId: 'jincheng-kfq',
  period: { year: 2024, endMonth: 3, frequency: 'quarter' },
  values: { gyzjz: { current: 108.78, lastYear: 90.3851 }, gytz: { current: 16.92, lastYear: 999 } },
  roster: [],
  explanations: {},
  cover: {},
};

const lastYearReturn: ZoneReturn = { ...ret, period: { year: 2023, endMonth: 3, frequency: 'quarter' }, values: { gytz: { current: 10.846 } } };

const computed: ComputedReturn = {
  figures: {
    gyzjz: { code: 'gyzjz', current: { ok: true, value: 108.78 }, lastYear: { ok: true, value: 90.3851 }, growthPercent: { ok: true, value: 20.35 }, targetGrowthPercent: 15, gapPoints: { ok: true, value: 5.35 }, comparison: '高于' },
    gytz: { code: 'gytz', current: { ok: true, value: 16.92 }, lastYear: { ok: true, value: 10.846 }, growthPercent: { ok: true, value: 56 }, targetGrowthPercent: 16, gapPoints: { ok: true, value: 40 }, comparison: '高于' },
    zxbz: { code: 'zxbz', current: { ok: false, reason: 'missing-input', detail: '缺少转型项目投资' } },
  },
};

const issue: ValidationIssue = { code: 'growth-range', severity: 'warning', key: 'growth-range:gyzjz', target: { kind: 'indicator', code: 'gyzjz', column: 'current' }, message: '增速偏高' };

describe('buildSectionRows', () => {
  const rows = buildSectionRows({ section, reported: new Set(['gyzjz', 'gytz', 'zxbz']), ret, computed, issues: [issue], lastYearReturn, readOnly: false });

  it('leaves out indicators the zone does not report', () => {
    expect(rows.map((r) => r.code)).toEqual(['gyzjz', 'gytz', 'zxbz']);
  });

  it('shows entered values at full precision with their growth, target and gap', () => {
    expect(rows[0]).toMatchObject({
      current: { kind: 'number', value: 108.78 },
      lastYear: { kind: 'number', value: 90.3851 },
      lastYearSource: 'entered',
      growth: { kind: 'number', value: 20.35 },
      target: 15,
      gap: { kind: 'number', value: 5.35 },
      comparison: '高于',
      currentEditable: true,
      lastYearEditable: true,
    });
    expect(rows[0]?.issues.current).toEqual([issue]);
    expect(rows[0]?.issues.lastYear).toEqual([]);
  });

  it('takes last year from last year’s return where it is there, and locks it', () => {
    expect(rows[1]).toMatchObject({ lastYear: { kind: 'number', value: 10.846 }, lastYearSource: 'last-year-return', lastYearEditable: false, currentEditable: true });
  });

  it('makes derived rows read-only and shows a missing input as an empty cell', () => {
    expect(rows[2]).toMatchObject({ derived: true, current: { kind: 'empty' }, currentEditable: false, lastYearEditable: false, lastYearSource: 'none' });
  });

  it('locks every cell of a read-only (submitted) return', () => {
    const locked = buildSectionRows({ section, reported: new Set(['gyzjz']), ret, computed, issues: [], readOnly: true });
    expect(locked[0]).toMatchObject({ currentEditable: false, lastYearEditable: false });
  });

  it('shows why a derived figure cannot be computed', () => {
    const broken: ComputedReturn = { figures: { ...computed.figures, zxbz: { code: 'zxbz', current: { ok: false, reason: 'division-by-zero', detail: '工业投资为0，无法计算占比' } } } };
    const [row] = buildSectionRows({ section, reported: new Set(['zxbz']), ret, computed: broken, issues: [], readOnly: false });
    expect(row?.current).toEqual({ kind: 'problem', detail: '工业投资为0，无法计算占比' });
  });
});

describe('keepUnchangedRows', () => {
  const build = (value: number) => {
    const figure = computed.figures['gyzjz'];
    const moved: ComputedReturn = figure === undefined ? computed : { figures: { ...computed.figures, gyzjz: { ...figure, current: { ok: true, value } } } };
    const typed: ZoneReturn = { ...ret, values: { ...ret.values, gyzjz: { ...ret.values['gyzjz'], current: value } } };
    return buildSectionRows({ section, reported: new Set(['gyzjz', 'gytz', 'zxbz']), ret: typed, computed: moved, issues: [issue], lastYearReturn, readOnly: false });
  };

  it('gives the previous array back when no row changed', () => {
    const first = build(108.78);
    expect(keepUnchangedRows(first, build(108.78))).toBe(first);
  });

  it('keeps the unchanged rows as they were and takes the changed one', () => {
    const first = build(108.78);
    const next = keepUnchangedRows(first, build(120));
    expect(next).not.toBe(first);
    expect(next[0]).not.toBe(first[0]);
    expect(next[0]?.current).toEqual({ kind: 'number', value: 120 });
    expect(next[1]).toBe(first[1]);
    expect(next[2]).toBe(first[2]);
  });

  it('takes the new rows when there was none before or rows came or went', () => {
    const first = build(108.78);
    expect(keepUnchangedRows(undefined, first)).toBe(first);
    const fewer = keepUnchangedRows(first, first.slice(0, 2).map((r) => ({ ...r })));
    expect(fewer).toHaveLength(2);
    expect(fewer[0]).toBe(first[0]);
  });
});
