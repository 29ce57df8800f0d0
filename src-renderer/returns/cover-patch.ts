import type { CoverInfo } from '../../src-shared/model';

export const COVER_FIELDS = [
  { key: 'unitHead', label: '单位负责人' },
  { key: 'statisticsHead', label: '统计负责人' },
  { key: 'filler', label: '填表人' },
  { key: 'phone', label: '联系电话' },
  { key: 'reportDate', label: '报出日期' },
] as const satisfies ReadonlyArray<{ key: keyof CoverInfo; label: string }>;

export type CoverPatch = { ok: true; patch: Partial<CoverInfo> } | { ok: false; message: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a date field's value is a whole date to save at once. A date input gives '' until every
 * segment is filled, and while the year is being typed it passes through 0002, 0020, 0202: only a
 * plausible year counts, so nothing half-typed is saved.
 */
export function isWholeReportDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  // A day that does not exist (2024-02-30) rolls over in Date: the round trip catches it.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) return false;
  const year = Number(value.slice(0, 4));
  return year >= 2000 && year <= 2100;
}

/** What the cover says of a date left half filled (the input's segments not all typed): kept, not saved. */
export const HALF_DATE_MESSAGE = '报出日期还没有填完整（年、月、日都要填），尚未保存；填完即自动保存。';

/** The cover fields the clerk changed (trimmed; an emptied field clears it), or why one cannot be saved. */
export function coverPatch(draft: Readonly<Record<keyof CoverInfo, string>>, stored: Readonly<CoverInfo>): CoverPatch {
  const patch: Partial<CoverInfo> = {};
  for (const { key } of COVER_FIELDS) {
    const value = draft[key].trim();
    if (value === (stored[key] ?? '')) continue;
    if (key === 'reportDate' && value !== '' && !isWholeReportDate(value)) {
      return { ok: false, message: `报出日期“${value}”不是有效日期，请按 2024-04-08 的格式填写。` };
    }
    patch[key] = value;
  }
  return { ok: true, patch };
}
