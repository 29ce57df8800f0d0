import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from './build-section-rows';
import { pasteIntoSection } from './paste-into-section';

function row(code: string, over: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    code,
    name: code,
    unit: '亿元',
    decimals: 2,
    kind: 'number',
    derived: false,
    required: false,
    current: { kind: 'empty' },
    lastYear: { kind: 'empty' },
    lastYearSource: 'entered',
    growth: { kind: 'empty' },
    target: null,
    gap: { kind: 'empty' },
    currentEditable: true,
    lastYearEditable: true,
    issues: { current: [], lastYear: [] },
    ...over,
  };
}

const rows = [row('gyzjz'), row('gytz'), row('share', { derived: true, currentEditable: false, lastYearEditable: false }), row('count', { unit: '个', kind: 'integer' })];

describe('pasteIntoSection', () => {
  it('fills 本期 and 上年同期 from an Excel block with full-width digits, separators and a trailing newline', () => {
    const result = pasteIntoSection('108.78\t90.39\r\n"1,692.5"\t１０．８５\r\n', { rowIndex: 0, colId: 'current' }, rows, {});
    expect(result.edits).toEqual([
      { code: 'gyzjz', column: 'current', before: null, after: 108.78 },
      { code: 'gyzjz', column: 'lastYear', before: null, after: 90.39 },
      { code: 'gytz', column: 'current', before: null, after: 1692.5 },
      { code: 'gytz', column: 'lastYear', before: null, after: 10.85 },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toBe(0);
  });

  it('skips derived rows, reports unreadable cells and keeps the old value as `before`', () => {
    const result = pasteIntoSection('1\n2\n3\n4.5\n5', { rowIndex: 0, colId: 'current' }, rows, { gytz: { current: 7 } });
    expect(result.edits).toEqual([
      { code: 'gyzjz', column: 'current', before: null, after: 1 },
      { code: 'gytz', column: 'current', before: 7, after: 2 },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('count（本期）');
    expect(result.skipped).toBe(2);
  });

  it('clears cells pasted as empty, and leaves out cells that do not change', () => {
    const result = pasteIntoSection('\t5', { rowIndex: 0, colId: 'current' }, rows, { gyzjz: { current: 3, lastYear: 5 } });
    expect(result.edits).toEqual([{ code: 'gyzjz', column: 'current', before: 3, after: null }]);
  });
});
