import type { Indicator, IndicatorValue } from '../../src-shared/model';
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

/**
 * A row of the official 主要指标 table that no grid shows: the title row of a section, or a text
 * indicator (typed in a box above its grid). A pasted row that lands on it is passed over.
 */
export interface PassedOverRow {
  passedOver: 'section-title' | 'text-indicator';
  label: string;
}
export type FormTableRow = IndicatorRow | PassedOverRow;

/** The return's indicators in the rows of the official 主要指标 table, as exported and printed. */
export interface FormTable {
  rows: readonly FormTableRow[];
  /** Where each grid row (by indicator code) stands in `rows`. */
  indexOf: ReadonlyMap<string, number>;
}

function isPassedOver(row: FormTableRow): row is PassedOverRow {
  return 'passedOver' in row;
}

/**
 * Lays the sections out as the official table does: each section's title row, then its
 * indicators in order, text indicators included (the workbook's 主要指标 sheet, so that a column
 * copied from last quarter's submission or the bureau's Excel form lines up row for row).
 */
export function buildFormTable(sections: ReadonlyArray<{ title: string; indicators: readonly Indicator[] }>, gridRows: ReadonlyMap<string, IndicatorRow>): FormTable {
  const rows: FormTableRow[] = [];
  const indexOf = new Map<string, number>();
  for (const section of sections) {
    if (section.indicators.length === 0) continue;
    rows.push({ passedOver: 'section-title', label: `栏目“${section.title}”的标题行` });
    for (const indicator of section.indicators) {
      const row = gridRows.get(indicator.code);
      if (row === undefined) {
        rows.push({ passedOver: 'text-indicator', label: `文字指标“${indicator.name}”一行` });
        continue;
      }
      indexOf.set(indicator.code, rows.length);
      rows.push(row);
    }
  }
  return { rows, indexOf };
}

/** Lays a parsed block over `rows` from the focused cell: the edits, the unreadable cells, the cells left out. */
function pasteOver(block: string[][], focus: { rowIndex: number; colId: string }, rows: readonly FormTableRow[], values: Readonly<Record<string, IndicatorValue>>): SectionPaste {
  const plan = planPaste(block, focus, {
    rowCount: rows.length,
    columns: SECTION_COLUMNS,
    isEditable: (rowIndex, colId) => {
      const row = rows[rowIndex];
      if (row === undefined || isPassedOver(row)) return false;
      return colId === 'current' ? row.currentEditable : colId === 'lastYear' ? row.lastYearEditable : false;
    },
  });
  const edits: ValueEdit[] = [];
  const problems: string[] = [];
  for (const cell of plan.cells) {
    const row = rows[cell.rowIndex];
    if (row === undefined || isPassedOver(row) || !isValueColumn(cell.colId)) continue;
    const parsed = parseCellNumber(cell.text, row.kind, row.unit);
    if (!parsed.ok) {
      problems.push(`${row.name}（${cell.colId === 'current' ? '本期' : '上年同期'}）：${parsed.message}`);
      continue;
    }
    edits.push({ code: row.code, column: cell.colId, before: cellNumber(values, row.code, cell.colId), after: parsed.value });
  }
  const below = plan.newRows.reduce((n, r) => n + r.length, 0);
  // Empty cells on a title row are the gap between sections, not cells left out.
  let blankPassedOver = 0;
  block.forEach((blockRow, r) => {
    const row = rows[focus.rowIndex + r];
    if (row !== undefined && isPassedOver(row)) blankPassedOver += blockRow.filter((t) => t.trim() === '').length;
  });
  return { edits: effectiveEdits(edits), problems, skipped: plan.skippedReadOnly + plan.outsideColumns + below - blankPassedOver };
}

/** The first number in the block that would land on a row of the table no grid shows. */
function numberOnPassedOverRow(block: string[][], focus: { rowIndex: number; colId: string }, table: FormTable): { blockRow: number; label: string } | undefined {
  const first = SECTION_COLUMNS.indexOf(focus.colId as SectionColumn);
  for (let r = 0; r < block.length; r++) {
    const row = table.rows[focus.rowIndex + r];
    if (row === undefined || !isPassedOver(row)) continue;
    const numeric = (block[r] ?? []).some((cellText, c) => {
      const colId = SECTION_COLUMNS[first + c];
      if (colId === undefined || !isValueColumn(colId)) return false;
      const parsed = parseCellNumber(cellText, 'number', '亿元');
      return parsed.ok && parsed.value !== null;
    });
    if (numeric) return { blockRow: r, label: row.label };
  }
  return undefined;
}

/**
 * A paste from the focused cell that goes on past its section, as a column copied from the
 * official table does: the rows of the whole form are laid out as that table's (`FormTable`),
 * and the title rows and text-indicator rows it holds are passed over. When the block does not
 * follow those rows (a number lands on one of them), it is pasted into the focused section row by
 * row as before, and `notice` says why.
 */
export function pasteIntoForm(
  text: string,
  focus: { rowIndex: number; colId: string },
  sectionRows: readonly IndicatorRow[],
  table: FormTable,
  values: Readonly<Record<string, IndicatorValue>>,
): SectionPaste & { notice?: { text: string; problem: boolean } } {
  const block = parseClipboardBlock(text);
  const code = sectionRows[focus.rowIndex]?.code;
  const start = code === undefined ? undefined : table.indexOf.get(code);
  if (start === undefined) return pasteOver(block, focus, sectionRows, values);
  const tableFocus = { rowIndex: start, colId: focus.colId };
  const clash = numberOnPassedOverRow(block, tableFocus, table);
  if (clash !== undefined) {
    const inSection = pasteOver(block, focus, sectionRows, values);
    return { ...inSection, notice: { problem: true, text: `粘贴内容第 ${clash.blockRow + 1} 行的数值落在${clash.label}上，与正式报表的行序不符，因此只在本栏目内逐行粘贴` } };
  }
  const result = pasteOver(block, tableFocus, table.rows, values);
  const last = Math.min(start + block.length, table.rows.length);
  const crossed = table.rows.slice(start, last).filter((r) => isPassedOver(r) && r.passedOver === 'section-title').length;
  return crossed > 0 ? { ...result, notice: { problem: false, text: `粘贴从本栏目延续到下面 ${crossed} 个栏目（按正式报表的行序，栏目标题行和文字指标行跳过）` } } : result;
}
