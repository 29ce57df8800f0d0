/**
 * The bureau's stored reference figures (src-shared/collect `ReferenceFigures`: 全省开发区平均增速
 * and the province's ranks of the city, as typed in 汇总) mapped onto the bulletin's own reference.
 */
import type { ReferenceFigures as BureauReference } from '../collect/city-figures';
import type { RankKind, ReferenceFigures } from './bulletin-input';

export function bulletinReferenceFromBureau(ref: BureauReference): ReferenceFigures {
  const out: ReferenceFigures = {};
  const avg = Object.entries(ref.provinceAverageGrowthPct ?? {}).filter(([, v]) => Number.isFinite(v));
  if (avg.length > 0) out.provinceAverageGrowth = Object.fromEntries(avg);
  const ranks: Record<string, Partial<Record<RankKind, number>>> = {};
  for (const [code, r] of Object.entries(ref.provinceRank ?? {})) {
    const one: Partial<Record<RankKind, number>> = {};
    if (r.value !== undefined && Number.isFinite(r.value)) one.amount = r.value;
    if (r.growth !== undefined && Number.isFinite(r.growth)) one.growth = r.growth;
    if (Object.keys(one).length > 0) ranks[code] = one;
  }
  if (Object.keys(ranks).length > 0) out.cityRanks = ranks;
  return out;
}

/**
 * The other way: a reference sheet read for the bulletin (readReferenceWorkbook) as what the bureau
 * stores per period — 全省开发区平均增速 and the city's ranks by amount and by growth. Zones' ranks and
 * 拉动 ranks have no place there: the program ranks the zones itself.
 */
export function bureauReferenceFromBulletin(ref: ReferenceFigures): BureauReference {
  const out: BureauReference = { provinceAverageGrowthPct: { ...(ref.provinceAverageGrowth ?? {}) }, provinceRank: {} };
  for (const [code, r] of Object.entries(ref.cityRanks ?? {})) {
    const one: { value?: number; growth?: number } = {};
    if (r.amount !== undefined) one.value = r.amount;
    if (r.growth !== undefined) one.growth = r.growth;
    if (Object.keys(one).length > 0) out.provinceRank![code] = one;
  }
  return out;
}
