/** Shapes shared by the computations, the validators and every reader of user files. */

/** Why a figure cannot be computed; the UI shows `detail` in place of the number. */
export type NotComputableReason = 'division-by-zero' | 'missing-input' | 'not-a-number' | 'bad-formula' | 'new-zone';

export type Computed =
  | { ok: true; value: number }
  | { ok: false; reason: NotComputableReason; detail: string };

export type Comparison = '高于' | '低于' | '持平';

/** Everything the grid shows for one indicator of one return. */
export interface IndicatorFigures {
  code: string;
  /** This period's value: entered, or computed from the formula. Text indicators: the text. */
  current: Computed | { ok: true; text: string };
  /** Same period last year (entered, from last year's return, or computed). */
  lastYear?: Computed;
  /** Year-on-year growth in percent (20.35 means 20.35%), full precision. */
  growthPercent?: Computed;
  /** Provincial target growth in percent, from the set. */
  targetGrowthPercent?: number;
  /** growthPercent − targetGrowthPercent in percentage points (百分点), and its sign in words. */
  gapPoints?: Computed;
  comparison?: Comparison;
  /**
   * City totals only: the zones the growth is computed over, when some zones of the amount are left out
   * of it (新设开发区 without 上年同期), and a sentence saying so.
   */
  growthZoneIds?: string[];
  growthNote?: string;
}

export interface ComputedReturn {
  figures: Record<string, IndicatorFigures>;
}

/** Where a problem is, so the UI can jump to it and the CLI can name it. */
export type IssueTarget =
  | { kind: 'indicator'; code: string; column: 'current' | 'lastYear' }
  | { kind: 'roster'; rowId: string; field: string }
  | { kind: 'text'; code: string }
  | { kind: 'return' };

export interface ValidationIssue {
  /** Rule or check code, e.g. `required`, `part-of`, `growth-range`. */
  code: string;
  severity: 'error' | 'warning';
  /** Stable key for this issue in this return; explanations (合理性说明) are stored under it. */
  key: string;
  target: IssueTarget;
  /** Chinese message: what is wrong and what to do next. */
  message: string;
  /** A warning for which the return holds a 合理性说明 under `key`; still reported, no longer outstanding. */
  explained?: boolean;
}

/** Location of a problem in a file a user gave us (ledger, workbook, JSON). 1-based rows/columns. */
export interface FileLocation {
  file?: string;
  sheet?: string;
  row?: number;
  column?: number | string;
  /** A JSON path or a field name, for JSON inputs. */
  path?: string;
}

export interface UserIssue {
  code: string;
  severity: 'error' | 'warning';
  /** Chinese message saying what is wrong, where, and what to do. */
  message: string;
  location?: FileLocation;
  /** The text found, where a value could not be read. */
  found?: string;
}

/** Errors a user can cause are values, never exceptions. */
export type Result<T> = { ok: true; value: T; issues: UserIssue[] } | { ok: false; issues: UserIssue[] };
