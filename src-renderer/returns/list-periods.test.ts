import { describe, expect, it } from 'vitest';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import type { ReturnSummary } from '../db';
import { isOverdue, listPeriods, listYears, openingYear, periodName } from './list-periods';

const set = builtinIndicatorSets()[0];
if (set === undefined) throw new Error('no built-in indicator set');

function summary(periodKey: string, status: ReturnSummary['status'], endMonth: number): ReturnSummary {
  return {
    id: `jincheng-kfq|${periodKey}`,
    zoneId: 'jincheng-kfq',
    periodKey,
    period: { year: 2024, endMonth, frequency: 'quarter' },
    indicatorSet: { id: set?.id ?? '', version: set?.version ?? '' },
    status,
    revision: 0,
    updatedAt: '2024-04-01T00:00:00Z',
    submittedAt: null,
    reopenReason: null,
  };
}

describe('isOverdue', () => {
  it.each<[ReturnSummary['status'], string, string, boolean]>([
    ['未填', '2024-04-10', '2024-04-11', true],
    ['填报中', '2024-04-10', '2024-04-10', false],
    ['已校验', '2024-04-10', '2024-05-01', true],
    ['退回修改', '2024-04-10', '2024-05-01', true],
    ['已报送', '2024-04-10', '2024-05-01', false],
  ])('%s due %s on %s → %s', (status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });
});

describe('listPeriods', () => {
  const rows = listPeriods(set, 2024, 'quarter', [summary('2024-03-q', '已报送', 3), summary('2024-06-q', '填报中', 6)], '2024-10-20');

  it('lists the quarters newest first with their states', () => {
    expect(rows.map((r) => [r.label, r.status])).toEqual([
      ['2024年全年', '未填'],
      ['2024年前三季度', '未填'],
      ['2024年上半年', '填报中'],
      ['2024年一季度', '已报送'],
    ]);
    expect(rows[2]?.returnId).toBe('jincheng-kfq|2024-06-q');
    expect(rows[0]?.returnId).toBeNull();
  });

  it('marks unsubmitted past-due returns as overdue, and not a period still running', () => {
    expect(rows.map((r) => r.overdue)).toEqual([false, true, true, false]);
    expect(rows[0]?.future).toBe(true);
    expect(rows[1]?.due).toBe('2024-10-10');
  });
});

describe('listYears', () => {
  it('offers this year, the four before it and every year with a return', () => {
    expect(listYears([summary('2024-03-q', '已报送', 3)], 2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(listYears([{ ...summary('2019-03-q', '已报送', 3), period: { year: 2019, endMonth: 3, frequency: 'quarter' } }], 2026)).toContain(2019);
  });
});

describe('openingYear', () => {
  const sets = [{ year: 2023 }, { year: 2024 }, { year: 2025 }];
  const in2024 = [summary('2024-03-q', '已报送', 3)];
  it.each<[string, ReturnSummary[], number | undefined, number]>([
    ['the newest set year with returns, not this (empty) year', in2024, undefined, 2024],
    ['the remembered year when the zone has returns in it', [...in2024, { ...summary('2023-12-q', '已报送', 12), period: { year: 2023, endMonth: 12, frequency: 'quarter' } }], 2023, 2023],
    ['not a remembered year without returns of this zone', in2024, 2025, 2024],
    ['not a remembered year without a set', in2024, 2026, 2024],
    ['no returns at all: the newest set year', [], undefined, 2025],
    ['returns only in a year without a set: the newest set year', [{ ...summary('2019-03-q', '已报送', 3), period: { year: 2019, endMonth: 3, frequency: 'quarter' } }], undefined, 2025],
  ])('%s', (_what, summaries, remembered, want) => {
    expect(openingYear(summaries, sets, 2026, remembered)).toBe(want);
  });
});

describe('periodName', () => {
  it('names a period as the list does', () => {
    expect(periodName({ year: 2024, endMonth: 3, frequency: 'quarter' })).toBe('2024年一季度');
    expect(periodName({ year: 2024, endMonth: 7, frequency: 'month' })).toBe('2024年1–7月');
  });
});
