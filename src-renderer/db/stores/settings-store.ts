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
}
