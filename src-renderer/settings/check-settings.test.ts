import { describe, expect, it } from 'vitest';
import { checkSettings, type SettingsDraft } from './check-settings';

const zones = new Set(['jincheng-kfq']);
const draft: SettingsDraft = { zoneId: 'jincheng-kfq', fillerName: ' 王芳 ', phone: '0356-1234567', unitHead: '', statisticsHead: '李强' };

describe('checkSettings', () => {
  it('accepts a zone, a name and a phone, trimming them', () => {
    expect(checkSettings(draft, zones)).toEqual({ ok: true, settings: { zoneId: 'jincheng-kfq', fillerName: '王芳', phone: '0356-1234567', unitHead: '', statisticsHead: '李强' } });
  });

  it.each<[string, Partial<SettingsDraft>, string]>([
    ['no zone', { zoneId: '' }, 'zoneId'],
    ['an unknown zone', { zoneId: 'nowhere' }, 'zoneId'],
    ['no name', { fillerName: '  ' }, 'fillerName'],
    ['a phone with letters', { phone: 'abc1234567' }, 'phone'],
  ])('refuses %s', (_name, change, field) => {
    const result = checkSettings({ ...draft, ...change }, zones);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual([field]);
  });

  it('allows no phone', () => {
    expect(checkSettings({ ...draft, phone: '' }, zones).ok).toBe(true);
  });
});
