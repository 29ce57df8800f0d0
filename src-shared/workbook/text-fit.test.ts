import { describe, expect, it } from 'vitest';
import type { CellStyle } from './layout';
import { STYLES } from './render-sheet';
import { MAX_ROW_HEIGHT, STYLE_FONT_PT, displayWidth, fitRowHeights, heightForLines, splitToFit, wrappedLines } from './text-fit';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['合理性说明', 10],
    ['（亿元）', 8],
    ['3.5亿', 5],
    ['𠀋', 2],
  ])('%s is %i half-widths wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('wrappedLines', () => {
  it('counts each paragraph, and a paragraph wider than the cell as several lines', () => {
    expect(wrappedLines('短', 20, 10)).toBe(1);
    expect(wrappedLines('一\n二\n三', 20, 10)).toBe(3);
    // 20 units at 10 pt hold 20 half-widths: 10 CJK characters a line.
    expect(wrappedLines('一'.repeat(10), 20, 10)).toBe(1);
    expect(wrappedLines('一'.repeat(11), 20, 10)).toBe(2);
    expect(wrappedLines('一'.repeat(30), 20, 10)).toBe(3);
    // A larger font holds fewer.
    expect(wrappedLines('一'.repeat(10), 20, 12)).toBe(2);
  });
});

describe('splitToFit', () => {
  it('keeps a short text whole', () => {
    expect(splitToFit('第一段\n第二段', 104, 11)).toEqual(['第一段\n第二段']);
  });

  it('splits a long text into pieces that each fit one row, losing nothing', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `第 ${i + 1} 段：${'推进项目建设'.repeat(6 + (i % 5))}`);
    const text = `${paragraphs.join('\n')}\n${'很长的一段没有换行的文字'.repeat(400)}`;
    const pieces = splitToFit(text, 104, 11);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(heightForLines(wrappedLines(piece, 104, 11), 11)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    // Whole paragraphs stay together where they fit.
    expect(pieces[0]?.startsWith('第 1 段')).toBe(true);
    expect(pieces.slice(0, -1).every((p) => !p.endsWith('\n'))).toBe(true);
  });
});

describe('fitRowHeights', () => {
  it('grows a row to its tallest wrapped cell, across merged columns, and never lowers a set height', () => {
    const heights = fitRowHeights({
      columnWidths: [10, 10, 40],
      cells: [
        { row: 1, col: 1, value: '一'.repeat(20), style: 'text' },
        { row: 1, col: 3, value: '短', style: 'text' },
        { row: 2, col: 1, value: '一'.repeat(20), style: 'text' },
        { row: 3, col: 1, value: '不换行的居中文字很长很长', style: 'text-center' },
        { row: 4, col: 1, value: '短', style: 'text' },
      ],
      merges: [{ top: 2, left: 1, bottom: 2, right: 3 }],
      rowHeights: [{ row: 4, height: 40 }],
    });
    const of = (row: number) => heights.find((h) => h.row === row)?.height;
    expect(of(1)).toBe(heightForLines(5, 10));
    expect(of(2)).toBe(heightForLines(1, 10));
    expect(of(3)).toBeUndefined();
    expect(of(4)).toBe(40);
  });

  it('knows the font size render-sheet gives each style', () => {
    for (const [style, look] of Object.entries(STYLES)) {
      const size = look.font?.size;
      if (size !== undefined) expect([style, STYLE_FONT_PT[style as CellStyle]]).toEqual([style, size]);
    }
  });
});
