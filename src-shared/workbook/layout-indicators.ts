import type { Computed, Indicator, IndicatorFigures } from '../model';
import type { SubmissionPayload } from './payload';
import { SheetBuilder, decimalsFormat, type LayoutSheet, type LayoutValue } from './layout';
import { NOT_COMPUTABLE, sectionsFor, text, unitText } from './layout-common';
import { SHEET } from './sheet-names';

export const INDICATOR_COLUMNS = ['序号', '指标名称', '计量单位', '本期累计', '上年同期', '同比增长（%）', '省定目标（%）', '差距（百分点）', '与目标比较'] as const;
const LAST = INDICATOR_COLUMNS.length;
export const INDICATOR_HEADER_ROW = 3;
/** Growth, targets and gaps are percentages shown with two decimals, as the bureaus publish them. */
const PERCENT_FORMAT = decimalsFormat(2);

function computedValue(c: Computed | undefined): LayoutValue {
  if (c === undefined) return null;
  return c.ok ? c.value : NOT_COMPUTABLE;
}

function currentValue(indicator: Indicator, figures: IndicatorFigures | undefined, entered: unknown): LayoutValue {
  const current = figures?.current;
  if (current === undefined) {
    // No figures for the indicator: show what was entered, as entered.
    if (typeof entered === 'number') return entered;
    if (typeof entered === 'string') return text(entered);
    return null;
  }
  if (!current.ok) return NOT_COMPUTABLE;
  if ('text' in current) return current.text === '' ? null : text(current.text);
  return indicator.kind === 'text' ? text(String(current.value)) : current.value;
}

/** The main indicators as the official table (主要经济指标完成情况表). */
export function layoutIndicators(payload: SubmissionPayload): LayoutSheet {
  const b = new SheetBuilder();
  b.span(1, 1, LAST, text(`${payload.zone.name}主要指标完成情况表`), 'title', 36);
  b.span(2, 1, 5, text(`填报单位：${payload.zone.name}`), 'subtitle');
  b.span(2, 6, LAST, text(`报告期：${payload.periodLabel}`), 'subtitle-right');
  INDICATOR_COLUMNS.forEach((heading, i) => b.set(INDICATOR_HEADER_ROW, i + 1, heading, 'header'));
  b.height(INDICATOR_HEADER_ROW, 30);

  let row = INDICATOR_HEADER_ROW + 1;
  let serial = 0;
  for (const section of sectionsFor(payload.indicatorSet, payload.zone.type, 'indicators')) {
    b.span(row, 1, LAST, text(section.title), 'section', 20);
    row += 1;
    for (const indicator of section.indicators) {
      serial += 1;
      const figures = payload.figures.figures[indicator.code];
      const format = decimalsFormat(indicator.decimals);
      const current = currentValue(indicator, figures, payload.return.values[indicator.code]?.current);
      b.set(row, 1, serial, 'text-center');
      b.set(row, 2, text(indicator.name), 'text');
      b.set(row, 3, unitText(indicator.unit), 'text-center');
      b.set(row, 4, current, typeof current === 'number' ? 'number' : 'text', format);
      const lastYear = computedValue(figures?.lastYear);
      b.set(row, 5, lastYear, typeof lastYear === 'number' ? 'number' : 'text-center', format);
      const growth = computedValue(figures?.growthPercent);
      b.set(row, 6, growth, typeof growth === 'number' ? 'number' : 'text-center', PERCENT_FORMAT);
      const target = figures?.targetGrowthPercent ?? indicator.targetGrowthPercent;
      b.set(row, 7, target ?? null, 'number', PERCENT_FORMAT);
      const gap = computedValue(figures?.gapPoints);
      b.set(row, 8, gap, typeof gap === 'number' ? 'number' : 'text-center', PERCENT_FORMAT);
      b.set(row, 9, figures?.comparison ?? null, 'text-center');
      row += 1;
    }
  }
  b.span(row + 1, 1, LAST, '注：本期累计、上年同期为1月至本期末累计数；同比增长、差距由未经四舍五入的数值算得，表中按规定位数显示。', 'note');

  return {
    name: SHEET.indicators,
    columnWidths: [6, 36, 10, 14, 14, 13, 13, 13, 11],
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'landscape',
    printTitleRows: { first: INDICATOR_HEADER_ROW, last: INDICATOR_HEADER_ROW },
    frozenRows: INDICATOR_HEADER_ROW,
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
