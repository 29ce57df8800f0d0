import { describe, expect, it } from 'vitest';
import type { ZoneReturn } from '../model';
import { exampleReturn, kfqSet } from '../seeds';
import { computeReturn, figureValue } from './compute-return';
import { consolidate, rankZones } from './consolidate';

const set = kfqSet();
const jinchengFour = (): ZoneReturn[] => [exampleReturn('jincheng-kfq-2024-q1'), exampleReturn('gaoping-kfq-2024-q1'), exampleReturn('qinshui-kfq-2024-q1'), exampleReturn('yangcheng-kfq-2024-q1')];

describe('consolidate', () => {
  it('sums entered and roster-derived counts, and recomputes rates from the summed parts', () => {
    const r = consolidate(set, [...jinchengFour(), exampleReturn('lingchuan-lyq-2024-q1')]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.figures['zsTrips']?.current).toEqual({ ok: true, value: 40 + 25 + 18 + 16 + 6 });
    // Tourism indicators come from the tourism zone only.
    expect(r.value.figures['gdzctz']?.current).toEqual({ ok: true, value: 12852 });
    const signed = figureValue(r.value.figures['qySignedInvestment']);
    const started = figureValue(r.value.figures['qySignedStartedInvestment']);
    const rate = figureValue(r.value.figures['rateSignedStarted']);
    expect(signed).toBeGreaterThan(0);
    expect(rate).toBeCloseTo(((started ?? NaN) / (signed ?? NaN)) * 100, 9);
    expect(r.value.zoneIds).toHaveLength(5);
  });

  it('texts and figures that do not aggregate are left out', () => {
    const r = consolidate(set, jinchengFour());
    expect(r.ok && r.value.figures['txtHighlights']).toBeUndefined();
    expect(r.ok && r.value.figures['zd1Name']).toBeUndefined();
  });

  it('a zone missing a value makes the sum not computable, naming the zone', () => {
    const four = jinchengFour();
    delete four[1]?.values['zsTrips'];
    const r = consolidate(set, four);
    const c = r.ok ? r.value.figures['zsTrips']?.current : undefined;
    expect(c).toMatchObject({ ok: false, reason: 'missing-input' });
    expect(c && !c.ok && c.detail).toContain('高平开发区');
  });

  it.each<[string, (rs: ZoneReturn[]) => ZoneReturn[], string]>([
    ['different periods', (rs) => rs.map((r, i) => (i === 2 ? { ...r, period: { year: 2024, endMonth: 6, frequency: 'quarter' } } : r)), 'period-mismatch'],
    ['another set', (rs) => rs.map((r, i) => (i === 0 ? { ...r, indicatorSet: { id: 'other', version: '1' } } : r)), 'set-mismatch'],
    ['a zone twice', (rs) => [...rs, exampleReturn('gaoping-kfq-2024-q1')], 'duplicate-zone'],
    ['nothing', () => [], 'no-returns'],
  ])('refuses %s', (_what, edit, code) => {
    const r = consolidate(set, edit(jinchengFour()));
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code, severity: 'error' }));
  });
});

describe('rankZones', () => {
  it('ranks by amount and by growth, highest first', () => {
    const r = consolidate(set, jinchengFour());
    if (!r.ok) throw new Error('consolidate failed');
    expect(rankZones(r.value.byZone, 'gyzjz').map((x) => [x.zoneId, x.rank])).toEqual([
      ['jincheng-kfq', 1],
      ['gaoping-kfq', 2],
      ['qinshui-kfq', 3],
      ['yangcheng-kfq', 4],
    ]);
    expect(rankZones(r.value.byZone, 'gyzjz', 'growth')[0]?.zoneId).toBe('gaoping-kfq');
  });

  it('equal values share a rank; zones without a value come last, unranked', () => {
    const a = computeReturn(set, { ...exampleReturn('gaoping-kfq-2024-q1'), zoneId: 'a' });
    const b = computeReturn(set, { ...exampleReturn('gaoping-kfq-2024-q1'), zoneId: 'b' });
    const c = computeReturn(set, exampleReturn('jincheng-kfq-2024-q1'));
    const noValue = exampleReturn('qinshui-kfq-2024-q1');
    delete noValue.values['gyzjz'];
    const ranks = rankZones({ a, b, c, d: computeReturn(set, noValue) }, 'gyzjz');
    expect(ranks.map((x) => [x.zoneId, x.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', undefined],
    ]);
  });
});

describe('computeReturn', () => {
  it('derived figures are not computable, with the reason, when the roster has no signed project', () => {
    const ret = { ...exampleReturn('gaoping-kfq-2024-q1') };
    const figs = computeReturn(set, ret).figures;
    expect(figs['qySignedCount']?.current).toEqual({ ok: true, value: 0 });
    expect(figs['rateSignedStarted']?.current).toMatchObject({ ok: false, reason: 'division-by-zero' });
  });

  it('only projects of this year’s batches count', () => {
    const figs = computeReturn(set, exampleReturn('jincheng-kfq-2024-q1')).figures;
    // The roster has six projects; one is from a 2023 batch.
    expect(figs['qySignedCount']?.current).toEqual({ ok: true, value: 5 });
  });

  it('a tourism zone gets tourism figures and no industrial ones', () => {
    const figs = computeReturn(set, exampleReturn('lingchuan-lyq-2024-q1')).figures;
    expect(figs['gdzctz']?.growthPercent?.ok).toBe(true);
    expect(figs['gyzjz']).toBeUndefined();
  });

  it('an unknown zone is treated as industrial unless told', () => {
    const ret = { ...exampleReturn('lingchuan-lyq-2024-q1'), zoneId: 'new-zone' };
    expect(computeReturn(set, ret).figures['gyzjz']).toBeDefined();
    expect(computeReturn(set, ret, { zoneType: 'tourism' }).figures['gyzjz']).toBeUndefined();
  });

  it('a missing entered value is a distinct not-computable figure', () => {
    const ret = exampleReturn('gaoping-kfq-2024-q1');
    delete ret.values['gytz'];
    const figs = computeReturn(set, ret).figures;
    expect(figs['gytz']?.current).toMatchObject({ ok: false, reason: 'missing-input' });
    expect(figs['gytz']?.growthPercent).toMatchObject({ ok: false, reason: 'missing-input' });
    expect(figs['gytz']?.comparison).toBeUndefined();
  });
});
