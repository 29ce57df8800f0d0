/**
 * Reads the reference figures a bureau enters per period (参照.json): 全省开发区平均增速 per
 * indicator and the province's ranks of the city and of its zones. Every problem names its JSON path.
 */
import type { IndicatorSet, Result } from '../model';
import { indicatorByCode } from '../seeds';
import { JsonReader, kindOf } from '../seeds/json-reader';
import type { RankKind, ReferenceFigures } from './bulletin-input';

export const REFERENCE_FORMAT = 'zone-returns/bulletin-reference@1';
const RANKS: RankKind[] = ['amount', 'growth', 'pull'];

export function parseReferenceFigures(json: unknown, set: IndicatorSet, source?: string, zoneIds?: string[]): Result<ReferenceFigures> {
  const r = new JsonReader(source, '参照数据');
  const o = r.object(json, '$');
  if (!o) return { ok: false, issues: r.issues };
  if (o['format'] !== undefined && o['format'] !== REFERENCE_FORMAT) r.error('$.format', 'bad-format', `应为「${REFERENCE_FORMAT}」`, o['format']);
  const code = (c: string, path: string): boolean => {
    if (indicatorByCode(set, c)) return true;
    r.error(path, 'unknown-indicator', `指标「${c}」在指标集 ${set.id} ${set.version} 中不存在`);
    return false;
  };
  const out: ReferenceFigures = {};
  if (o['provinceAverageGrowth'] !== undefined) {
    const avg = r.object(o['provinceAverageGrowth'], '$.provinceAverageGrowth') ?? {};
    out.provinceAverageGrowth = {};
    for (const [k, v] of Object.entries(avg)) {
      const p = `$.provinceAverageGrowth.${k}`;
      if (!code(k, p)) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) r.error(p, 'not-a-number', `全省开发区平均增速应为数值（百分数，如 0.9 表示 0.9%），实际为${kindOf(v)}`, v);
      else out.provinceAverageGrowth[k] = v;
    }
  }
  const ranks = (value: unknown, path: string): Record<string, Partial<Record<RankKind, number>>> => {
    const res: Record<string, Partial<Record<RankKind, number>>> = {};
    for (const [k, v] of Object.entries(r.object(value, path) ?? {})) {
      const p = `${path}.${k}`;
      if (!code(k, p)) continue;
      const item: Partial<Record<RankKind, number>> = {};
      for (const [rk, n] of Object.entries(r.object(v, p) ?? {})) {
        const kind = RANKS.find((x) => x === rk);
        if (!kind) r.error(`${p}.${rk}`, 'bad-rank', `排名应为 ${RANKS.join('、')}（完成量、增速、拉动）之一`);
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) r.error(`${p}.${rk}`, 'bad-rank', `名次应为正整数，实际为${kindOf(n)}`, n);
        else item[kind] = n;
      }
      res[k] = item;
    }
    return res;
  };
  if (o['cityRanks'] !== undefined) out.cityRanks = ranks(o['cityRanks'], '$.cityRanks');
  if (o['zoneRanks'] !== undefined) {
    out.zoneRanks = {};
    for (const [z, v] of Object.entries(r.object(o['zoneRanks'], '$.zoneRanks') ?? {})) {
      if (zoneIds && !zoneIds.includes(z)) r.error(`$.zoneRanks.${z}`, 'unknown-zone', `开发区「${z}」不在开发区名录中`);
      else out.zoneRanks[z] = ranks(v, `$.zoneRanks.${z}`);
    }
  }
  return r.ok ? { ok: true, value: out, issues: r.issues } : { ok: false, issues: r.issues };
}
