import type { SubmissionPayload } from './payload';
import { SheetBuilder, type LayoutSheet } from './layout';
import { sectionsFor, text } from './layout-common';
import { splitText } from './safe-text';
import { SHEET } from './sheet-names';

const LAST_COL = 8;
/** Long texts continue in the next row well below Excel's cell limit. */
export const TEXT_PIECE_CHARS = 30_000;
/** Roughly how many Chinese characters fit on one line of the merged text cell. */
const CHARS_PER_LINE = 52;
const LINE_HEIGHT = 15;
/** Excel's maximum row height. */
const MAX_ROW_HEIGHT = 409;

function rowHeightFor(piece: string): number {
  const lines = piece.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  return Math.min(MAX_ROW_HEIGHT, Math.max(30, lines * LINE_HEIGHT + 6));
}

/** The written sections (文字材料): highlights, measures, problems, next steps. */
export function layoutTexts(payload: SubmissionPayload): LayoutSheet {
  const b = new SheetBuilder();
  b.span(1, 1, LAST_COL, text(`${payload.zone.name}${payload.periodLabel}工作情况文字材料`), 'title', 32);
  let row = 3;
  for (const section of sectionsFor(payload.indicatorSet, payload.zone.type, 'text')) {
    for (const indicator of section.indicators) {
      b.span(row, 1, LAST_COL, text(indicator.name), 'heading', 22);
      row += 1;
      const value = payload.return.values[indicator.code]?.current;
      const content = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
      if (content === '') {
        b.span(row, 1, LAST_COL, '（未填写）', 'paragraph', 24);
        row += 1;
      } else {
        for (const piece of splitText(content, TEXT_PIECE_CHARS)) {
          const cell = text(piece);
          b.span(row, 1, LAST_COL, cell, 'paragraph', rowHeightFor(cell));
          row += 1;
        }
      }
      row += 1;
    }
  }
  return {
    name: SHEET.texts,
    columnWidths: Array.from({ length: LAST_COL }, () => 13),
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'portrait',
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
