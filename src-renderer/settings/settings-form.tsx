import { useMemo, useState } from 'react';
import type { Zone, ZoneRegistry } from '../../src-shared/model';
import type { Settings } from '../db';
import { checkSettings, type SettingsDraft } from './check-settings';

export interface SettingsFormProps {
  registry: ZoneRegistry;
  zones: Zone[];
  settings: Settings;
  firstRun: boolean;
  onSave(settings: Settings): Promise<void>;
}

/** The clerk's zone, name and phone, remembered on this computer. */
export function SettingsForm({ registry, zones, settings, firstRun, onSave }: SettingsFormProps) {
  const [draft, setDraft] = useState<SettingsDraft>({
    zoneId: settings.zoneId ?? '',
    fillerName: settings.fillerName ?? '',
    phone: settings.phone ?? '',
    unitHead: settings.unitHead ?? '',
    statisticsHead: settings.statisticsHead ?? '',
  });
  const [problems, setProblems] = useState<Partial<Record<keyof SettingsDraft, string>>>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const zoneIds = useMemo(() => new Set(zones.map((z) => z.id)), [zones]);
  const byCity = useMemo(
    () => registry.cities.map((city) => ({ city, zones: zones.filter((z) => z.cityCode === city.code) })).filter((g) => g.zones.length > 0),
    [registry, zones],
  );
  const field = (key: keyof SettingsDraft) => ({
    id: `setting-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => {
      setDraft({ ...draft, [key]: e.target.value });
      setState('idle');
    },
  });

  return (
    <form
      className="panel settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkSettings(draft, zoneIds);
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        setProblems({});
        setState('saving');
        onSave(checked.settings).then(
          () => setState('saved'),
          () => setState('failed'),
        );
      }}
    >
      <h2>{firstRun ? '首次使用：请选择本开发区并填写填表人信息' : '设置'}</h2>
      <p className="muted">这些信息保存在本机，以后打开程序时自动带出，并记入报表封面和修改记录。</p>
      <div className="form-grid">
        <label htmlFor="setting-zoneId">本开发区</label>
        <select {...field('zoneId')}>
          <option value="">— 请选择 —</option>
          {byCity.map(({ city, zones: cityZones }) => (
            <optgroup key={city.code} label={city.name}>
              {cityZones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.name}（{z.level}）
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <label htmlFor="setting-fillerName">填表人</label>
        <input {...field('fillerName')} autoComplete="name" />
        <label htmlFor="setting-phone">联系电话</label>
        <input {...field('phone')} inputMode="tel" />
        <label htmlFor="setting-unitHead">单位负责人</label>
        <input {...field('unitHead')} />
        <label htmlFor="setting-statisticsHead">统计负责人</label>
        <input {...field('statisticsHead')} />
      </div>
      {Object.values(problems).map((p) => (
        <p key={p} className="notice error">
          {p}
        </p>
      ))}
      <div className="toolbar" style={{ marginTop: 14 }}>
        <button type="submit" className="btn primary" disabled={state === 'saving'}>
          {firstRun ? '保存并开始填报' : '保存设置'}
        </button>
        <span role="status" className="muted">
          {state === 'saving' ? '保存中…' : state === 'saved' ? '已保存' : state === 'failed' ? '保存失败，请重试' : ''}
        </span>
      </div>
    </form>
  );
}
