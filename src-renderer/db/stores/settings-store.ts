/** Settings the clerk sets once (本开发区, people of the cover). */
import type { SettingRecord, Settings } from '../schema';
import { StoreCore } from './store-core';

const SETTING_KEYS: ReadonlyArray<keyof Settings> = ['zoneId', 'fillerName', 'phone', 'unitHead', 'statisticsHead', 'lastPeriodKey', 'unitKind', 'bureauCityCode'];

export class SettingsPart extends StoreCore {
  async getSettings(): Promise<Settings> {
    const rows = await this.db.settings.bulkGet([...SETTING_KEYS]);
    const settings: Settings = {};
    for (const row of rows) {
      if (row === undefined || typeof row.value !== 'string') continue;
      const key = SETTING_KEYS.find((k) => k === row.key);
      if (key !== undefined) settings[key] = row.value;
    }
    return settings;
  }

  /** Remembers what the clerk set; an empty string or undefined forgets a setting. */
  async setSettings(patch: Settings): Promise<Settings> {
    await this.db.transaction('rw', this.db.settings, async () => {
      for (const key of SETTING_KEYS) {
        if (!(key in patch)) continue;
        const value = patch[key];
        if (value === undefined || value === '') await this.db.settings.delete(key);
        else await this.db.settings.put({ key, value } satisfies SettingRecord);
      }
    });
    return this.getSettings();
  }

  /** The bureau's narrative of a bulletin (举措, 下一步打算) by block id, kept per city and period. */
  async getBulletinNarrative(cityCode: string, periodKey: string): Promise<Record<string, string>> {
    const row = await this.db.settings.get(narrativeKey(cityCode, periodKey));
    if (row === undefined || typeof row.value !== 'object' || row.value === null || Array.isArray(row.value)) return {};
    return Object.fromEntries(Object.entries(row.value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  async saveBulletinNarrative(cityCode: string, periodKey: string, narrative: Record<string, string>): Promise<void> {
    const value = Object.fromEntries(Object.entries(narrative).filter(([, t]) => t !== ''));
    if (Object.keys(value).length === 0) await this.db.settings.delete(narrativeKey(cityCode, periodKey));
    else await this.db.settings.put({ key: narrativeKey(cityCode, periodKey), value } satisfies SettingRecord);
  }
}

/** A small key of the settings table (no new schema version). */
const narrativeKey = (cityCode: string, periodKey: string): string => `bulletinNarrative:${cityCode}:${periodKey}`;
