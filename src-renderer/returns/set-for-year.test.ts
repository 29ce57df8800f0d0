import { describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src-shared/model';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import { setForYear } from './set-for-year';

const base = builtinIndicatorSets()[0];
if (base === undefined) throw new Error('no built-in set');
const variant = (year: number, version: string): IndicatorSet => ({ ...base, year, version });
const sets = [variant(2024, '2024.1'), variant(2024, '2024.10'), variant(2024, '2024.9'), variant(2025, '2025.1')];

describe('setForYear', () => {
  it.each<[number, string]>([
    [2024, '2024.10'],
    [2025, '2025.1'],
    [2026, '2025.1'],
    [2020, '2025.1'],
  ])('a return of %i is filed with set version %s', (year, version) => {
    expect(setForYear(year, sets).version).toBe(version);
  });

  it('uses the built-in sets by default', () => {
    expect(setForYear(2024).year).toBe(2024);
  });
});
