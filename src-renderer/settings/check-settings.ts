import type { Settings } from '../db';

export interface SettingsDraft {
  zoneId: string;
  fillerName: string;
  phone: string;
  unitHead: string;
  statisticsHead: string;
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: Partial<Record<keyof SettingsDraft, string>> };

const PHONE = /^[0-9０-９+＋\-－ ()（）]{7,20}$/;

/** What the clerk must set once before filling: their zone and name; a phone, if given, must look like one. */
export function checkSettings(draft: SettingsDraft, zoneIds: ReadonlySet<string>): SettingsCheck {
  const problems: Partial<Record<keyof SettingsDraft, string>> = {};
  if (!zoneIds.has(draft.zoneId)) problems.zoneId = '请选择本开发区。';
  if (draft.fillerName.trim() === '') problems.fillerName = '请填写填表人姓名，它会记入修改记录和报表封面。';
  const phone = draft.phone.trim();
  if (phone !== '' && !PHONE.test(phone)) problems.phone = '联系电话只能包含数字、空格、括号、“+”和“-”，例如 0356-1234567 或 13800000000。';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: { zoneId: draft.zoneId, fillerName: draft.fillerName.trim(), phone, unitHead: draft.unitHead.trim(), statisticsHead: draft.statisticsHead.trim() },
  };
}
