import { describe, expect, it } from 'vitest';
import type { RosterField, RosterRow } from '../model';
import { AggregateMemo, evaluateExpression, parseExpression, type ExpressionContext } from '.';

const fields: RosterField[] = [
  { code: 'name', name: '项目名称', type: 'text', synonyms: [] },
  { code: 'batch', name: '批次', type: 'text', synonyms: [] },
  { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: [] },
  { code: 'signed', name: '签约', type: 'boolean', synonyms: [] },
];
const rows = (n: number): RosterRow[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `项目${i}`, batch: i % 2 ? '2024年第一次' : '2023年第二次', totalInvestment: i + 1, signed: i % 3 !== 0 }));
const ast = (src: string) => {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(r.message);
  return r.ast;
};
const value = (src: ReturnType<typeof ast>, ctx: ExpressionContext) => {
  const c = evaluateExpression(src, ctx);
  return c.ok && 'value' in c ? c.value : c;
};

describe('AggregateMemo', () => {
  const signedThisYear = ast('sum(totalInvestment, signed && batchYear(batch) == year)');
  const period = { year: 2024, endMonth: 3, frequency: 'quarter' } as const;

  it('gives what evaluating without it gives, and runs the roster once for the same rows', () => {
    const roster = { rows: rows(30), fields };
    const plain = value(signedThisYear, { roster, period });
    const memo = new AggregateMemo();
    expect(value(signedThisYear, { roster, period, aggregateMemo: memo })).toBe(plain);
    // The same rows array: the memo answers, even if (wrongly) a row were changed in place.
    (roster.rows[1] as RosterRow)['totalInvestment'] = 1000;
    expect(value(signedThisYear, { roster, period, aggregateMemo: memo })).toBe(plain);
    expect(value(signedThisYear, { roster, period })).not.toBe(plain);
  });

  it('recomputes for a new rows array, other fields, or another period', () => {
    const memo = new AggregateMemo();
    const first = rows(30);
    const before = value(signedThisYear, { roster: { rows: first, fields }, period, aggregateMemo: memo });
    const replaced = first.map((r, i) => (i === 1 ? { ...r, totalInvestment: 1000 } : r));
    expect(value(signedThisYear, { roster: { rows: replaced, fields }, period, aggregateMemo: memo })).toBe((before as number) - 2 + 1000);
    expect(value(signedThisYear, { roster: { rows: first, fields }, period: { ...period, year: 2023 }, aggregateMemo: memo })).toBe(value(signedThisYear, { roster: { rows: first, fields }, period: { ...period, year: 2023 } }));
    const withoutAmount = fields.filter((f) => f.code !== 'totalInvestment');
    expect(value(signedThisYear, { roster: { rows: first, fields: withoutAmount }, period, aggregateMemo: memo })).toMatchObject({ ok: false, reason: 'bad-formula' });
  });

  it('never keeps an aggregate that reads an indicator value', () => {
    const memo = new AggregateMemo();
    const roster = { rows: rows(30), fields };
    const overThreshold = ast('count(totalInvestment >= threshold)');
    const at = (threshold: number) => value(overThreshold, { roster, period, aggregateMemo: memo, variables: { threshold: { ok: true, value: threshold } } });
    expect(at(10)).toBe(21);
    expect(at(20)).toBe(11);
  });

  it('keeps a "not computable" result like any other', () => {
    const memo = new AggregateMemo();
    const roster = { rows: [...rows(3), { id: 'x', name: '无批次项目', batch: '待定', signed: true, totalInvestment: 1 }], fields };
    const r = value(signedThisYear, { roster, period, aggregateMemo: memo });
    expect(r).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(value(signedThisYear, { roster, period, aggregateMemo: memo })).toEqual(r);
  });
});
