/**
 * A return (一个开发区一个报告期的报表) in the program's canonical interchange form
 * `zone-returns/return@1`. Documented in docs/return-format.md. This is what `zone-returns check`
 * reads, what the submission workbook carries in its hidden sheet, and what the database stores.
 */

export const RETURN_FORMAT = 'zone-returns/return@1';

/** A cumulative year-to-date period: months 1..endMonth of `year`. */
export interface Period {
  year: number;
  /** 1–12; the period covers 1–endMonth月 cumulatively. */
  endMonth: number;
  /** `quarter` periods end in 3, 6, 9 or 12. */
  frequency: 'quarter' | 'month';
}

export interface IndicatorValue {
  /** This period's cumulative value, at full precision as entered; text for text indicators. */
  current?: number | string | null;
  /** The same cumulative period of last year (上年同期), where the indicator compares. */
  lastYear?: number | null;
}

/** One project of the "三个一批" roster. Field set and units come from the indicator set. */
export interface RosterRow {
  /** Stable id of the row (a UUID), kept across edits and imports. */
  id: string;
  [field: string]: string | number | boolean | null | undefined;
}

export interface CoverInfo {
  /** 单位负责人 */
  unitHead?: string;
  /** 统计负责人 */
  statisticsHead?: string;
  /** 填表人 */
  filler?: string;
  /** 联系电话 */
  phone?: string;
  /** 报出日期, ISO yyyy-mm-dd */
  reportDate?: string;
}

export interface ZoneReturn {
  format: typeof RETURN_FORMAT;
  indicatorSet: { id: string; version: string };
  /** Zone id from the zone registry. */
  zoneId: string;
  period: Period;
  /** Entered values only, keyed by indicator code; derived values are never stored. */
  values: Record<string, IndicatorValue>;
  roster: RosterRow[];
  /** 合理性说明 given for warnings, keyed by the issue's `key`. */
  explanations: Record<string, string>;
  cover: CoverInfo;
}
