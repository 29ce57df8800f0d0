import { describe, expect, it } from 'vitest';
import type { Period } from '../model';
import { builtinIndicatorSets } from '../seeds';
import { comparePeriods, dueDate, isValidPeriod, lastYearPeriod, parsePeriodKey, periodEndDate, periodKey, periodLabel, periodShortLabel, periodsOf } from './period';

const q = (year: number, endMonth: number): Period => ({ year, endMonth, frequency: 'quarter' });
const m = (year: number, endMonth: number): Period => ({ year, endMonth, frequency: 'month' });
const set = builtinIndicatorSets()[0]!;

describe('period labels', () => {
  it.each([
    [q(2024, 3), '2024年1–3月', '2024年一季度'],
    [q(2024, 6), '2024年1–6月', '2024年上半年'],
    [q(2024, 9), '2024年1–9月', '2024年前三季度'],
    [q(2024, 12), '2024年1–12月', '2024年全年'],
    [m(2024, 7), '2024年1–7月', '2024年1–7月'],
    [m(2024, 1), '2024年1月', '2024年1月'],
  ])('%o → %s / %s', (p, long, short) => {
    expect(periodLabel(p)).toBe(long);
    expect(periodShortLabel(p)).toBe(short);
  });
});

describe('period keys', () => {
  it.each([
    [q(2024, 3), '2024-03-q'],
    [m(2024, 5), '2024-05-m'],
    [m(2023, 12), '2023-12-m'],
  ])('%o ↔ %s', (p, key) => {
    expect(periodKey(p)).toBe(key);
    expect(parsePeriodKey(key)).toEqual(p);
  });

  it.each(['2024-04-q', '2024-13-m', '2024-00-m', '24-03-q', '2024-03-x', ''])('rejects %s', (key) => {
    expect(parsePeriodKey(key)).toBeUndefined();
  });
});

describe('last year, ends and due dates', () => {
  it('last year is the same cumulative period a year earlier', () => {
    expect(lastYearPeriod(m(2024, 7))).toEqual(m(2023, 7));
  });

  it.each([
    [q(2024, 3), '2024-03-31', '2024-04-10'],
    [q(2024, 12), '2024-12-31', '2025-01-10'],
    [m(2024, 2), '2024-02-29', '2024-03-05'],
    [m(2023, 2), '2023-02-28', '2023-03-05'],
  ])('%o ends %s, due %s', (p, end, due) => {
    expect(periodEndDate(p)).toBe(end);
    expect(dueDate(set, p)).toBe(due);
  });

  it('lists the periods of a year', () => {
    expect(periodsOf(2024, 'quarter').map(periodKey)).toEqual(['2024-03-q', '2024-06-q', '2024-09-q', '2024-12-q']);
    expect(periodsOf(2024, 'month')).toHaveLength(12);
  });

  it.each([
    [q(2024, 4), false],
    [m(2024, 4), true],
    [m(2024, 13), false],
    [q(2024, 12), true],
  ])('%o valid: %s', (p, valid) => {
    expect(isValidPeriod(p)).toBe(valid);
  });

  it('orders periods', () => {
    const sorted = [m(2024, 7), q(2023, 12), q(2024, 6), m(2024, 6)].sort(comparePeriods).map(periodKey);
    expect(sorted).toEqual(['2023-12-q', '2024-06-q', '2024-06-m', '2024-07-m']);
  });
});
