import { formatFigure, formatGrouped } from '../../src-shared/format';
import type { Comparison, ValidationIssue } from '../../src-shared/model';
import type { CellFigure, LastYearSource } from './build-section-rows';

/** What a figure cell shows: the number rounded to the indicator's decimals with thousands separators (108,780.00), blank, or a dash for a figure that cannot be computed. */
export function figureText(figure: CellFigure, decimals: number): string {
  if (figure.kind === 'number') return formatGrouped(figure.value, decimals);
  return figure.kind === 'problem' ? '—' : '';
}

/** Growth and targets are shown to two decimals, as the bureaus publish them. */
export const PERCENT_DECIMALS = 2;

/** The gap to the provincial target in words and 百分点, e.g. `高于 5.35`. */
export function gapText(gap: CellFigure, comparison: Comparison | undefined): string {
  if (gap.kind !== 'number') return figureText(gap, PERCENT_DECIMALS);
  if (comparison === '持平') return '持平';
  return `${comparison ?? (gap.value >= 0 ? '高于' : '低于')} ${formatFigure(Math.abs(gap.value), PERCENT_DECIMALS)}`;
}

const SOURCE_NOTE: Record<LastYearSource, string> = {
  entered: '',
  'last-year-return': '取自本软件中的上年同期报表，不可在此修改',
  derived: '由公式计算',
  none: '',
};

/** The tooltip of a value cell: its problems first, then where the figure comes from. */
export function cellTooltip(issues: readonly ValidationIssue[], figure: CellFigure, extra: string | undefined): string | undefined {
  const lines = issues.map((i) => `${i.severity === 'error' ? '错误' : '提示'}：${i.message}${i.explained === true ? '（已说明）' : ''}`);
  if (figure.kind === 'problem') lines.push(`无法计算：${figure.detail}`);
  if (extra !== undefined && extra !== '') lines.push(extra);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export function lastYearNote(source: LastYearSource): string {
  return SOURCE_NOTE[source];
}

/** CSS classes of a value cell for its validation state: an open error, an open warning, or an explained warning. */
export function issueClass(issues: readonly ValidationIssue[]): string | undefined {
  if (issues.some((i) => i.severity === 'error')) return 'cell-error';
  if (issues.some((i) => i.severity === 'warning' && i.explained !== true)) return 'cell-warning';
  if (issues.length > 0) return 'cell-explained';
  return undefined;
}
