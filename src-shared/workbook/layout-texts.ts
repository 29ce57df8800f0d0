import type { SubmissionPayload } from './payload';
import { SheetBuilder, type LayoutSheet } from './layout';
import { sectionsFor, text } from './layout-common';
import { xmlSafeText } from './safe-text';
import { SHEET } from './sheet-names';
import { MAX_ROW_HEIGHT, STYLE_FONT_PT, heightForLines, lineHeight, splitToFit, wrappedLines } from './text-fit';

const LAST_COL = 8;
const COLUMN_WIDTH = 13;
const TEXT_WIDTH = LAST_COL * COLUMN_WIDTH;
const TEXT_PT = STYLE_FONT_PT.paragraph;

/**
 * A long text continues in the next rows, each no taller than a row can be (409 pt), so that no
 * line is cut when printed; one line of room is kept for the apostrophe a formula-like start gets.
 */
function textPieces(content: string): string[] {
  return splitToFit(xmlSafeText(content), TEXT_WIDTH, TEXT_PT, MAX_ROW_HEIGHT - lineHeight(TEXT_PT));
}

function rowHeightFor(piece: string): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(30, heightForLines(wrappedLines(piece, TEXT_WIDTH, TEXT_PT), TEXT_PT)));
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
        for (const piece of textPieces(content)) {
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
    columnWidths: Array.from({ length: LAST_COL }, () => COLUMN_WIDTH),
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'portrait',
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
