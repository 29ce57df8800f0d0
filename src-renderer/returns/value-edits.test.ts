import { describe, expect, it } from 'vitest';
import { applyValueEdits, cellNumber, effectiveEdits, invertValueEdits, type ValueEdit } from './value-edits';

const edits: ValueEdit[] = [
  { code: 'gyzjz', column: 'current', before: null, after: 108.78 },
  { code: 'gyzjz', column: 'lastYear', before: 90, after: 90.39 },
  { code: 'gytz', column: 'current', before: 1, after: null },
];

describe('value edits', () => {
  it('applies edits without changing the original values', () => {
    const values = { gyzjz: { lastYear: 90 }, gytz: { current: 1, lastYear: 2 } };
    const next = applyValueEdits(values, edits);
    expect(next).toEqual({ gyzjz: { current: 108.78, lastYear: 90.39 }, gytz: { current: null, lastYear: 2 } });
    expect(values).toEqual({ gyzjz: { lastYear: 90 }, gytz: { current: 1, lastYear: 2 } });
  });

  it('inverting and applying brings the values back', () => {
    const values = { gyzjz: { lastYear: 90 }, gytz: { current: 1, lastYear: 2 } };
    const back = applyValueEdits(applyValueEdits(values, edits), invertValueEdits(edits));
    expect(back).toEqual({ gyzjz: { current: null, lastYear: 90 }, gytz: { current: 1, lastYear: 2 } });
    expect(invertValueEdits(edits)[0]).toEqual({ code: 'gytz', column: 'current', before: null, after: 1 });
  });

  it('reads cell numbers and ignores text', () => {
    const values = { a: { current: 3 }, t: { current: '文字' } };
    expect(cellNumber(values, 'a', 'current')).toBe(3);
    expect(cellNumber(values, 't', 'current')).toBeNull();
    expect(cellNumber(values, 'missing', 'lastYear')).toBeNull();
  });

  it('drops edits that change nothing', () => {
    expect(effectiveEdits([{ code: 'a', column: 'current', before: 1, after: 1 }, ...edits])).toEqual(edits);
  });
});
