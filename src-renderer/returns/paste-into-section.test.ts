import { describe, expect, it } from 'vitest';
import { computeReturn } from '../../src-shared/compute';
import type { Indicator, IndicatorSection, IndicatorValue } from '../../src-shared/model';
import { emptyReturn } from '../../src-shared/return';
import { exampleReturn, indicatorsFor, kfqSet } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { buildPayload, SHEET, submissionZone } from '../../src-shared/workbook';
import { layoutSubmission } from '../../src-shared/workbook/layout-submission';
import { buildSectionRows, type IndicatorRow } from './build-section-rows';
import { buildFormTable, pasteIntoForm } from './paste-into-section';

function row(code: string, over: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    code,
    name: code,
    unit: '亿元',
    decimals: 2,
    kind: 'number',
    derived: false,
    required: false,
    current: { kind: 'empty' },
    lastYear: { kind: 'empty' },
    lastYearSource: 'entered',
    growth: { kind: 'empty' },
    target: null,
    gap: { kind: 'empty' },
    currentEditable: true,
    lastYearEditable: true,
    issues: { current: [], lastYear: [] },
    ...over,
  };
}

const rows = [row('gyzjz'), row('gytz'), row('share', { derived: true, currentEditable: false, lastYearEditable: false }), row('count', { unit: '个', kind: 'integer' })];
/** The four rows as the only section of a form. */
const oneSection = buildFormTable([{ title: '一、主要经济指标', indicators: rows.map((r) => ({ code: r.code, name: r.name }) as unknown as Indicator) }], new Map(rows.map((r) => [r.code, r] as const)));
const pasteIntoSection = (text: string, focus: { rowIndex: number; colId: string }, sectionRows: IndicatorRow[], values: Record<string, IndicatorValue>) =>
  pasteIntoForm(text, focus, sectionRows, oneSection, values);

describe('pasting into one section', () => {
  it('fills 本期 and 上年同期 from an Excel block with full-width digits, separators and a trailing newline', () => {
    const result = pasteIntoSection('108.78\t90.39\r\n"1,692.5"\t１０．８５\r\n', { rowIndex: 0, colId: 'current' }, rows, {});
    expect(result.edits).toEqual([
      { code: 'gyzjz', column: 'current', before: null, after: 108.78 },
      { code: 'gyzjz', column: 'lastYear', before: null, after: 90.39 },
      { code: 'gytz', column: 'current', before: null, after: 1692.5 },
      { code: 'gytz', column: 'lastYear', before: null, after: 10.85 },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.skipped).toBe(0);
  });

  it('skips derived rows, reports unreadable cells and keeps the old value as `before`', () => {
    const result = pasteIntoSection('1\n2\n3\n4.5\n5', { rowIndex: 0, colId: 'current' }, rows, { gytz: { current: 7 } });
    expect(result.edits).toEqual([
      { code: 'gyzjz', column: 'current', before: null, after: 1 },
      { code: 'gytz', column: 'current', before: 7, after: 2 },
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('count（本期）');
    expect(result.skipped).toBe(2);
  });

  it('clears cells pasted as empty, and leaves out cells that do not change', () => {
    const result = pasteIntoSection('\t5', { rowIndex: 0, colId: 'current' }, rows, { gyzjz: { current: 3, lastYear: 5 } });
    expect(result.edits).toEqual([{ code: 'gyzjz', column: 'current', before: 3, after: null }]);
  });
});

describe('pasteIntoForm', () => {
  const indicator = (code: string, kind: 'number' | 'text' = 'number') => ({ code, name: code, kind }) as unknown as Indicator;
  const sections = [
    { title: '一、主要经济指标', indicators: [indicator('a1'), indicator('a2')] },
    { title: '二、招商引资', indicators: [indicator('b1'), indicator('bName', 'text'), indicator('b2')] },
    { title: '三、要素保障', indicators: [indicator('c1')] },
  ];
  const grids = { a: [row('a1'), row('a2')], b: [row('b1'), row('b2')], c: [row('c1')] };
  const table = buildFormTable(sections, new Map(Object.values(grids).flat().map((r) => [r.code, r] as const)));

  it('lays the sections out as the official table: a title row each, text indicators in their place', () => {
    expect(table.rows.map((r) => ('passedOver' in r ? `(${r.passedOver})` : r.code))).toEqual(['(section-title)', 'a1', 'a2', '(section-title)', 'b1', '(text-indicator)', 'b2', '(section-title)', 'c1']);
    expect(table.indexOf.get('b2')).toBe(6);
  });

  it('goes on into the sections below, passing over their title rows and text indicators', () => {
    const result = pasteIntoForm('1\n2\n\n3\n新材料\n4\n\n5\n', { rowIndex: 0, colId: 'current' }, grids.a, table, {});
    expect(result.edits.map((e) => [e.code, e.after])).toEqual([
      ['a1', 1],
      ['a2', 2],
      ['b1', 3],
      ['b2', 4],
      ['c1', 5],
    ]);
    expect(result.skipped).toBe(1); // 新材料, on the text indicator's row
    expect(result.notice).toEqual({ problem: false, text: expect.stringContaining('延续到下面 2 个栏目') });
  });

  it('stays in the focused section, row by row, when a number lands on a title row (the block has no title rows)', () => {
    const result = pasteIntoForm('1\n2\n3\n4', { rowIndex: 0, colId: 'current' }, grids.a, table, {});
    expect(result.edits.map((e) => [e.code, e.after])).toEqual([
      ['a1', 1],
      ['a2', 2],
    ]);
    expect(result.skipped).toBe(2);
    expect(result.notice).toEqual({ problem: true, text: expect.stringContaining('第 3 行的数值落在栏目“二、招商引资”的标题行上') });
  });

  it('inside a section passes over a text indicator, or pastes row by row when a number lands on it', () => {
    expect(pasteIntoForm('3\n\n4', { rowIndex: 0, colId: 'current' }, grids.b, table, {}).edits.map((e) => [e.code, e.after])).toEqual([
      ['b1', 3],
      ['b2', 4],
    ]);
    const rowByRow = pasteIntoForm('3\n4', { rowIndex: 0, colId: 'current' }, grids.b, table, {});
    expect(rowByRow.edits.map((e) => [e.code, e.after])).toEqual([
      ['b1', 3],
      ['b2', 4],
    ]);
    expect(rowByRow.notice?.problem).toBe(true);
  });

  it('takes back, row for row, the 本期 and 上年同期 columns copied from the workbook’s own 主要指标 sheet', () => {
    const set = kfqSet();
    const sent = exampleReturn('jincheng-kfq-2024-q1');
    const zone = submissionZone(sent.zoneId);
    if (!zone) throw new Error('zone missing');
    const computed = computeReturn(set, sent, { zoneType: zone.type });
    const payload = buildPayload({ set, ret: sent, computed, issues: validateReturn(set, sent, computed), zone, submissionId: '6f1c2d3e-4b5a-4c6d-8e7f-001122334455', revision: 1, exportedAt: '2024-04-08T08:30:00.000Z' });
    const sheet = layoutSubmission(payload).find((s) => s.name === SHEET.indicators);
    if (!sheet) throw new Error('no 主要指标 sheet');
    // From the first indicator (below the first section's title row) to the last one: columns D and E, as Excel copies them.
    const at = (r: number, c: number) => sheet.cells.find((x) => x.row === r && x.col === c)?.value ?? null;
    const serialRows = sheet.cells.filter((x) => x.col === 1 && typeof x.value === 'number').map((x) => x.row);
    const first = Math.min(...serialRows);
    const last = Math.max(...serialRows);
    const lines: string[] = [];
    for (let r = first; r <= last; r++) lines.push([at(r, 4), at(r, 5)].map((v) => (v === null ? '' : String(v))).join('\t'));

    const empty = emptyReturn(set, sent.zoneId, sent.period);
    const reported = new Set(indicatorsFor(set, zone.type).map((i) => i.code));
    const emptyComputed = computeReturn(set, empty, { zoneType: zone.type });
    const rowsOf = (section: IndicatorSection) => buildSectionRows({ section, reported, ret: empty, computed: emptyComputed, issues: [], readOnly: false });
    const indicatorSections = set.sections.filter((s) => s.kind === 'indicators');
    const form = buildFormTable(
      indicatorSections.map((s) => ({ title: s.title, indicators: s.indicators.filter((i) => reported.has(i.code)) })),
      new Map(indicatorSections.flatMap(rowsOf).map((r) => [r.code, r] as const)),
    );
    const firstSection = indicatorSections[0];
    if (!firstSection) throw new Error('no section');
    const result = pasteIntoForm(lines.join('\r\n') + '\r\n', { rowIndex: 0, colId: 'current' }, rowsOf(firstSection), form, {});

    const expected: Array<[string, string, number]> = [];
    for (const ind of indicatorsFor(set, zone.type)) {
      if (ind.source !== 'entered' || ind.kind === 'text') continue;
      const v = sent.values[ind.code];
      if (typeof v?.current === 'number') expected.push([ind.code, 'current', v.current]);
      if (typeof v?.lastYear === 'number') expected.push([ind.code, 'lastYear', v.lastYear]);
    }
    expect(expected.length).toBeGreaterThan(4);
    expect(result.edits.map((e) => [e.code, e.column, e.after]).sort()).toEqual(expected.sort());
    expect(result.problems).toEqual([]);
    expect(result.notice?.problem).toBe(false);
  });
});
