/** 设置 → 本单位: a development zone (the clerk's app) or a city bureau of commerce (市局汇总). */
import { useState } from 'react';
import type { ZoneRegistry } from '../../src-shared/model';
import type { Settings } from '../db';

export function UnitPicker({ registry, settings, onSave }: { registry: ZoneRegistry; settings: Settings; onSave: (next: Settings) => Promise<void> }) {
  const [kind, setKind] = useState(settings.unitKind === 'bureau' ? 'bureau' : 'zone');
  const [city, setCity] = useState(settings.bureauCityCode ?? registry.cities[0]?.code ?? '');
  const zonesOf = registry.zones.filter((z) => z.cityCode === city);
  return (
    <section className="unit-picker" aria-label="本单位">
      <h2>本单位</h2>
      <label>
        <input type="radio" name="unit-kind" checked={kind === 'zone'} onChange={() => setKind('zone')} /> 开发区（填报报表）
      </label>{' '}
      <label>
        <input type="radio" name="unit-kind" checked={kind === 'bureau'} onChange={() => setKind('bureau')} /> 市商务局（收件、汇总、排名）
      </label>
      {kind === 'bureau' && (
        <p>
          <label>
            城市{' '}
            <select aria-label="城市" value={city} onChange={(e) => setCity(e.target.value)}>
              {registry.cities.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}商务局
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="muted">所辖开发区：{zonesOf.map((z) => z.name).join('、') || '无'}</span>
        </p>
      )}
      <button type="button" onClick={() => void onSave({ ...settings, unitKind: kind, ...(kind === 'bureau' ? { bureauCityCode: city } : {}) })}>
        保存本单位
      </button>
    </section>
  );
}
