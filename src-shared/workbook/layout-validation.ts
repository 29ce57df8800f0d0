import type { IssueTarget } from '../model';
import type { SubmissionPayload } from './payload';
import { SheetBuilder, type LayoutSheet } from './layout';
import { text } from './layout-common';
import { SHEET } from './sheet-names';

export const VALIDATION_COLUMNS = ['序号', '级别', '位置', '问题', '合理性说明'] as const;
export const VALIDATION_HEADER_ROW = 3;

function indicatorName(payload: SubmissionPayload, code: string): string {
  for (const section of payload.indicatorSet.sections) {
    const found = section.indicators.find((i) => i.code === code);
    if (found) return found.name;
  }
  return code;
}

/** Where an issue is, in the clerk's words. */
export function targetText(payload: SubmissionPayload, target: IssueTarget): string {
  switch (target.kind) {
    case 'indicator':
      return `${indicatorName(payload, target.code)}（${target.column === 'current' ? '本期' : '上年同期'}）`;
    case 'text':
      return indicatorName(payload, target.code);
    case 'roster': {
      const index = payload.return.roster.findIndex((row) => row.id === target.rowId);
      const field = payload.indicatorSet.roster.fields.find((f) => f.code === target.field);
      const project = index >= 0 ? payload.return.roster[index] : undefined;
      const name = project && typeof project['name'] === 'string' && project['name'] !== '' ? `（${project['name']}）` : '';
      return `项目清单第 ${index >= 0 ? index + 1 : '?'} 行${name} ${field?.name ?? target.field}`;
    }
    case 'return':
      return '整表';
  }
}

/** Counts behind the verdict line. */
export function validationSummary(payload: SubmissionPayload): { errors: number; warnings: number; explained: number } {
  let errors = 0;
  let warnings = 0;
  let explained = 0;
  for (const issue of payload.issues) {
    if (issue.severity === 'error') errors += 1;
    else {
      warnings += 1;
      if ((payload.return.explanations[issue.key] ?? '').trim() !== '') explained += 1;
    }
  }
  return { errors, warnings, explained };
}

/** The validation result with every 合理性说明 given for a warning (校验结果). */
export function layoutValidation(payload: SubmissionPayload): LayoutSheet {
  const b = new SheetBuilder();
  const last = VALIDATION_COLUMNS.length;
  b.span(1, 1, last, text(`${payload.zone.name}${payload.periodLabel}报表校验结果`), 'title', 32);
  const { errors, warnings, explained } = validationSummary(payload);
  const verdict =
    errors === 0 && warnings === explained
      ? `校验通过：无错误；${warnings} 条提示均已填写合理性说明。`
      : `校验未通过：错误 ${errors} 条；提示 ${warnings} 条，其中已说明 ${explained} 条。`;
  b.span(2, 1, last, verdict, 'subtitle');
  VALIDATION_COLUMNS.forEach((heading, i) => b.set(VALIDATION_HEADER_ROW, i + 1, heading, 'header'));

  let row = VALIDATION_HEADER_ROW + 1;
  if (payload.issues.length === 0) {
    b.span(row, 1, last, '未发现问题。', 'text');
  }
  payload.issues.forEach((issue, index) => {
    const explanation = payload.return.explanations[issue.key];
    b.set(row, 1, index + 1, 'text-center');
    b.set(row, 2, issue.severity === 'error' ? '错误' : '提示', 'text-center');
    b.set(row, 3, text(targetText(payload, issue.target)), 'text');
    b.set(row, 4, text(issue.message), 'text');
    b.set(row, 5, explanation === undefined || explanation === '' ? null : text(explanation), 'text');
    row += 1;
  });

  return {
    name: SHEET.validation,
    // The width of an A4 landscape page (about 150 units at 100 %), most of it for the two texts.
    columnWidths: [6, 7, 26, 52, 56],
    cells: b.cells,
    merges: b.merges,
    rowHeights: b.rowHeights,
    orientation: 'landscape',
    printTitleRows: { first: VALIDATION_HEADER_ROW, last: VALIDATION_HEADER_ROW },
    frozenRows: VALIDATION_HEADER_ROW,
    headerLeft: payload.zone.name,
    headerCenter: payload.periodLabel,
  };
}
