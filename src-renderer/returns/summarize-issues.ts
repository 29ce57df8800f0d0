import type { ValidationIssue } from '../../src-shared/model';

export interface IssueSummary {
  errors: number;
  /** Warnings without a 合理性说明 yet. */
  unexplained: number;
  explained: number;
}

/** Whether a warning counts as explained: the validator says so, or the clerk has just typed a 说明. */
export function isExplained(issue: ValidationIssue, explanations: Readonly<Record<string, string>>): boolean {
  return issue.severity === 'warning' && (issue.explained === true || (explanations[issue.key] ?? '').trim() !== '');
}

export function summarizeIssues(issues: readonly ValidationIssue[], explanations: Readonly<Record<string, string>>): IssueSummary {
  const summary: IssueSummary = { errors: 0, unexplained: 0, explained: 0 };
  for (const issue of issues) {
    if (issue.severity === 'error') summary.errors += 1;
    else if (isExplained(issue, explanations)) summary.explained += 1;
    else summary.unexplained += 1;
  }
  return summary;
}

/** Errors first, then warnings still to explain, then explained ones; the validator's order within each. */
export function orderIssues(issues: readonly ValidationIssue[], explanations: Readonly<Record<string, string>>): ValidationIssue[] {
  const rank = (i: ValidationIssue): number => (i.severity === 'error' ? 0 : isExplained(i, explanations) ? 2 : 1);
  return issues.map((issue, index) => ({ issue, index })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index).map((x) => x.issue);
}
