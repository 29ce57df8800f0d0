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

/** The cover fields the clerk changed (trimmed; an emptied field clears it), or why one cannot be saved. */
export function coverPatch(draft: Readonly<Record<keyof CoverInfo, string>>, stored: Readonly<CoverInfo>): CoverPatch {
  const patch: Partial<CoverInfo> = {};
  for (const { key } of COVER_FIELDS) {
    const value = draft[key].trim();
    if (value === (stored[key] ?? '')) continue;
    if (key === 'reportDate' && value !== '' && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      return { ok: false, message: `报出日期“${value}”不是有效日期，请按 2024-04-08 的格式填写。` };
    }
    patch[key] = value;
  }
  return { ok: true, patch };
}
