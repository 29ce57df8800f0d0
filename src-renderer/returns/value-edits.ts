import type { IndicatorValue } from '../../src-shared/model';

export type ValueColumn = 'current' | 'lastYear';

/** One saved change of one cell; `before` is what the cell held, so the change can be undone. */
export interface ValueEdit {
  code: string;
  column: ValueColumn;
  before: number | null;
  after: number | null;
}

/** The values with the edits applied, without touching the original record. */
export function applyValueEdits(values: Readonly<Record<string, IndicatorValue>>, edits: readonly ValueEdit[]): Record<string, IndicatorValue> {
  const next: Record<string, IndicatorValue> = { ...values };
  for (const edit of edits) next[edit.code] = { ...next[edit.code], [edit.column]: edit.after };
  return next;
}

/** The edits that take the cells back, newest first. */
export function invertValueEdits(edits: readonly ValueEdit[]): ValueEdit[] {
  return [...edits].reverse().map((e) => ({ code: e.code, column: e.column, before: e.after, after: e.before }));
}

/** The number a cell holds now (text indicators are not grid cells). */
export function cellNumber(values: Readonly<Record<string, IndicatorValue>>, code: string, column: ValueColumn): number | null {
  const v = values[code]?.[column];
  return typeof v === 'number' ? v : null;
}

/** Drops edits that change nothing, so an unchanged paste is neither saved nor put on the undo stack. */
export function effectiveEdits(edits: readonly ValueEdit[]): ValueEdit[] {
  return edits.filter((e) => e.before !== e.after);
}
