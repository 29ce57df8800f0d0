import type { ComputedReturn, IndicatorSection, IndicatorSet, ZoneType } from '../../src-shared/model';
import { formatFigure } from '../../src-shared/format';

export interface MeasureLine {
  code: string;
  name: string;
  text: string;
  /** Why the figure shows —: the computation's own reason ("2 个项目缺少「总投资」…"). */
  reason?: string;
}

export interface MeasureGroup {
  title: string;
  lines: MeasureLine[];
}

/** Sections computed entirely by formulas (the 三个一批 figures and rates): what the roster drives. */
export function derivedSections(set: IndicatorSet, zoneType: ZoneType): IndicatorSection[] {
  return set.sections.filter((s) => {
    const own = s.indicators.filter((i) => i.zoneTypes.includes(zoneType));
    return s.kind === 'indicators' && own.length > 0 && own.every((i) => i.source === 'derived' && i.formula !== undefined);
  });
}

/** The figures of those sections, as the roster screen shows them beside the grid. */
export function measureGroups(set: IndicatorSet, zoneType: ZoneType, computed: ComputedReturn): MeasureGroup[] {
  return derivedSections(set, zoneType).map((section) => ({
    title: section.title,
    lines: section.indicators
      .filter((i) => i.zoneTypes.includes(zoneType))
      .map((i) => {
        const c = computed.figures[i.code]?.current;
        if (c !== undefined && c.ok && !('text' in c)) return { code: i.code, name: i.name, text: `${formatFigure(c.value, i.decimals)}${i.unit === '%' ? '%' : ` ${i.unit}`}` };
        const reason = c === undefined ? '没有计算结果' : c.ok ? '结果是文字，不是数值' : c.detail;
        return { code: i.code, name: i.name, text: '—', reason: `${i.name}无法计算：${reason}` };
      }),
  }));
}
