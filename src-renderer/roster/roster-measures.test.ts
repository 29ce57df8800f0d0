import { describe, expect, it } from 'vitest';
import { computeReturn } from '../../src-shared/compute';
import type { ZoneReturn } from '../../src-shared/model';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import { derivedSections, measureGroups } from './roster-measures';

const set = builtinIndicatorSets()[0];
if (set === undefined) throw new Error('no built-in set');

const ret: ZoneReturn = {
  format: 'zone-returns/return@1',
  indicatorSet: { id: set.id, version: set.version },
  zoneId: 'jincheng-kfq',
  period: { year: 2024, endMonth: 3, frequency: 'quarter' },
  values: {},
  roster: [
    { id: 'a', name: '甲', batch: '2024年第一次', totalInvestment: 12, signed: true, started: true, producing: false, industrial: true },
    { id: 'b', name: '乙', batch: '2024年第一次', totalInvestment: 3, signed: true, started: false, producing: false, industrial: true },
  ],
  explanations: {},
  cover: {},
};

describe('roster measures', () => {
  it('picks the sections made only of formulas', () => {
    const ids = derivedSections(set, 'industrial').map((s) => s.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const section of derivedSections(set, 'industrial')) expect(section.indicators.every((i) => i.source === 'derived')).toBe(true);
  });

  it('follows the roster: two signed projects, one started', () => {
    const computed = computeReturn(set, ret, { zoneType: 'industrial' });
    const lines = measureGroups(set, 'industrial', computed).flatMap((g) => g.lines);
    const signedCount = lines.find((l) => l.name === '签约项目个数');
    expect(signedCount?.text).toBe('2 个');
    const started = lines.find((l) => l.name === '签约项目开工率');
    // By the set's formula: invested-weighted, 12 of 15.
    expect(started?.text).toBe('80.00%');
  });
});
