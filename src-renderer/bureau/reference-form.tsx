/**
 * 参考数据 in 汇总: figures that are in no zone's return — 全省开发区平均增速 per indicator and the
 * province's ranks of this city by amount and by growth ("排在全省第3位") — typed in per period, or
 * imported from a sheet (指标 / 全省平均增速 / 全省排名). Every value is checked before anything is
 * stored; a bad one names the indicator and the column, and nothing is saved.
 */
import { useEffect, useState } from 'react';
import { bureauReferenceFromBulletin } from '../../src-shared/bulletin/reference-from-bureau';
import type { ReferenceFigures } from '../../src-shared/collect';
import type { IndicatorSet, ZoneRegistry } from '../../src-shared/model';
import { allIndicators } from '../../src-shared/seeds';
import type { Repository } from '../db';

type Field = 'avg' | 'value' | 'growth';
const FIELD_LABEL: Record<Field, string> = { avg: '全省开发区平均增速', value: '全省完成量排名', growth: '全省增速排名' };
type Draft = Record<string, Record<Field, string>>;

const draftOf = (codes: string[], ref: ReferenceFigures): Draft =>
  Object.fromEntries(codes.map((c) => [c, {
    avg: ref.provinceAverageGrowthPct?.[c]?.toString() ?? '',
    value: ref.provinceRank?.[c]?.value?.toString() ?? '',
    growth: ref.provinceRank?.[c]?.growth?.toString() ?? '',
  }]));

/** The typed form as figures, or the problems (indicator and column named). */
export function referenceFromDraft(draft: Draft, names: Record<string, string>): { ok: true; value: ReferenceFigures } | { ok: false; problems: string[] } {
  const out: Required<ReferenceFigures> = { provinceAverageGrowthPct: {}, provinceRank: {} };
  const problems: string[] = [];
  for (const [code, row] of Object.entries(draft)) {
    const avg = row.avg.trim().replace(/[%％]$/, '');
    if (avg !== '') {
      const n = Number(avg);
      if (Number.isFinite(n)) out.provinceAverageGrowthPct[code] = n;
      else problems.push(`「${names[code]}」的${FIELD_LABEL.avg}「${row.avg}」不是数值`);
    }
    for (const kind of ['value', 'growth'] as const) {
      const text = row[kind].trim().replace(/^第/, '').replace(/[位名]$/, '');
      if (text === '') continue;
      const n = Number(text);
      if (Number.isInteger(n) && n >= 1) out.provinceRank[code] = { ...out.provinceRank[code], [kind]: n };
      else problems.push(`「${names[code]}」的${FIELD_LABEL[kind]}「${row[kind]}」应为正整数名次（如 3）`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out };
}

export interface ReferenceFormProps {
  repo: Repository;
  registry: ZoneRegistry;
  cityCode: string;
  periodKey: string;
  periodText: string;
  set: IndicatorSet;
  reference: ReferenceFigures;
  onSaved(next: ReferenceFigures): void;
}

export function ReferenceForm(props: ReferenceFormProps) {
  const { repo, cityCode, periodKey, set, reference } = props;
  const indicators = allIndicators(set).filter((i) => i.compareLastYear);
  const codes = indicators.map((i) => i.code);
  const names = Object.fromEntries(indicators.map((i) => [i.code, i.name]));
  const [draft, setDraft] = useState<Draft>(() => draftOf(codes, reference));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(draftOf(codes, reference)), [reference, periodKey, set]);

  const store = async (next: ReferenceFigures, done: string): Promise<void> => {
    const saved = await repo.saveReferenceFigures(cityCode, periodKey, next);
    if (!saved.ok) {
      setMessage({ error: true, text: saved.issues.map((i) => i.message).join('；') });
      return;
    }
    setMessage({ error: false, text: done });
    props.onSaved(next);
  };
  const save = async (): Promise<void> => {
    const r = referenceFromDraft(draft, names);
    if (!r.ok) {
      setMessage({ error: true, text: `参考数据未保存：${r.problems.join('；')}。` });
      return;
    }
    await store(r.value, `已保存${props.periodText}的参考数据。`);
  };
  const importSheet = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The sheet reader (SheetJS) loads in its own chunk, only when a sheet is imported.
    const { readReferenceWorkbook } = await import('../../src-shared/bulletin/read-reference-workbook');
    const read = readReferenceWorkbook(bytes, set, props.registry, file.name);
    if (!read.ok) {
      setMessage({ error: true, text: `未导入，参考数据没有改动：${read.issues.map((i) => i.message).join('；')}` });
      return;
    }
    const got = bureauReferenceFromBulletin(read.value);
    const touched = new Set([...Object.keys(got.provinceAverageGrowthPct ?? {}), ...Object.keys(got.provinceRank ?? {})]);
    const outside = [...touched].filter((c) => !codes.includes(c));
    const next: ReferenceFigures = {
      provinceAverageGrowthPct: { ...reference.provinceAverageGrowthPct, ...got.provinceAverageGrowthPct },
      provinceRank: { ...reference.provinceRank, ...got.provinceRank },
    };
    const zoneRows = Object.keys(read.value.zoneRanks ?? {}).length;
    await store(next, `已从「${file.name}」导入 ${touched.size} 个指标的参考数据（${props.periodText}）${outside.length ? `，其中 ${outside.map((c) => names[c] ?? c).join('、')} 不比较上年、不在下表中` : ''}${zoneRows ? `；开发区的名次未导入（开发区排名由收到的报表算出）` : ''}。`);
  };

  return (
    <section className="reference-form" aria-label="参考数据">
      <h3>参考数据（{props.periodText}，由市局填写或导入）</h3>
      <table className="grid-table">
        <thead><tr><th>指标</th><th>全省开发区平均增速（%）</th><th>全省完成量排名（第N位）</th><th>全省增速排名（第N位）</th></tr></thead>
        <tbody>
          {indicators.map((ind) => (
            <tr key={ind.code}>
              <td>{ind.name}</td>
              {(['avg', 'value', 'growth'] as const).map((f) => (
                <td key={f}>
                  <input
                    aria-label={`${ind.name}${FIELD_LABEL[f]}`}
                    size={8}
                    inputMode="decimal"
                    value={draft[ind.code]?.[f] ?? ''}
                    onChange={(e) => setDraft({ ...draft, [ind.code]: { ...draft[ind.code]!, [f]: e.target.value } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="toolbar no-print">
        <button type="button" className="btn primary" onClick={() => void save()}>保存参考数据</button>
        <label className="btn">
          从表格导入…
          <input type="file" accept=".xlsx,.xls,.csv" aria-label="导入参考数据表" hidden onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; void importSheet(f); }} />
        </label>
        <span className="muted">表格第1行为列名：指标、全省平均增速、全省排名（即完成量排名；也可有「增速排名」列）。</span>
      </p>
      {message && <p className={message.error ? 'notice error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
