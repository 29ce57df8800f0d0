import type {
  Comparison,
  Computed,
  ComputedReturn,
  IndicatorKind,
  IndicatorSection,
  Unit,
  ValidationIssue,
  ZoneReturn,
} from '../../src-shared/model';
import type { ValueColumn } from './value-edits';

/** A figure as the grid shows it: a number at full precision, nothing yet, or why it cannot be computed. */
export type CellFigure = { kind: 'number'; value: number } | { kind: 'empty' } | { kind: 'problem'; detail: string };

/** Where the 上年同期 value of a row comes from. */
export type LastYearSource = 'entered' | 'last-year-return' | 'derived' | 'none';

/** One row of a section grid: an indicator with everything its cells show. */
export interface IndicatorRow {
  code: string;
  name: string;
  unit: Unit;
  decimals: number;
  kind: IndicatorKind;
  derived: boolean;
  required: boolean;
  note?: string;
  current: CellFigure;
  lastYear: CellFigure;
  lastYearSource: LastYearSource;
  growth: CellFigure;
  target: number | null;
  gap: CellFigure;
  comparison?: Comparison;
  currentEditable: boolean;
  lastYearEditable: boolean;
  issues: Record<ValueColumn, ValidationIssue[]>;
}

function fromComputed(c: Computed | undefined): CellFigure {
  if (c === undefined) return { kind: 'empty' };
  if (c.ok) return { kind: 'number', value: c.value };
  // A missing input is the normal state of a return being filled: show an empty cell, not a problem.
  return c.reason === 'missing-input' ? { kind: 'empty' } : { kind: 'problem', detail: c.detail };
}

function fromStored(v: number | string | null | undefined): CellFigure {
  return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'empty' };
}

export interface SectionRowsInput {
  section: IndicatorSection;
  /** Indicators the zone reports (from `indicatorsFor(set, zoneType)`); others are left out. */
  reported: ReadonlySet<string>;
  ret: ZoneReturn;
  computed: ComputedReturn;
  issues: readonly ValidationIssue[];
  lastYearReturn?: ZoneReturn;
  readOnly: boolean;
}

/**
 * The rows of one section grid. Entered cells show the stored value; derived cells and growth,
 * gap show the computation. 上年同期 is taken from last year's return where the program has
 * that figure, and is then not editable.
 */
export function buildSectionRows(input: SectionRowsInput): IndicatorRow[] {
  const { section, reported, ret, computed, issues, lastYearReturn, readOnly } = input;
  return section.indicators
    .filter((ind) => reported.has(ind.code) && ind.kind !== 'text')
    .map((ind): IndicatorRow => {
      const figures = computed.figures[ind.code];
      const derived = ind.source === 'derived';
      const stored = ret.values[ind.code];
      const compares = ind.compareLastYear === true;
      const fromLastYear = typeof lastYearReturn?.values[ind.code]?.current === 'number';
      let lastYearSource: LastYearSource = 'none';
      if (compares) lastYearSource = derived ? 'derived' : fromLastYear ? 'last-year-return' : 'entered';
      let lastYear: CellFigure = { kind: 'empty' };
      if (lastYearSource === 'entered') lastYear = fromStored(stored?.lastYear);
      else if (lastYearSource !== 'none') lastYear = fromComputed(figures?.lastYear);
      const currentComputed = figures?.current;
      const current: CellFigure = derived
        ? currentComputed !== undefined && !('text' in currentComputed)
          ? fromComputed(currentComputed)
          : { kind: 'empty' }
        : fromStored(stored?.current);
      const cellIssues: Record<ValueColumn, ValidationIssue[]> = { current: [], lastYear: [] };
      for (const issue of issues) {
        if (issue.target.kind === 'indicator' && issue.target.code === ind.code) cellIssues[issue.target.column].push(issue);
      }
      const row: IndicatorRow = {
        code: ind.code,
        name: ind.name,
        unit: ind.unit,
        decimals: ind.decimals,
        kind: ind.kind,
        derived,
        required: ind.required === true,
        current,
        lastYear,
        lastYearSource,
        growth: compares ? fromComputed(figures?.growthPercent) : { kind: 'empty' },
        target: ind.targetGrowthPercent ?? null,
        gap: compares && ind.targetGrowthPercent !== undefined ? fromComputed(figures?.gapPoints) : { kind: 'empty' },
        currentEditable: !readOnly && !derived,
        lastYearEditable: !readOnly && lastYearSource === 'entered',
        issues: cellIssues,
      };
      if (ind.note !== undefined) row.note = ind.note;
      if (figures?.comparison !== undefined) row.comparison = figures.comparison;
      return row;
    });
}

/**
 * The rows of `next`, each replaced by its twin in `previous` where nothing it shows changed, and
 * `previous` itself when no row changed: the grid then sees the same row objects and redraws only
 * the rows whose figures moved (a keystroke changes one row's growth, not the section's).
 */
export function keepUnchangedRows(previous: readonly IndicatorRow[] | undefined, next: IndicatorRow[]): IndicatorRow[] {
  if (previous === undefined) return next;
  const before = new Map(previous.map((row) => [row.code, row] as const));
  let changed = previous.length !== next.length;
  const rows = next.map((row, index) => {
    const old = before.get(row.code);
    if (old !== undefined && JSON.stringify(old) === JSON.stringify(row)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? rows : (previous as IndicatorRow[]);
}
