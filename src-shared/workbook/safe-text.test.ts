import { describe, expect, it } from 'vitest';
import { cellText, escapeOoxml, looksLikeFormula, MAX_CELL_CHARS, splitText, truncateText, xmlSafeText } from './safe-text';

describe('cellText', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+86 0356', "'+86 0356"],
    ['-12.5', "'-12.5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t缩进', "'\t缩进"],
    ['\r\n回车', "'\n回车"],
    ['普通 =文字', '普通 =文字'],
    ["'已有引号", "'已有引号"],
    ['', ''],
    ['控制\u0001字符\u001f', '控制\uFFFD字符\uFFFD'],
    ['孤立 \ud800 代理', '孤立 \uFFFD 代理'],
    ['成对 😀', '成对 😀'],
    ['a\r\nb\rc', 'a\nb\nc'],
  ])('%j → %j', (input, output) => {
    expect(cellText(input)).toBe(output);
  });

  it('never leaves a formula trigger at the start', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(looksLikeFormula(cellText(`${start}x`))).toBe(false);
  });

  it('cuts text longer than a cell holds, marking the cut', () => {
    const long = '字'.repeat(MAX_CELL_CHARS + 10);
    const cut = cellText(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut.endsWith('（全文见报表数据）')).toBe(true);
  });
});

describe('escapeOoxml', () => {
  it.each([
    ['_x0041_', '_x005F_x0041_'],
    ['a_x00e9_b', 'a_x005F_x00e9_b'],
    ['_x12_', '_x12_'],
    ['plain_text', 'plain_text'],
  ])('%s → %s', (input, output) => {
    expect(escapeOoxml(input)).toBe(output);
  });
});

describe('xmlSafeText and truncateText', () => {
  it('keeps tab and line feed', () => {
    expect(xmlSafeText('a\tb\nc')).toBe('a\tb\nc');
  });
  it('does not split a surrogate pair when cutting', () => {
    const text = `${'a'.repeat(20)}😀${'b'.repeat(20)}`;
    for (let max = 25; max < 40; max += 1) {
      const cut = truncateText(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
    }
  });
});

describe('splitText', () => {
  it('joins back to the original and keeps every piece within the limit', () => {
    const text = Array.from({ length: 200 }, (_, i) => `第${i}段😀内容`.repeat(i % 7)).join('\n');
    for (const max of [10, 33, 100, 1000]) {
      const pieces = splitText(text, max);
      expect(pieces.join('')).toBe(text);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(max);
        expect(/[\ud800-\udbff]$/.test(piece)).toBe(false);
      }
    }
  });

  it('prefers to break after a line end', () => {
    expect(splitText(`${'a'.repeat(8)}\n${'b'.repeat(8)}`, 10)).toEqual([`${'a'.repeat(8)}\n`, 'b'.repeat(8)]);
  });
});
