/**
 * Reading one cell's text as a number, a date, a yes/no or text, the way clerks type them:
 * full-width digits, thousands separators, units in the cell, (negative), 2024年3月15日 …
 */
import type { Unit } from '../model';
import { CELL_UNIT, unitFromSpelling } from './units';

/** Full-width ASCII (１２３，．％（）) and the ideographic space to their ASCII forms. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x2212 || c === 0x2013) out += '-';
    else out += text[i];
  }
  return out;
}

export const EXCEL_ERROR = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)$/;

/** Cell texts that mean "nothing here" in a number or date column. */
const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '/', '\\', '无', '暂无', '空', 'n/a', 'N/A', '…', '...']);

export function isEmptyMark(text: string): boolean {
  return EMPTY_MARKS.has(text.trim());
}

export interface ParsedNumber {
  value: number;
  /** Unit typed into the cell, if any. */
  unit?: Unit;
  /** The text ended in %. */
  percent: boolean;
  /** Decimals as written, used to judge rounding when checking totals. */
  decimals: number;
}

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0 || /e/i.test(text)) return 0;
  return text.length - dot - 1;
}

export function parseNumberText(raw: string): ParsedNumber | null {
  let s = toHalfWidth(raw).replace(/\s+/g, '');
  if (s === '') return null;
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) {
    negative = true;
    s = bracketed[1] ?? '';
  }
  let unit: Unit | undefined;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  } else {
    const u = CELL_UNIT.exec(s);
    if (u?.[1] && u.index > 0) {
      unit = unitFromSpelling(u[1]);
      s = s.slice(0, u.index);
    }
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN.test(s)) return null;
  let value = Number(s);
  if (!Number.isFinite(value)) return null;
  if (negative) value = -value;
  const out: ParsedNumber = { value, percent, decimals: decimalsOf(s) };
  if (unit) out.unit = unit;
  return out;
}

/** Decimals of a number as Excel stored it (binary noise removed). */
export function decimalsOfNumber(value: number): number {
  return decimalsOf(String(Number(value.toPrecision(15))));
}

/* ------------------------------------------------------------------ dates */

export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedDate {
  /** ISO yyyy-mm-dd; a month-only date is stored as the 1st of the month. */
  iso: string;
  precision: DatePrecision;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1950 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function make(y: number, m: number, d: number, precision: DatePrecision): ParsedDate | null {
  return validDate(y, m, d) ? { iso: `${y}-${pad(m)}-${pad(d)}`, precision } : null;
}

/** Excel date serial → ISO date (1900 system unless the workbook uses 1904). */
export function serialToDate(serial: number, date1904 = false): ParsedDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const whole = Math.floor(serial);
  // Serials below 61 count Excel's phantom 1900-02-29, so the epoch shifts by a day.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : whole < 61 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + whole * 86_400_000);
  return make(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'day');
}

const FULL_DATE = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;
const MONTH_DATE = /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?(?:份)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_ONLY = /^(\d{4})\s*年$/;

export function parseDateText(raw: string): ParsedDate | null {
  const s = toHalfWidth(raw).trim();
  let m = FULL_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]), 'day');
  m = MONTH_DATE.exec(s);
  if (m) return make(Number(m[1]), Number(m[2]), 1, 'month');
  m = YEAR_ONLY.exec(s);
  if (m) return make(Number(m[1]), 1, 1, 'year');
  return null;
}

export function parseDateNumber(value: number, date1904 = false): ParsedDate | null {
  // 20240315 typed as a number.
  if (Number.isInteger(value) && value >= 19500101 && value <= 21001231) return parseDateText(String(value));
  // Serials between 1950 and 2100.
  if (value >= 18264 && value <= 73415) return serialToDate(value, date1904);
  return null;
}

/* ------------------------------------------------------------------ yes / no */

const YES = new Set(['是', '√', '✓', '✔', '对', 'y', 'yes', 'true', '1', '有', '已', 'ok']);
const NO = new Set(['否', '×', '✗', '✘', 'x', 'n', 'no', 'false', '0', '无', '未', '不是', '没有']);

export function parseBooleanText(raw: string): boolean | null {
  const s = toHalfWidth(raw).trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  // 已开工 / 已签约 / 是（产业类）; 未开工 / 尚未投产 / 否
  if (/^(已|是)/.test(s)) return true;
  if (/^(未|尚未|否|不|没)/.test(s)) return false;
  return null;
}
