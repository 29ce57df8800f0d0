import { describe, expect, it } from 'vitest';
import kfq2023 from '../../seeds/indicator-sets/kfq-quarterly-2023.json';
import kfq2024 from '../../seeds/indicator-sets/kfq-quarterly-2024.json';
import kfq2025 from '../../seeds/indicator-sets/kfq-quarterly-2025.json';
import { computeReturn } from '../compute';
import { emptyReturn } from '../return';
import { validateReturn } from '../validate';
import { BUILTIN_SET_SOURCES, builtinIndicatorSets, builtinZoneRegistry, checkSetForPeriod, indicatorsFor, indicatorSetInForce } from './builtin';
import { parseIndicatorSet } from './parse-indicator-set';

describe('the shipped sets over the years', () => {
  it.each([
    ['seeds/indicator-sets/kfq-quarterly-2023.json', kfq2023, 2023],
    ['seeds/indicator-sets/kfq-quarterly-2024.json', kfq2024, 2024],
    ['seeds/indicator-sets/kfq-quarterly-2025.json', kfq2025, 2025],
  ])('%s loads and is the set in force for %s', (source, json, year) => {
    const r = parseIndicatorSet(json, source);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value.year).toBe(year);
    expect(BUILTIN_SET_SOURCES).toContain(source);
    const inForce = indicatorSetInForce(year);
    expect(inForce.ok && `${inForce.value.id} ${inForce.value.version}`).toBe(`kfq-quarterly ${year}.1`);
  });

  it.each([2022, 2026])('%s: no set in force is an error that says so, never another year’s set', (year) => {
    const r = indicatorSetInForce(year);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.message).toContain(`没有${year}年适用的指标集`);
    expect(r.issues[0]?.message).toContain('2023、2024、2025');
  });

  it('a set checks only returns of its own year, and names the set in force', () => {
    const set2024 = builtinIndicatorSets().find((s) => s.year === 2024);
    if (!set2024) throw new Error('2024 set missing');
    const r = checkSetForPeriod(set2024, { year: 2023, endMonth: 12, frequency: 'quarter' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.message).toContain('kfq-quarterly 2023.1');
  });

  it('project classes are expanded into the formulas that use them (亿元以上 includes the bound)', () => {
    const set = indicatorSetInForce(2024);
    if (!set.ok) throw new Error('no 2024 set');
    expect(set.value.projectClasses?.find((c) => c.code === 'yiYuanUp')?.condition).toBe('totalInvestment >= 1');
    const f = set.value.sections.flatMap((s) => s.indicators).find((i) => i.code === 'pbYiUpCount')?.formula ?? '';
    expect(f).toContain('totalInvestment >= 1');
    expect(f).not.toMatch(/\byiYuanUp\b|\bpresented\b/);
  });

  it('every zone of the registry, in every shipped year, is checked with its own type and without unknown-zone', () => {
    const registry = builtinZoneRegistry();
    expect(new Set(registry.zones.map((z) => z.cityCode)).size).toBe(11);
    for (const set of builtinIndicatorSets()) {
      for (const zone of registry.zones) {
        const ret = emptyReturn(set, zone.id, { year: set.year, endMonth: 6, frequency: 'quarter' });
        const issues = validateReturn(set, ret, computeReturn(set, ret, { registry }), { registry });
        const bad = issues.filter((i) => i.code === 'unknown-zone' || i.code === 'set-year-mismatch' || i.code === 'set-mismatch');
        expect(bad, `${zone.name} ${set.year}`).toEqual([]);
        expect(indicatorsFor(set, zone.type).length, zone.name).toBeGreaterThan(10);
      }
    }
  });

  it('an agricultural zone reports like a tourism zone (固定资产投资, 产业项目投资), not 规上工业增加值', () => {
    const set = builtinIndicatorSets()[0];
    if (!set) throw new Error('no set');
    const codes = indicatorsFor(set, 'agricultural').map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['gdzctz', 'cyxmtz', 'pbCount']));
    expect(codes).not.toContain('gyzjz');
  });
});
