import { useMemo, useState } from 'react';
import { MAX_FILE_BYTES } from '../../src-shared/ipc/contract';
import type { Zone, ZoneRegistry } from '../../src-shared/model';
import { ZONE_TYPE_NAMES, ZONE_TYPES, zonesFromSheet, type ZoneSheetResult } from '../../src-shared/seeds';
import { getBridge } from '../bridge';
import type { Repository } from '../db';
import { checkZoneDraft, draftOf, emptyZoneDraft, type ZoneDraft } from './check-zone-draft';
import { readZoneSheetFile } from './read-zone-sheet-file';
import './zone-registry-panel.css';

export interface ZoneRegistryPanelProps {
  repo: Repository;
  registry: ZoneRegistry;
  zones: Zone[];
  who: string;
  /** Called after a zone was added, changed or imported, so the app lists the zones again. */
  onChanged(): void;
}

type Message = { kind: 'info' | 'error'; text: string } | null;
const SHEET_FILTERS = [{ name: '开发区名录表', extensions: ['xlsx', 'xls', 'et', 'ods', 'csv'] }];

/**
 * 设置 → 开发区名录: the zones of the province by city; a bureau adds a zone, renames or corrects one,
 * or imports its registry sheet, without a new release. A zone's 编号 is fixed once it exists.
 */
export function ZoneRegistryPanel({ repo, registry, zones, who, onChanged }: ZoneRegistryPanelProps) {
  const [cityCode, setCityCode] = useState('');
  const [editing, setEditing] = useState<ZoneDraft | null>(null);
  const [adding, setAdding] = useState<ZoneDraft | null>(null);
  const [problems, setProblems] = useState<Partial<Record<keyof ZoneDraft, string>>>({});
  const [message, setMessage] = useState<Message>(null);
  const [sheet, setSheet] = useState<{ fileName: string; result: ZoneSheetResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const cityName = useMemo(() => new Map(registry.cities.map((c) => [c.code, c.name] as const)), [registry]);
  const shown = useMemo(() => zones.filter((z) => cityCode === '' || z.cityCode === cityCode).sort((a, b) => a.cityCode.localeCompare(b.cityCode)), [zones, cityCode]);
  const ids = useMemo(() => new Set(zones.map((z) => z.id)), [zones]);

  const done = (text: string): void => {
    setMessage({ kind: 'info', text });
    setProblems({});
    onChanged();
  };
  const failed = (issues: { message: string }[]): void => setMessage({ kind: 'error', text: issues.map((i) => i.message).join('\n') });

  const saveEdit = async (draft: ZoneDraft): Promise<void> => {
    const checked = checkZoneDraft(draft, registry.cities, ids, false);
    if (!checked.ok) return setProblems(checked.problems);
    const { id, ...fields } = checked.zone;
    const r = await repo.updateZone(id, { ...fields, shortName: fields.shortName ?? '' }, who);
    if (!r.ok) return failed(r.issues);
    setEditing(null);
    done(`已保存「${r.value.name}」（编号 ${id} 不变）`);
  };
  const saveNew = async (draft: ZoneDraft): Promise<void> => {
    const checked = checkZoneDraft(draft, registry.cities, ids, true);
    if (!checked.ok) return setProblems(checked.problems);
    const r = await repo.addZone(checked.zone, who);
    if (!r.ok) return failed(r.issues);
    setAdding(null);
    done(`已添加「${r.value.name}」`);
  };
  const pickSheet = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const picked = await getBridge().openFile({ filters: SHEET_FILTERS, maxBytes: MAX_FILE_BYTES });
      if (!picked.ok) return failed(picked.issues);
      if (picked.value.kind === 'cancelled') return;
      const { name, bytes } = picked.value.file;
      const read = await readZoneSheetFile(bytes, name);
      if (!read.ok) return failed(read.issues);
      const result = zonesFromSheet(read.value.rows, registry, zones, { file: name, sheet: read.value.sheet });
      if (!result.ok) return failed(result.issues);
      setSheet({ fileName: name, result: result.value });
    } finally {
      setBusy(false);
    }
  };
  const importSheet = async (): Promise<void> => {
    if (!sheet) return;
    const r = await repo.importZones(sheet.result.zones, who);
    if (!r.ok) return failed(r.issues);
    setSheet(null);
    done(`已导入「${sheet.fileName}」：新增 ${r.value.added} 个，修改 ${r.value.changed} 个，未变 ${r.value.unchanged} 个`);
  };

  const fields = (draft: ZoneDraft, set: (d: ZoneDraft) => void, isNew: boolean) => {
    const input = (key: keyof ZoneDraft, label: string, extra: { disabled?: boolean; placeholder?: string } = {}) => (
      <label className={problems[key] ? 'has-problem' : undefined}>
        <span>{label}</span>
        <input aria-label={label} value={draft[key]} onChange={(e) => set({ ...draft, [key]: e.target.value })} {...extra} />
        {problems[key] && <em className="problem">{problems[key]}</em>}
      </label>
    );
    return (
      <div className="zone-fields">
        {input('id', '编号', isNew ? { placeholder: '如 xinjian-kfq' } : { disabled: true })}
        {input('name', '开发区名称')}
        {input('shortName', '简称')}
        <label className={problems.cityCode ? 'has-problem' : undefined}>
          <span>所属市</span>
          <select aria-label="所属市" value={draft.cityCode} onChange={(e) => set({ ...draft, cityCode: e.target.value })}>
            <option value="">— 请选择 —</option>
            {registry.cities.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {problems.cityCode && <em className="problem">{problems.cityCode}</em>}
        </label>
        {input('county', '县（市、区）')}
        <label>
          <span>类型</span>
          <select aria-label="类型" value={draft.type} onChange={(e) => set({ ...draft, type: e.target.value })}>
            {ZONE_TYPES.map((t) => (
              <option key={t} value={t}>
                {ZONE_TYPE_NAMES[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>级别</span>
          <select aria-label="级别" value={draft.level} onChange={(e) => set({ ...draft, level: e.target.value })}>
            <option value="省级">省级</option>
            <option value="国家级">国家级</option>
          </select>
        </label>
        {input('establishedYear', '设立年份', { placeholder: '新设开发区填写，如 2024' })}
      </div>
    );
  };

  return (
    <section className="panel zone-registry-panel" aria-labelledby="zone-registry-title">
      <h2 id="zone-registry-title">开发区名录</h2>
      <p className="muted">
        全省 {registry.cities.length} 个市、{zones.length} 个开发区（名录版本 {registry.version}）。{registry.source ?? ''}
      </p>
      <div className="toolbar">
        <select aria-label="按市筛选" value={cityCode} onChange={(e) => setCityCode(e.target.value)}>
          <option value="">全部市</option>
          {registry.cities.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}（{zones.filter((z) => z.cityCode === c.code).length}）
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={() => (setAdding(emptyZoneDraft(cityCode)), setEditing(null), setProblems({}))}>
          新增开发区
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void pickSheet()}>
          导入名录表…
        </button>
        <span className="muted">名录表的表头：编号、开发区名称、简称、所属市、县区、类型、级别、设立年份</span>
      </div>
      {message && (
        <p className={`notice${message.kind === 'error' ? ' error' : ''}`} role="status">
          {message.text}
        </p>
      )}
      {sheet && (
        <div className="notice zone-sheet-preview" role="region" aria-label="名录表预览">
          <p>
            「{sheet.fileName}」共 {sheet.result.zones.length} 个开发区：新增 {sheet.result.added.length} 个
            {sheet.result.added.length > 0 ? `（${sheet.result.zones.filter((z) => sheet.result.added.includes(z.id)).map((z) => z.name).join('、')}）` : ''}，其余按编号或名称与已有开发区对应。
          </p>
          <div className="toolbar">
            <button type="button" className="btn primary" onClick={() => void importSheet()}>
              确认导入
            </button>
            <button type="button" className="btn" onClick={() => setSheet(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      {adding && (
        <form
          className="zone-edit"
          aria-label="新增开发区"
          onSubmit={(e) => {
            e.preventDefault();
            void saveNew(adding);
          }}
        >
          {fields(adding, setAdding, true)}
          <div className="toolbar">
            <button type="submit" className="btn primary">
              添加
            </button>
            <button type="button" className="btn" onClick={() => (setAdding(null), setProblems({}))}>
              取消
            </button>
          </div>
        </form>
      )}
      <div className="zone-table-wrap">
        <table className="zone-table">
          <thead>
            <tr>
              <th>编号</th>
              <th>开发区名称</th>
              <th>简称</th>
              <th>所属市</th>
              <th>县（市、区）</th>
              <th>类型</th>
              <th>级别</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((z) =>
              editing?.id === z.id ? (
                <tr key={z.id} data-zone={z.id} className="editing">
                  <td colSpan={8}>
                    <form
                      className="zone-edit"
                      aria-label={`修改${z.name}`}
                      onSubmit={(e) => {
                        e.preventDefault();
                        void saveEdit(editing);
                      }}
                    >
                      {fields(editing, setEditing, false)}
                      <div className="toolbar">
                        <button type="submit" className="btn primary">
                          保存
                        </button>
                        <button type="button" className="btn" onClick={() => (setEditing(null), setProblems({}))}>
                          取消
                        </button>
                        {z.formerNames && <span className="muted">曾用名：{z.formerNames.join('、')}</span>}
                      </div>
                    </form>
                  </td>
                </tr>
              ) : (
                <tr key={z.id} data-zone={z.id}>
                  <td className="zone-id">{z.id}</td>
                  <td>
                    {z.name}
                    {z.formerNames && <span className="muted">（曾用名：{z.formerNames.join('、')}）</span>}
                  </td>
                  <td>{z.shortName ?? ''}</td>
                  <td>{cityName.get(z.cityCode) ?? z.cityCode}</td>
                  <td>{z.county}</td>
                  <td>{ZONE_TYPE_NAMES[z.type]}</td>
                  <td>{z.level}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => (setEditing(draftOf(z)), setAdding(null), setProblems({}))}>
                      修改
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
