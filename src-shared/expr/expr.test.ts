import { describe, expect, it } from 'vitest';
import type { RosterField, RosterRow } from '../model';
import { printExpression } from './ast';
import { evaluate, evaluateCondition, evaluateExpression, type ExpressionContext } from './evaluate-expression';
import { decimalsOf, evaluateInterval, publishedInterval } from './evaluate-interval';
import { parseExpression } from './parse-expression';

function ast(src: string) {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.message}`);
  return r.ast;
}

const ok = (value: number) => ({ ok: true as const, value });

const fields: RosterField[] = [
  { code: 'name', name: '项目名称', type: 'text', synonyms: [] },
  { code: 'batch', name: '批次', type: 'text', synonyms: [] },
  { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: [] },
  { code: 'signed', name: '签约', type: 'boolean', synonyms: [] },
  { code: 'started', name: '开工', type: 'boolean', synonyms: [] },
  { code: 'signDate', name: '签约日期', type: 'date', synonyms: [] },
];
const rows: RosterRow[] = [
  { id: '1', name: 'A', batch: '2024年第一次', totalInvestment: 12, signed: true, started: true, signDate: '2024-02-23' },
  { id: '2', name: 'B', batch: '2024年第一次', totalInvestment: 6, signed: true, started: false, signDate: '2024-02-23' },
  { id: '3', name: 'C', batch: '2024年第二次', totalInvestment: 3.5, signed: true, signDate: '2024-05-28' },
  { id: '4', name: 'D', batch: '2023年第二次', totalInvestment: 20, signed: true, started: true, signDate: '2023-09-01' },
];
const ctx: ExpressionContext = {
  variables: { gytz: ok(16.92), zxxmtz: ok(15.7), zero: ok(0), missing: { ok: false, reason: 'missing-input', detail: '未填写「工业投资」' }, zd1Name: { ok: true, text: '光机电' } },
  lastYear: { gytz: ok(10.847) },
  period: { year: 2024, endMonth: 3, frequency: 'quarter' },
  roster: { rows, fields },
  names: { zero: '签约项目计划总投资' },
};

describe('parseExpression', () => {
  it.each([
    ['1 + 2 * 3', '1 + (2 * 3)'],
    ['(1 + 2) * 3', '(1 + 2) * 3'],
    ['a / b * 100', '(a / b) * 100'],
    ['-a + !b', '-a + !b'],
    ['a && b || c', '(a && b) || c'],
    ['a == 1 && b != 2', '(a == 1) && (b != 2)'],
    ['count(signed && started)', 'count(signed && started)'],
    ['sum(totalInvestment, signed)', 'sum(totalInvestment, signed)'],
    ['min(1, 2, 3)', 'min(1, 2, 3)'],
    ['x >= .5', 'x >= 0.5'],
    ['industry == "光机电"', 'industry == "光机电"'],
    ['count()', 'count()'],
  ])('%s', (src, printed) => {
    expect(printExpression(ast(src))).toBe(printed);
  });

  it.each([
    ['', '公式为空'],
    ['1 +', '公式不完整'],
    ['(1 + 2', '应为「)」'],
    ['1 2', '多出了'],
    ['a ^ b', '不是公式中允许的符号'],
    ['eval(1)', '未知的函数「eval」'],
    ['round()', '需要1到2个参数'],
    ['if(a, b)', '需要3个参数'],
    ['"abc', '没有结束引号'],
    ['a = b', '不是公式中允许的符号'],
  ])('rejects %j with a Chinese message', (src, message) => {
    const r = parseExpression(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['zxxmtz / gytz * 100', (15.7 / 16.92) * 100],
    ['-gytz', -16.92],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['abs(0 - 4)', 4],
    ['round(2.345, 2)', 2.35],
    ['round(1.005, 2)', 1.01],
    ['round(2.5)', 3],
    ['if(gytz > 10, 1, 2)', 1],
    ['if(gytz > 100, 1, missing)', NaN],
    ['(gytz - lastYear(gytz)) / lastYear(gytz) * 100', ((16.92 - 10.847) / 10.847) * 100],
    ['year * 100 + endMonth', 202403],
    ['gytz > 10', 1],
    ['count()', 4],
    ['count(signed && started)', 2],
    ['count(signed && batchYear(batch) == year)', 3],
    ['sum(totalInvestment, signed && batchYear(batch) == year)', 21.5],
    ['sum(totalInvestment, signed && inPeriod(signDate))', 18],
    ['count(signed && totalInvestment >= 5 && totalInvestment < 10)', 1],
    ['count(!started)', 2],
    ['sum(totalInvestment * 10000, started)', 320000],
  ])('%s = %s', (src, value) => {
    const r = evaluateExpression(ast(src), ctx);
    if (Number.isNaN(value)) expect(r.ok).toBe(false);
    else expect(r.ok && r.value).toBeCloseTo(value, 9);
  });

  it.each([
    ['gytz / zero', 'division-by-zero', '「签约项目计划总投资」为0'],
    ['gytz / (zxxmtz - 15.7)', 'division-by-zero', '为0'],
    ['missing + 1', 'missing-input', '未填写「工业投资」'],
    ['nothing + 1', 'bad-formula', '「nothing」不是已知的指标代码'],
    ['zd1Name + 1', 'not-a-number', '应为数值'],
    ['zd1Name', 'not-a-number', '是文字'],
    ['lastYear(zxxmtz)', 'missing-input', '上年同期数'],
    ['count(1 + 1)', 'bad-formula', '应为条件'],
    ['sum(count(signed))', 'bad-formula', '不能嵌套'],
    ['gytz == zd1Name', 'not-a-number', '类型不同'],
  ])('%s is not computable (%s)', (src, reason, detail) => {
    const r = evaluateExpression(ast(src), ctx);
    expect(r).toMatchObject({ ok: false, reason });
    if (!r.ok) expect(r.detail).toContain(detail);
  });

  it('never yields NaN or Infinity', () => {
    expect(evaluateExpression(ast('1e308 * 10'), ctx)).toMatchObject({ ok: false, reason: 'not-a-number' });
  });

  it('a missing amount on a matching row names the project', () => {
    const withGap: ExpressionContext = { ...ctx, roster: { rows: [...rows, { id: '5', name: '缺投资项目', batch: '2024年第一次', signed: true }], fields } };
    const r = evaluateExpression(ast('sum(totalInvestment, signed)'), withGap);
    expect(r).toMatchObject({ ok: false, reason: 'missing-input' });
    if (!r.ok) expect(r.detail).toContain('项目「缺投资项目」缺少「总投资」');
  });

  it('a row whose condition cannot be evaluated does not match', () => {
    const withGap: ExpressionContext = { ...ctx, roster: { rows: [...rows, { id: '5', name: 'E', signed: true }], fields } };
    expect(evaluateExpression(ast('count(totalInvestment >= 10)'), withGap)).toEqual(ok(2));
  });

  it.each([
    ['a batch without a year', { batch: '第一次' }, 'count(signed && batchYear(batch) == year)', '批次「第一次」中找不到年份'],
    ['an amount typed as text', { totalInvestment: '50亿' }, 'count(totalInvestment >= 10)', '不是数值'],
    ['a date in another form', { signDate: '2024.2.23' }, 'count(inPeriod(signDate))', '应为 yyyy-mm-dd'],
  ])('a row with %s makes a count not computable, naming the project', (_what, cells, src, detail) => {
    const bad: ExpressionContext = { ...ctx, roster: { rows: [...rows, { id: '9', name: '问题项目', signed: true, ...cells }], fields } };
    const r = evaluateExpression(ast(src), bad);
    expect(r).toMatchObject({ ok: false, reason: 'not-a-number' });
    if (!r.ok) expect(r.detail).toContain('项目「问题项目」');
    if (!r.ok) expect(r.detail).toContain(detail);
  });

  it('coalesce takes the first argument with a value: a project started in a later activity than it was signed in', () => {
    const withStart: ExpressionContext = {
      ...ctx,
      roster: {
        rows: [...rows.slice(0, 3), { ...rows[3], startBatch: '2024年第一次' } as RosterRow, { id: '5', name: 'E', batch: '2024年第二次', started: true }],
        fields: [...fields, { code: 'startBatch', name: '开工批次', type: 'text', synonyms: [] }],
      },
    };
    // A (2024年第一次), D (signed 2023, started 2024年第一次) and E (no 开工批次: its 签约批次 stands in).
    expect(evaluateExpression(ast('count(started && batchYear(coalesce(startBatch, batch)) == year)'), withStart)).toEqual(ok(3));
    expect(evaluateExpression(ast('count(started && batchYear(batch) == year)'), withStart)).toEqual(ok(2));
    expect(evaluate(ast('coalesce(missing, gytz)'), ctx)).toEqual(ok(16.92));
    expect(evaluate(ast('coalesce(missing, missing)'), ctx)).toMatchObject({ ok: false, reason: 'missing-input' });
    // A problem other than an empty cell is the answer, not passed over.
    expect(evaluate(ast('coalesce(zero / zero, gytz)'), ctx)).toMatchObject({ ok: false, reason: 'division-by-zero' });
    expect(parseExpression('coalesce(gytz)').ok).toBe(false);
  });

  it('a type error in a formula is not hidden by the other side of && or ||', () => {
    expect(evaluateCondition(ast('gytz && false'), ctx)).toMatchObject({ ok: false, reason: 'bad-formula' });
  });

  it('a batch label without a year is reported', () => {
    const bad: ExpressionContext = { ...ctx, roster: { rows: [{ id: '9', name: 'X', batch: '第一次', signed: true }], fields } };
    const r = evaluateExpression(ast('sum(1, batchYear(batch) == 2024 || signed)'), bad);
    expect(r).toEqual(ok(1));
    const strict = evaluate(ast('batchYear("第一次")'), bad);
    expect(strict).toMatchObject({ ok: false, reason: 'not-a-number' });
  });

  it('&& and || decide on a known side even when the other is missing', () => {
    expect(evaluateCondition(ast('missing > 1 && false'), ctx)).toEqual({ ok: true, value: false });
    expect(evaluateCondition(ast('missing > 1 || true'), ctx)).toEqual({ ok: true, value: true });
    expect(evaluateCondition(ast('missing > 1 && true'), ctx)).toMatchObject({ ok: false, reason: 'missing-input' });
  });

  it('compares ISO dates as text', () => {
    expect(evaluateCondition(ast('"2024-03-01" >= "2024-02-23"'), ctx)).toEqual({ ok: true, value: true });
  });
});

describe('interval mode', () => {
  it.each([
    [15.7, 2, 15.695, 15.705],
    [16.92, 2, 16.915, 16.925],
    [92.81, 2, 92.805, 92.815],
    [12852, 0, 12851.5, 12852.5],
    [1.23456, 2, 1.234555, 1.234565],
  ])('%s published with %s decimals stands for [%s, %s]', (v, d, lo, hi) => {
    const i = publishedInterval(v, d);
    expect(i.lo).toBeCloseTo(lo, 9);
    expect(i.hi).toBeCloseTo(hi, 9);
  });

  it.each([
    [15.7, 1],
    [12852, 0],
    [1e-7, 7],
    [0.1 + 0.2, 17],
  ])('decimalsOf(%s) = %s', (v, d) => {
    expect(decimalsOf(v)).toBe(d);
  });

  it('15.7 / 16.92 over the rounding intervals contains the published 92.81%', () => {
    const r = evaluateInterval(ast('zxxmtz / gytz * 100'), { ...ctx, intervals: { zxxmtz: publishedInterval(15.7, 2), gytz: publishedInterval(16.92, 2) } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lo).toBeLessThan(92.81);
    expect(r.hi).toBeGreaterThan(92.81);
    expect(r.hi).toBeLessThan(92.9);
  });

  it.each([
    ['a - b', 0.5, 2.5],
    ['-a', -2.5, -1.5],
    ['a * b', 0, 2.5],
    ['min(a, b)', 0, 1],
    ['max(a, b)', 1.5, 2.5],
    ['abs(b - 1)', 0, 1],
    ['round(a)', 2, 3],
  ])('%s over a ∈ [1.5, 2.5], b ∈ [0, 1] is [%s, %s]', (src, lo, hi) => {
    const r = evaluateInterval(ast(src), { ...ctx, intervals: { a: { ok: true, lo: 1.5, hi: 2.5 }, b: { ok: true, lo: 0, hi: 1 } } });
    expect(r).toEqual({ ok: true, lo, hi });
  });

  it('a divisor interval containing zero is not computable', () => {
    const r = evaluateInterval(ast('a / b'), { ...ctx, intervals: { a: { ok: true, lo: 1, hi: 2 }, b: { ok: true, lo: -0.005, hi: 0.005 } } });
    expect(r).toMatchObject({ ok: false, reason: 'division-by-zero' });
  });

  it('names without an interval use their exact value, aggregates are exact', () => {
    expect(evaluateInterval(ast('gytz + count(signed)'), { ...ctx, intervals: {} })).toEqual({ ok: true, lo: 20.92, hi: 20.92 });
  });
});
