import type { RosterField } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import { parseCellNumber, toHalfWidth } from '../grid/parse-cell-number';

export type RosterCellResult = { ok: true; value: RosterCell } | { ok: false; message: string };

const YES = new Set(['是', '√', '✓', '✔', 'y', 'yes', 'true', '1', '已', '有']);
const NO = new Set(['否', '×', '✗', 'x', 'n', 'no', 'false', '0', '未', '无']);

/** The choices of a flag's list: yes, no, and 空 to clear it. */
export const FLAG_CHOICES = ['是', '否', '空'] as const;

/** Space on a flag: empty → 是 → 否 → empty. */
export function nextFlag(value: unknown): boolean | null {
  return value === true ? false : value === false ? null : true;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Dates as clerks type them: 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日; a month alone (2024年3月) means its first day. */
export function parseRosterDate(raw: string): string | null {
  const text = toHalfWidth(raw).trim();
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const month = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  if (month) return isoDate(Number(month[1]), Number(month[2]), 1);
  return null;
}

/** Reads what a clerk typed or pasted into a roster cell, by the field's type. An empty cell clears it. */
export function parseRosterCell(raw: string, field: RosterField): RosterCellResult {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      const parsed = parseCellNumber(text, 'number', field.unit ?? '亿元');
      return parsed.ok ? parsed : { ok: false, message: `${field.name}：${parsed.message}` };
    }
    case 'boolean': {
      const key = toHalfWidth(text).toLowerCase();
      if (key === '空') return { ok: true, value: null };
      if (YES.has(key)) return { ok: true, value: true };
      if (NO.has(key)) return { ok: true, value: false };
      return { ok: false, message: `${field.name}：“${text}”应为“是”或“否”` };
    }
    case 'date': {
      const iso = parseRosterDate(text);
      return iso === null ? { ok: false, message: `${field.name}：“${text}”不是日期，请按 2024-03-15 或 2024年3月15日 填写` } : { ok: true, value: iso };
    }
  }
}
