import { describe, expect, it } from 'vitest';
import { parseBooleanText, parseDateNumber, parseDateText, parseNumberText, serialToDate, toHalfWidth } from './normalise-value';

describe('parseNumberText', () => {
  it.each([
    ['12.5', 12.5, undefined, false],
    ['１２．５', 12.5, undefined, false],
    ['1,234.5', 1234.5, undefined, false],
    ['１，２３４', 1234, undefined, false],
    ['(1.5)', -1.5, undefined, false],
    ['（２）', -2, undefined, false],
    ['-3', -3, undefined, false],
    ['－3', -3, undefined, false],
    ['3.2亿元', 3.2, '亿元', false],
    ['3.2亿', 3.2, '亿元', false],
    ['1,200万元', 1200, '万元', false],
    ['500万', 500, '万元', false],
    ['20.35%', 20.35, undefined, true],
    ['２０．３５％', 20.35, undefined, true],
    ['1074.9亩', 1074.9, '亩', false],
    ['3.5万平方米', 3.5, '万平方米', false],
    [' 7 ', 7, undefined, false],
  ])('%s → %d', (text, value, unit, percent) => {
    const parsed = parseNumberText(text);
    expect(parsed?.value).toBe(value);
    expect(parsed?.unit).toBe(unit);
    expect(parsed?.percent).toBe(percent);
  });

  it.each(['四亿', 'abc', '1,23', '12..5', '', '亿元', '1.2.3'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('keeps the decimals as typed, for judging totals', () => {
    expect(parseNumberText('8.60')?.decimals).toBe(2);
    expect(parseNumberText('1,234')?.decimals).toBe(0);
  });
});

describe('dates', () => {
  it.each([
    ['2024-03-15', '2024-03-15', 'day'],
    ['2024.3.15', '2024-03-15', 'day'],
    ['2024/3/5', '2024-03-05', 'day'],
    ['2024年3月15日', '2024-03-15', 'day'],
    ['２０２４年３月１５日', '2024-03-15', 'day'],
    ['2024-03-15 10:30:00', '2024-03-15', 'day'],
    ['20240315', '2024-03-15', 'day'],
    ['2024年3月', '2024-03-01', 'month'],
    ['2024.3', '2024-03-01', 'month'],
    ['2024年', '2024-01-01', 'year'],
  ])('%s → %s', (text, iso, precision) => {
    expect(parseDateText(text)).toEqual({ iso, precision });
  });

  it.each(['2024-13-01', '2024-02-30', '2023年2月29日', '3月15日', '明年'])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('reads Excel serials in both date systems', () => {
    expect(serialToDate(45366)?.iso).toBe('2024-03-15');
    expect(serialToDate(45366.75)?.iso).toBe('2024-03-15');
    expect(serialToDate(43904, true)?.iso).toBe('2024-03-15');
    expect(parseDateNumber(20240315)?.iso).toBe('2024-03-15');
    expect(parseDateNumber(12)).toBeNull();
  });
});

describe('parseBooleanText', () => {
  it.each([
    ['是', true],
    ['√', true],
    ['已开工', true],
    ['Y', true],
    ['否', false],
    ['×', false],
    ['未开工', false],
    ['尚未投产', false],
    ['N', false],
    ['待定', null],
  ])('%s → %s', (text, value) => {
    expect(parseBooleanText(text)).toBe(value);
  });
});

describe('toHalfWidth', () => {
  it('turns full-width digits and punctuation and the ideographic space to ASCII', () => {
    expect(toHalfWidth('１２３，４５６．７８％（）　ＡＢ')).toBe('123,456.78%() AB');
  });
});
