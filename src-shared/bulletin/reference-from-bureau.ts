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
