import { describe, expect, it } from 'vitest';
import { RETURN_FORMAT } from '../model';
import { exampleReturn, kfqSet } from '../seeds';
import { canonicalJson } from './canonical-json';
import { emptyReturn } from './empty-return';
import { parseReturn } from './parse-return';

function valid(): Record<string, unknown> {
  const copy: unknown = JSON.parse(JSON.stringify(exampleReturn('jincheng-kfq-2024-q1')));
  return typeof copy === 'object' && copy !== null ? Object.fromEntries(Object.entries(copy)) : {};
}

describe('parseReturn', () => {
  it('reads an example return and gives back the same value', () => {
    const json = valid();
    const r = parseReturn(json, 'a.json');
    expect(r.ok).toBe(true);
    expect(r.ok && canonicalJson(r.value)).toBe(canonicalJson(json));
  });

  it.each<[string, (j: Record<string, unknown>) => unknown, string, string]>([
    ['not an object', () => 'hello', 'not-an-object', '$'],
    ['another format', (j) => ({ ...j, format: 'zone-returns/indicator-set@1' }), 'unknown-format', '$.format'],
    ['a newer version', (j) => ({ ...j, format: 'zone-returns/return@2' }), 'unknown-format', '$.format'],
    ['no indicator set', (j) => ({ ...j, indicatorSet: undefined }), 'missing', '$.indicatorSet'],
    ['an indicator set without version', (j) => ({ ...j, indicatorSet: { id: 'kfq-quarterly' } }), 'missing', '$.indicatorSet.version'],
    ['an empty zone id', (j) => ({ ...j, zoneId: '' }), 'empty', '$.zoneId'],
    ['a quarter ending in May', (j) => ({ ...j, period: { year: 2024, endMonth: 5, frequency: 'quarter' } }), 'bad-period', '$.period.endMonth'],
    ['month 13', (j) => ({ ...j, period: { year: 2024, endMonth: 13, frequency: 'month' } }), 'out-of-range', '$.period.endMonth'],
    ['an unknown frequency', (j) => ({ ...j, period: { year: 2024, endMonth: 3, frequency: 'week' } }), 'unknown-frequency', '$.period.frequency'],
    ['values as a list', (j) => ({ ...j, values: [] }), 'not-an-object', '$.values'],
    ['a value that is an object', (j) => ({ ...j, values: { gyzjz: { current: { v: 1 } } } }), 'wrong-type', '$.values.gyzjz.current'],
    ['a last-year value as text', (j) => ({ ...j, values: { gyzjz: { current: 1, lastYear: '90' } } }), 'wrong-type', '$.values.gyzjz.lastYear'],
    ['an unknown property of a value', (j) => ({ ...j, values: { gyzjz: { current: 1, growth: 20 } } }), 'unknown-property', '$.values.gyzjz.growth'],
    ['a roster row without id', (j) => ({ ...j, roster: [{ name: 'A' }] }), 'missing', '$.roster[0].id'],
    ['two roster rows with one id', (j) => ({ ...j, roster: [{ id: 'x' }, { id: 'x' }] }), 'duplicate-row-id', '$.roster[1].id'],
    ['a roster cell that is a list', (j) => ({ ...j, roster: [{ id: 'x', name: ['A'] }] }), 'wrong-type', '$.roster[0].name'],
    ['an explanation that is a number', (j) => ({ ...j, explanations: { 'rule:x': 1 } }), 'wrong-type', '$.explanations.rule:x'],
    ['a report date in another form', (j) => ({ ...j, cover: { reportDate: '2024/4/8' } }), 'bad-date', '$.cover.reportDate'],
  ])('%s is refused at its JSON path', (_what, edit, code, path) => {
    const r = parseReturn(edit(valid()), 'r.json');
    expect(r.ok).toBe(false);
    const issue = r.issues.find((i) => i.code === code && i.location?.path === path);
    expect(issue, JSON.stringify(r.issues)).toBeDefined();
    expect(issue?.message).toContain('报表文件 r.json 的 $');
  });

  it('a newer format version asks for an upgrade', () => {
    const r = parseReturn({ ...valid(), format: 'zone-returns/return@2' });
    expect(r.issues[0]?.message).toContain('请升级程序');
  });

  it('an unknown top-level property is a warning and is dropped', () => {
    const r = parseReturn({ ...valid(), extra: 1 });
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'unknown-property', severity: 'warning', location: { path: '$.extra' } })]);
    expect(r.ok && 'extra' in r.value).toBe(false);
  });
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [3, { d: null, c: 'x' }] }, '{"a":[3,{"c":"x","d":null}],"b":1}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [{ z: -0, y: 1e21, x: 0.1 + 0.2, w: 15.7 }, '{"w":15.7,"x":0.30000000000000004,"y":1e+21,"z":0}'],
    [{ 中: '开发区', a: 'line\nbreak' }, '{"a":"line\\nbreak","中":"开发区"}'],
    [[1, undefined, true], '[1,null,true]'],
  ])('%o → %s', (value, out) => {
    expect(canonicalJson(value)).toBe(out);
  });

  it('does not depend on key order', () => {
    const a = exampleReturn('linfen-kfq-2024-07');
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    expect(canonicalJson(reversed)).toBe(canonicalJson(a));
  });

  it.each([NaN, Infinity])('refuses %s', (n) => {
    expect(() => canonicalJson({ a: n })).toThrow(TypeError);
  });
});

describe('emptyReturn', () => {
  it('is a valid return with nothing entered', () => {
    const set = kfqSet();
    const ret = emptyReturn(set, 'gaoping-kfq', { year: 2024, endMonth: 6, frequency: 'quarter' });
    expect(ret).toMatchObject({ format: RETURN_FORMAT, indicatorSet: { id: 'kfq-quarterly', version: '2024.1' }, zoneId: 'gaoping-kfq', values: {}, roster: [] });
    const reread: unknown = JSON.parse(canonicalJson(ret));
    expect(parseReturn(reread).ok).toBe(true);
  });
});
