import { describe, expect, it } from 'vitest';
import { bulletinReferenceFromBureau } from './reference-from-bureau';

describe('bulletinReferenceFromBureau', () => {
  it('maps 全省开发区平均增速 and the province ranks (value → amount, growth → growth)', () => {
    expect(bulletinReferenceFromBureau({ provinceAverageGrowthPct: { gyzjz: 0.9, gytz: -2.5 }, provinceRank: { gyzjz: { value: 3, growth: 1 }, gytz: { growth: 5 } } })).toEqual({
      provinceAverageGrowth: { gyzjz: 0.9, gytz: -2.5 },
      cityRanks: { gyzjz: { amount: 3, growth: 1 }, gytz: { growth: 5 } },
    });
  });
  it('leaves out what the bureau did not enter, so the draft shows a gap rather than a number', () => {
    expect(bulletinReferenceFromBureau({})).toEqual({});
    expect(bulletinReferenceFromBureau({ provinceAverageGrowthPct: {}, provinceRank: { gyzjz: {} } })).toEqual({});
    expect(bulletinReferenceFromBureau({ provinceAverageGrowthPct: { gyzjz: Number.NaN } })).toEqual({});
  });
});
