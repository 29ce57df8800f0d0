import { describe, expect, it } from 'vitest';
import type { IndicatorKind, Unit } from '../../src-shared/model';
import { parseCellNumber, toHalfWidth } from './parse-cell-number';

describe('parseCellNumber', () => {
  it.each<[string, IndicatorKind, Unit, number | null]>([
    ['108.78', 'number', '亿元', 108.78],
    ['15.7', 'number', '亿元', 15.7],
    ['1,234.5', 'number', '万元', 1234.5],
    ['12,345,678', 'number', '万元', 12345678],
    ['１２３．４５', 'number', '亿元', 123.45],
    ['１，２３４', 'number', '万元', 1234],
    ['  42 ', 'integer', '个', 42],
    ['\u300042\u3000', 'integer', '个', 42],
    ['108.78亿元', 'number', '亿元', 108.78],
    ['20.35%', 'percent', '%', 20.35],
    ['２０．３５％', 'percent', '%', 20.35],
    ['-3.2', 'number', '亿元', -3.2],
    ['－3.2', 'number', '亿元', -3.2],
    ['(3.2)', 'number', '亿元', -3.2],
    ['.5', 'number', '亿元', 0.5],
    ['0.123456789012', 'number', '亿元', 0.123456789012],
    ['', 'number', '亿元', null],
    ['   ', 'number', '亿元', null],
  ])('%j (%s, %s) reads as %j', (raw, kind, unit, expected) => {
    expect(parseCellNumber(raw, kind, unit)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, IndicatorKind, Unit]>([
    ['abc', 'number', '亿元'],
    ['1,23', 'number', '亿元'],
    ['1.2.3', 'number', '亿元'],
    ['12亩', 'number', '亿元'],
    ['3.5', 'integer', '个'],
    ['20%', 'number', '亿元'],
  ])('%j (%s, %s) is refused with a message', (raw, kind, unit) => {
    const result = parseCellNumber(raw, kind, unit);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(raw.trim());
  });
});

describe('toHalfWidth', () => {
  it('maps full-width digits and punctuation and leaves Chinese text alone', () => {
    expect(toHalfWidth('０１２３４５６７８９．，－％　亿元')).toBe('0123456789.,-% 亿元');
  });
});

describe('parseCellNumber with a unit in the cell (the ledger import reader)', () => {
  it('converts money to the column unit and refuses a unit of another kind', () => {
    expect(parseCellNumber('8,000万元', 'number', '亿元')).toEqual({ ok: true, value: 0.8 });
    expect(parseCellNumber('3.5亿', 'number', '万元')).toEqual({ ok: true, value: 35000 });
    expect(parseCellNumber('3.5亿元', 'number', '亿元')).toEqual({ ok: true, value: 3.5 });
    const wrong = parseCellNumber('12亩', 'number', '亿元');
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toContain('无法换算');
  });
});
