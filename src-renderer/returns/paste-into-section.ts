import type { IndicatorValue } from '../../src-shared/model';
import { parseCellNumber } from '../grid/parse-cell-number';
import { parseClipboardBlock } from '../grid/parse-clipboard';
import { planPaste } from '../grid/plan-paste';
import type { IndicatorRow } from './build-section-rows';
import { cellNumber, effectiveEdits, type ValueColumn, type ValueEdit } from './value-edits';

/** Column ids of a section grid, left to right. */
export const SECTION_COLUMNS = ['name', 'unit', 'current', 'lastYear', 'growth', 'target', 'gap'] as const;
export type SectionColumn = (typeof SECTION_COLUMNS)[number];

export function isValueColumn(colId: string): colId is ValueColumn {
  return colId === 'current' || colId === 'lastYear';
}

export interface SectionPaste {
  edits: ValueEdit[];
  /** Chinese messages for cells that could not be read; those cells are left as they were. */
  problems: string[];
  /** Cells that landed on read-only or out-of-grid cells. */
  skipped: number;
}

/** Turns text copied from Excel or WPS into the edits of one section, starting at the focused cell. */
export function pasteIntoSection(
  text: string,
  focus: { rowIndex: number; colId: string },
  rows: readonly IndicatorRow[],
  values: Readonly<Record<string, IndicatorValue>>,
): SectionPaste {
  const plan = planPaste(parseClipboardBlock(text), focus, {
    rowCount: rows.length,
    columns: SECTION_COLUMNS,
    isEditable: (rowIndex, colId) => {
      const row = rows[rowIndex];
      if (row === undefined) return false;
      return colId === 'current' ? row.currentEditable : colId === 'lastYear' ? row.lastYearEditable : false;
    },
  });
  const edits: ValueEdit[] = [];
  const problems: string[] = [];
  for (const cell of plan.cells) {
    const row = rows[cell.rowIndex];
    if (row === undefined || !isValueColumn(cell.colId)) continue;
    const parsed = parseCellNumber(cell.text, row.kind, row.unit);
    if (!parsed.ok) {
      problems.push(`${row.name}（${cell.colId === 'current' ? '本期' : '上年同期'}）：${parsed.message}`);
      continue;
    }
    edits.push({ code: row.code, column: cell.colId, before: cellNumber(values, row.code, cell.colId), after: parsed.value });
  }
  const below = plan.newRows.reduce((n, r) => n + r.length, 0);
  return { edits: effectiveEdits(edits), problems, skipped: plan.skippedReadOnly + plan.outsideColumns + below };
}
