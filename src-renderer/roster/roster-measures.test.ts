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

  it('says why a rate shows —: the signed projects without 总投资, counted and named', () => {
    const gaps: ZoneReturn = {
      ...ret,
      roster: [
        ...ret.roster,
        { id: 'c', name: '丙', batch: '2024年第一次', signed: true, started: true },
        { id: 'd', name: '丁', batch: '2024年第一次', signed: true },
      ],
    };
    const lines = measureGroups(set, 'industrial', computeReturn(set, gaps, { zoneType: 'industrial' })).flatMap((g) => g.lines);
    const rate = lines.find((l) => l.code === 'rateSignedStarted');
    expect(rate?.text).toBe('—');
    // The numerator (签约项目中已开工) misses 丙 only; the base (every signed project) names both.
    expect(rate?.reason).toBe('签约项目开工率无法计算：计入「签约项目计划总投资」的 2 个项目缺少「总投资」（项目「丙」、项目「丁」），请在项目台账中补填');
    const investment = lines.find((l) => l.code === 'qySignedInvestment');
    expect(investment?.reason).toBe('签约项目计划总投资无法计算：计入「签约项目计划总投资」的 2 个项目缺少「总投资」（项目「丙」、项目「丁」），请在项目台账中补填');
    const count = lines.find((l) => l.code === 'qySignedCount');
    expect(count).toEqual({ code: 'qySignedCount', name: '签约项目个数', text: '4 个' });
  });

  it('says why a rate shows — when its base is zero', () => {
    const none: ZoneReturn = { ...ret, roster: [] };
    const rate = measureGroups(set, 'industrial', computeReturn(set, none, { zoneType: 'industrial' }))
      .flatMap((g) => g.lines)
      .find((l) => l.code === 'rateSignedStarted');
    expect(rate?.text).toBe('—');
    expect(rate?.reason).toMatch(/^签约项目开工率无法计算：「签约项目计划总投资」为0/);
  });
});
