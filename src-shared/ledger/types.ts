/**
 * Shapes of a clerk's ledger (台账) as it passes from bytes to rows ready to store.
 * Everything here is structured-cloneable: a worker produces a `LedgerFile`, the UI maps it.
 */
import type { Unit, UserIssue } from '../model';

/** The formats we recognise from the bytes, not from the file name. */
export type LedgerFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'html' | 'xml2003';

/**
 * A cell after reading: text stays text (normalised later against the column's field), numbers
 * stay numbers. A number shown as a percentage keeps its shown text ("20.35%") so that the
 * column's percent rule can see it; an Excel error value is kept as its text ("#DIV/0!").
 */
export type TableCell = string | number | boolean | null;

export interface LedgerColumn {
  /** 0-based column index in the sheet. */
  index: number;
  /** Spreadsheet letter, e.g. `C`. */
  letter: string;
  /** Flattened header text, multi-row headers joined with " / " ("投资情况 / 总投资 / 亿元"). */
  header: string;
  /** Unit found in the header ("总投资（万元）") or in a 单位：万元 line above the table. */
  headerUnit?: Unit;
  hidden: boolean;
  /** A 序号 / 编号 column: never mapped automatically. */
  isIndex: boolean;
}

export interface LedgerDataRow {
  /** 1-based row number in the sheet, as the clerk sees it in Excel. */
  row: number;
  /** One cell per `LedgerTable.columns` entry. */
  cells: TableCell[];
}

export interface LedgerTotalRow extends LedgerDataRow {
  kind: '合计' | '小计';
  label: string;
  /** Indexes into `LedgerTable.rows` of the rows this total should add up. */
  covers: number[];
}

/** The table found on one sheet. */
export interface LedgerTable {
  sheet: string;
  /** 1-based sheet rows that make up the header. */
  headerRows: number[];
  /** Title rows above the header, kept for the preview ("2024年第一次三个一批项目台账"). */
  title: string[];
  /** A 单位：万元 caption above the table: the unit of money columns whose header names none. */
  captionUnit?: Unit;
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
  columns: LedgerColumn[];
  rows: LedgerDataRow[];
  totals: LedgerTotalRow[];
  /** Rows left out (blank, repeated header, numbering row, notes), for the preview. */
  skipped: Array<{ row: number; reason: string }>;
  issues: UserIssue[];
}

export interface SheetSummary {
  name: string;
  hidden: boolean;
  /** Used range size after trimming stray empty cells. */
  rowCount: number;
  columnCount: number;
  /** A table with a recognisable header was found on it. */
  hasTable: boolean;
}

export interface LedgerFile {
  fileName: string;
  format: LedgerFormat;
  /** For CSV/TXT: the text encoding that was detected. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';
  sheets: SheetSummary[];
  /** One table per sheet that has one (or only the sheet asked for). */
  tables: LedgerTable[];
  issues: UserIssue[];
}

export interface LedgerLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Largest total unpacked size of a zip-based workbook (xlsx/ods), in bytes. */
  maxUnpackedBytes: number;
  /** Largest unpacked/packed ratio of one zip entry above `bombMinBytes`. */
  maxCompressionRatio: number;
  bombMinBytes: number;
  /** Most cells (rows × used columns) accepted in one sheet. */
  maxCells: number;
  /** Most rows read from one sheet. */
  maxRows: number;
  /** Most used columns accepted in one sheet (after trimming empty columns). */
  maxColumns: number;
}

export const DEFAULT_LIMITS: LedgerLimits = {
  maxFileBytes: 60 * 1024 * 1024,
  maxUnpackedBytes: 400 * 1024 * 1024,
  maxCompressionRatio: 200,
  bombMinBytes: 20 * 1024 * 1024,
  maxCells: 6_000_000,
  maxRows: 300_000,
  maxColumns: 512,
};

/* ------------------------------------------------------------------ mapping */

export type TargetType = 'text' | 'number' | 'boolean' | 'date';

/**
 * Something a column can be mapped to: a roster field, one column (current / last year) of an
 * indicator, or the zone a row belongs to. Built from the indicator set, never hard-coded.
 */
export interface MappingTarget {
  /** Roster field code, `indicator:<code>:current|lastYear`, or `$zone`. */
  code: string;
  name: string;
  type: TargetType;
  unit?: Unit;
  /** Header texts that mean this target. */
  synonyms: string[];
  /**
   * Words of which at least one must also appear in the header (上年同期 for last year's column).
   * `excludeWords`: none of them may appear (本期 must not match a 上年同期 header).
   */
  requireWords?: string[];
  excludeWords?: string[];
  /** A header whose period words (1-6月累计, 一季度, 上年1-3月, see `headerPeriod`) name this column of a period. */
  periodColumn?: 'current' | 'lastYear';
  required?: boolean;
  options?: string[];
}

export interface ColumnAssignment {
  /** Index into `LedgerTable.columns`. */
  column: number;
  header: string;
  /** Target code, or null when the column is not imported. */
  target: string | null;
  /** Unit of the cells when the header does not say; overrides `headerUnit`. */
  sourceUnit?: Unit;
  /** Percent columns: plain numbers are fractions (0.2035 → 20.35%) or percents already; decided from the cells when absent. */
  percentScale?: 'fraction' | 'percent';
  /** How the mapping was chosen, shown beside it. */
  source: 'auto' | 'saved' | 'user' | 'file';
}

export interface LedgerMapping {
  /** Header signature the mapping belongs to (see `headerSignature`). */
  signature: string;
  columns: ColumnAssignment[];
}

/** The remembered mapping, as stored by the DB (keyed by signature) or given to the CLI. */
export interface SavedMapping {
  format: 'zone-returns/ledger-mapping@1';
  signature?: string;
  /** Header text (as flattened) or column letter → target code, or null to skip. */
  columns: Record<string, string | null>;
  /** Header text or column letter → unit of the cells. */
  units?: Record<string, Unit>;
  /** Header text or column letter → how a percent column's plain numbers are written. */
  percentScales?: Record<string, 'fraction' | 'percent'>;
}

/* ------------------------------------------------------------------ mapped rows */

export type MappedValue = string | number | boolean | null;

export interface MappedRow {
  /** 1-based sheet row. */
  row: number;
  sheet: string;
  /** Values by target code, converted to the target's unit. `$zone` holds the zone text. */
  values: Record<string, MappedValue>;
  issues: UserIssue[];
}

export interface MappedLedger {
  sheet: string;
  mapping: LedgerMapping;
  rows: MappedRow[];
  /** Issues not tied to a single row (totals, columns, unmapped required fields). */
  issues: UserIssue[];
  /** How each percent column was read, for the preview. */
  percentColumns: Array<{ column: number; scale: 'fraction' | 'percent' }>;
}
