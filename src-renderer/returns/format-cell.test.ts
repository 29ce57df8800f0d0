import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../src-shared/model';
import { cellTooltip, figureText, gapText, issueClass } from './format-cell';

const error: ValidationIssue = { code: 'part-of', severity: 'error', key: 'k1', target: { kind: 'indicator', code: 'a', column: 'current' }, message: '转型项目投资不能大于工业投资' };
const warning: ValidationIssue = { code: 'growth-range', severity: 'warning', key: 'k2', target: { kind: 'indicator', code: 'a', column: 'current' }, message: '增速超出合理范围' };

describe('cell formatting', () => {
  it('shows numbers rounded for display only, blanks and dashes', () => {
    expect(figureText({ kind: 'number', value: 92.7895 }, 2)).toMatch(/^92\.79$/);
    expect(figureText({ kind: 'empty' }, 2)).toBe('');
    expect(figureText({ kind: 'problem', detail: 'x' }, 2)).toBe('—');
  });

  it('groups thousands as the workbook does (万元 figures)', () => {
    expect(figureText({ kind: 'number', value: 108780 }, 2)).toBe('108,780.00');
    expect(figureText({ kind: 'number', value: -12852.4 }, 0)).toBe('-12,852');
  });

  it('writes the gap in words and points', () => {
    expect(gapText({ kind: 'number', value: -2.5 }, '低于')).toBe('低于 2.50');
    expect(gapText({ kind: 'number', value: 5.35 }, '高于')).toBe('高于 5.35');
    expect(gapText({ kind: 'number', value: 0 }, '持平')).toBe('持平');
    expect(gapText({ kind: 'empty' }, undefined)).toBe('');
  });

  it('marks errors over warnings, and explained warnings apart', () => {
    expect(issueClass([warning, error])).toBe('cell-error');
    expect(issueClass([warning])).toBe('cell-warning');
    expect(issueClass([{ ...warning, explained: true }])).toBe('cell-explained');
    expect(issueClass([])).toBeUndefined();
  });

  it('puts problems in the tooltip', () => {
    expect(cellTooltip([error], { kind: 'problem', detail: '除数为0' }, '由公式计算')).toBe('错误：转型项目投资不能大于工业投资\n无法计算：除数为0\n由公式计算');
    expect(cellTooltip([], { kind: 'empty' }, undefined)).toBeUndefined();
  });
});
