/**
 * Year-on-year figures for the entered indicators of a return, computed here from the entered
 * values so the independent-reader tests see a fully populated table. Deliberately simple (no
 * derived indicators); the domain core's computeReturn is the real thing.
 */
import type { ComputedReturn, IndicatorSet, ZoneReturn } from '../../src-shared/model';

export function simpleFigures(set: IndicatorSet, ret: ZoneReturn): ComputedReturn {
  const figures: ComputedReturn['figures'] = {};
  for (const indicator of set.sections.flatMap((s) => s.indicators)) {
    const entered = ret.values[indicator.code];
    if (indicator.source !== 'entered' || !entered) continue;
    const current = entered.current;
    if (typeof current === 'string') {
      figures[indicator.code] = { code: indicator.code, current: { ok: true, text: current } };
      continue;
    }
    if (typeof current !== 'number') continue;
    const figure: ComputedReturn['figures'][string] = { code: indicator.code, current: { ok: true, value: current } };
    if (indicator.compareLastYear && typeof entered.lastYear === 'number') {
      figure.lastYear = { ok: true, value: entered.lastYear };
      const growth = entered.lastYear === 0 ? undefined : (current / entered.lastYear - 1) * 100;
      figure.growthPercent = growth === undefined ? { ok: false, reason: 'division-by-zero', detail: '上年同期为 0' } : { ok: true, value: growth };
      if (indicator.targetGrowthPercent !== undefined && growth !== undefined) {
        const gap = growth - indicator.targetGrowthPercent;
        figure.targetGrowthPercent = indicator.targetGrowthPercent;
        figure.gapPoints = { ok: true, value: gap };
        figure.comparison = gap > 0 ? '高于' : gap < 0 ? '低于' : '持平';
      }
    }
    figures[indicator.code] = figure;
  }
  return { figures };
}
