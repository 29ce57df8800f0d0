import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src-shared/model';
import { isExplained, orderIssues, summarizeIssues } from './summarize-issues';

const target = { kind: 'indicator', code: 'gyzjz', column: 'current' } as const;
const w1: ValidationIssue = { code: 'growth-range', severity: 'warning', key: 'w1', target, message: 'w1' };
const w2: ValidationIssue = { code: 'growth-range', severity: 'warning', key: 'w2', target, message: 'w2', explained: true };
const e1: ValidationIssue = { code: 'required', severity: 'error', key: 'e1', target, message: 'e1' };

describe('issue summary', () => {
  it('counts errors, warnings to explain and explained warnings', () => {
    expect(summarizeIssues([w1, w2, e1], {})).toEqual({ errors: 1, unexplained: 1, explained: 1 });
    expect(summarizeIssues([w1, w2, e1], { w1: '新项目集中投产' })).toEqual({ errors: 1, unexplained: 0, explained: 2 });
  });

  it('does not count a blank explanation, nor explain an error', () => {
    expect(isExplained(w1, { w1: '   ' })).toBe(false);
    expect(isExplained(e1, { e1: '说明' })).toBe(false);
  });

  it('orders errors first, then open warnings, then explained ones', () => {
    expect(orderIssues([w2, w1, e1], {}).map((i) => i.key)).toEqual(['e1', 'w1', 'w2']);
  });
});
