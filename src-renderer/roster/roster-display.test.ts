import { describe, expect, it } from 'vitest';
import type { RosterField, ValidationIssue } from '../../src-shared/model';
import { isMoneyField, rosterCellText, rosterEditText, rosterHeader, rosterIssueIndex, rosterTotals } from './roster-display';

const money: RosterField = { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', decimals: 2, synonyms: [] };
const flag: RosterField = { code: 'signed', name: '签约', type: 'boolean', synonyms: [] };
const date: RosterField = { code: 'signDate', name: '签约日期', type: 'date', synonyms: [] };

describe('roster display', () => {
  it('shows flags as 是/否, numbers rounded, dates as stored', () => {
    expect(rosterCellText(true, flag)).toBe('是');
    expect(rosterCellText(false, flag)).toBe('否');
    expect(rosterCellText(null, flag)).toBe('');
    expect(rosterCellText(12.345678, money)).toBe('12.35');
    expect(rosterCellText('2024-03-15', date)).toBe('2024-03-15');
  });

  it('edits numbers at full precision', () => {
    expect(rosterEditText(12.345678, money)).toBe('12.345678');
    expect(rosterEditText(true, flag)).toBe('是');
    expect(rosterEditText(undefined, money)).toBe('');
  });

  it('puts the unit in the header', () => {
    expect(rosterHeader(money)).toBe('总投资（亿元）');
    expect(rosterHeader(flag)).toBe('签约');
  });

  it('indexes roster issues by row and field', () => {
    const issue: ValidationIssue = { code: 'roster-row', severity: 'error', key: 'k', target: { kind: 'roster', rowId: 'r1', field: 'started' }, message: 'm' };
    const other: ValidationIssue = { ...issue, key: 'x', target: { kind: 'return' } };
    const index = rosterIssueIndex([issue, other]);
    expect(index.get('r1|started')).toEqual([issue]);
    expect(index.size).toBe(1);
  });
});

describe('the 合计 row', () => {
  const count: RosterField = { code: 'staff', name: '用工', type: 'number', unit: '个', synonyms: [] };
  it('counts the rows and sums the money columns only, empty cells counting nothing', () => {
    expect([money, flag, date, count].map(isMoneyField)).toEqual([true, false, false, false]);
    const totals = rosterTotals([money, flag, count], [{ totalInvestment: 0.1 }, { totalInvestment: 0.2, staff: 3 }, { totalInvestment: null }, {}]);
    expect(totals).toEqual({ count: 4, sums: { totalInvestment: 0.3 } });
    expect(rosterTotals([money], [])).toEqual({ count: 0, sums: { totalInvestment: 0 } });
  });
});
