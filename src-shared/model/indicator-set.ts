/**
 * An indicator set (报表模板) as it is stored in `seeds/indicator-sets/*.json`.
 * The code knows nothing of any particular indicator: everything a return contains,
 * computes and checks is described here. Format documented in docs/indicator-set-format.md.
 */

export const INDICATOR_SET_FORMAT = 'zone-returns/indicator-set@1';

/** 工业类 / 旅游类 / 农业类开发区; each indicator names the types that report it. */
export type ZoneType = 'industrial' | 'tourism' | 'agricultural';

/** Units the program knows; conversions exist between the money units and the area units. */
export type Unit =
  | '亿元'
  | '万元'
  | '元'
  | '个'
  | '家'
  | '宗'
  | '件'
  | '项'
  | '批次'
  | '亩'
  | '万平方米'
  | '平方米'
  | '万元/亩'
  | '%'
  | '文本';

export type IndicatorKind = 'number' | 'integer' | 'percent' | 'text';

/** How a figure combines when the city bureau consolidates zones. */
export type Aggregation =
  | { kind: 'sum' }
  /** Recomputed from the summed inputs of `formula` (e.g. a share or a rate), never averaged. */
  | { kind: 'ratio-of-sums'; formula: string }
  | { kind: 'none' };

export interface Indicator {
  /** Stable identifier used in formulas, returns and workbooks, e.g. `gyzjz`. */
  code: string;
  /** Chinese name shown to the clerk, e.g. 规上工业增加值. */
  name: string;
  unit: Unit;
  /** Decimals used for display and for the workbook's number format; storage is never rounded. */
  decimals: number;
  kind: IndicatorKind;
  /** `entered` by the clerk, or `derived` from `formula`. */
  source: 'entered' | 'derived';
  /** Expression over indicator codes and roster aggregates; required when `source` is `derived`. */
  formula?: string;
  aggregate: Aggregation;
  /** Zone types that report this indicator. */
  zoneTypes: ZoneType[];
  /** A missing value is a hard error. */
  required?: boolean;
  /** The indicator has a same-period-last-year value and so a year-on-year growth. */
  compareLastYear?: boolean;
  /** The provincial target growth (省定目标) in percent, for the set's year. */
  targetGrowthPercent?: number;
  /** Text indicators: the maximum length in characters. */
  maxLength?: number;
  /** One-line help shown beside the indicator. */
  note?: string;
}

export interface IndicatorSection {
  id: string;
  title: string;
  /** `indicators`: a grid of numbers; `text`: the written sections (文字材料). */
  kind: 'indicators' | 'text';
  indicators: Indicator[];
}

export type RosterFieldType = 'text' | 'number' | 'boolean' | 'date';

export interface RosterField {
  /** Property name in a roster row, e.g. `totalInvestment`. */
  code: string;
  name: string;
  type: RosterFieldType;
  unit?: Unit;
  decimals?: number;
  required?: boolean;
  /** Header texts that mean this field in a clerk's ledger (项目名称 / 项目 / 名称 …). */
  synonyms: string[];
  /** Allowed values for text fields with a closed list (e.g. 行业). */
  options?: string[];
}

export interface RosterDefinition {
  fields: RosterField[];
  /** Fields that identify a project within a zone when importing (matched by name and zone). */
  keyFields: string[];
}

/** A check the set defines. Severity `error` blocks 已校验; `warning` needs a 合理性说明. */
export type Rule =
  /** `part` may not exceed `whole` (转型项目投资 ≤ 工业投资, 开工 ≤ 签约). */
  | { kind: 'part-of'; id: string; severity: 'error'; part: string; whole: string; message?: string }
  /** Year-on-year growth of `indicator` outside [min, max] percent. */
  | { kind: 'growth-range'; id: string; severity: 'warning'; indicator: string; min: number; max: number }
  /**
   * Last year's value typed in this return differs by more than `tolerancePercent` from the
   * value in last year's return for the same period, where the program has it.
   */
  | { kind: 'last-year-jump'; id: string; severity: 'warning'; indicator: string; tolerancePercent: number }
  /**
   * An entered (published) figure must equal `formula` computed from its parts, allowing for the
   * rounding of the published inputs and of the figure itself.
   */
  | { kind: 'consistency'; id: string; severity: 'warning'; indicator: string; formula: string }
  /** A general condition that must hold; `message` is shown when it does not. */
  | { kind: 'expression'; id: string; severity: 'error' | 'warning'; condition: string; indicators: string[]; message: string }
  /**
   * A condition every roster row must meet, evaluated over the row's fields (e.g. `!started || signed`:
   * a project marked 开工 must be marked 签约). A row where a named field is empty is not checked.
   */
  | { kind: 'roster-row'; id: string; severity: 'error' | 'warning'; condition: string; fields: string[]; message: string };

export interface DueRule {
  /** The return for a period ending in month M is due on this day of month M + 1. */
  dayOfNextMonth: number;
}

/**
 * A named class of projects (项目口径) the set defines once and formulas use by its code inside
 * `count(...)` / `sum(...)`: 本年铺排项目, 亿元以上. Either a condition over the roster row, or a size
 * band over one number field, where `atLeast` includes its bound (以上) and `below` excludes it (以下不含).
 */
export interface ProjectClass {
  code: string;
  name: string;
  /** The condition over a roster row, with earlier classes expanded (what formulas are evaluated with). */
  condition: string;
  band?: { field: string; atLeast?: number; below?: number };
}

/**
 * How the set treats a zone that did not exist in the same period last year (新设开发区, named by the
 * registry's `establishedYear`): it has no 上年同期, its growth is not computable with `reason`, and a
 * city total counts it in the amount but not in the growth.
 */
export interface NewZoneRule {
  reason: string;
}

export interface IndicatorSet {
  format: typeof INDICATOR_SET_FORMAT;
  id: string;
  version: string;
  /** The statistical year the set (and its targets) belongs to. */
  year: number;
  name: string;
  /** The period kinds a return may be filed for with this set. */
  frequencies: Array<'quarter' | 'month'>;
  due: { quarter: DueRule; month: DueRule };
  sections: IndicatorSection[];
  roster: RosterDefinition;
  rules: Rule[];
  /** Project classes formulas may use inside aggregates (absent in sets written before them). */
  projectClasses?: ProjectClass[];
  newZone?: NewZoneRule;
}
