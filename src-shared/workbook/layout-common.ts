import type { Indicator, IndicatorSet, Unit, ZoneType } from '../model';
import { cellText } from './safe-text';

/** Indicators of a set's sections of `kind` that a zone of `zoneType` reports, section by section. */
export function sectionsFor(set: IndicatorSet, zoneType: ZoneType, kind: 'indicators' | 'text'): Array<{ title: string; indicators: Indicator[] }> {
  return set.sections
    .filter((section) => section.kind === kind)
    .map((section) => ({ title: section.title, indicators: section.indicators.filter((i) => i.zoneTypes.includes(zoneType)) }))
    .filter((section) => section.indicators.length > 0);
}

/** The unit as a table prints it; text indicators have none. */
export function unitText(unit: Unit | undefined): string | null {
  return unit === undefined || unit === '文本' ? null : unit;
}

/** Every string that reaches a visible cell passes through here (see safe-text.ts). */
export function text(value: string): string {
  return cellText(value);
}

/** Shown where a figure cannot be computed; the reason is in the 校验结果 sheet. */
export const NOT_COMPUTABLE = '—';
