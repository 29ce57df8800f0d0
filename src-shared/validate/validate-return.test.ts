import { describe, expect, it } from 'vitest';
import type { RosterRow, ValidationIssue, ZoneReturn } from '../model';
import { computeReturn } from '../compute';
import { formatFigure } from '../format';
import { builtinZoneRegistry, EXAMPLE_NAMES, exampleReturn, kfqSet } from '../seeds';
import { hasHardErrors, unexplainedWarnings, validateReturn } from './validate-return';

const set = kfqSet();

function check(ret: ZoneReturn, lastYearReturn?: ZoneReturn): ValidationIssue[] {
  const opts = lastYearReturn ? { lastYearReturn } : {};
  return validateReturn(set, ret, computeReturn(set, ret, opts), opts);
}

function jincheng(edit: (r: ZoneReturn) => void): ZoneReturn {
  const r = exampleReturn('jincheng-kfq-2024-q1');
  edit(r);
  return r;
}

function setValue(r: ZoneReturn, code: string, current: number | string | null, lastYear?: number | null): void {
  r.values[code] = { ...r.values[code], current, ...(lastYear !== undefined ? { lastYear } : {}) };
}

function firstRow(r: ZoneReturn): RosterRow {
  const row = r.roster[0];
  if (!row) throw new Error('example has no roster');
  return row;
}

describe('the example returns are valid', () => {
  it.each(EXAMPLE_NAMES)('%s has no issues', (name) => {
    expect(check(exampleReturn(name))).toEqual([]);
  });
});

describe('hard errors on entered values', () => {
  it.each<[string, (r: ZoneReturn) => void, Partial<ValidationIssue>]>([
    ['a required value missing', (r) => delete r.values['gyzjz'], { code: 'required', key: 'required:gyzjz', target: { kind: 'indicator', code: 'gyzjz', column: 'current' } }],
    ['a required text missing', (r) => setValue(r, 'txtHighlights', '  '), { code: 'required', key: 'required:txtHighlights', target: { kind: 'text', code: 'txtHighlights' } }],
    ['a number typed as text', (r) => setValue(r, 'gytz', '七点八五'), { code: 'wrong-type', key: 'wrong-type:gytz:current' }],
    ['a negative amount', (r) => setValue(r, 'jbFunds', -5), { code: 'negative', key: 'negative:jbFunds:current' }],
    ['a negative last-year value', (r) => setValue(r, 'gyzcz', 248.6, -1), { code: 'negative', key: 'negative:gyzcz:lastYear', target: { kind: 'indicator', code: 'gyzcz', column: 'lastYear' } }],
    ['an integer with a fraction', (r) => setValue(r, 'xzgsqy', 2.5), { code: 'not-integer', key: 'not-integer:xzgsqy:current' }],
    ['a missing last-year value', (r) => setValue(r, 'gyzcz', 248.6, null), { code: 'missing-last-year', key: 'missing-last-year:gyzcz', target: { kind: 'indicator', code: 'gyzcz', column: 'lastYear' } }],
    ['a text too long', (r) => setValue(r, 'zd1Name', '光'.repeat(51)), { code: 'too-long', key: 'too-long:zd1Name' }],
    ['a value for an indicator the set does not have', (r) => setValue(r, 'nonsense', 1), { code: 'unknown-indicator', key: 'unknown-indicator:nonsense' }],
    ['a value for a derived indicator', (r) => setValue(r, 'rateSignedStarted', 50), { code: 'unknown-indicator', key: 'unknown-indicator:rateSignedStarted' }],
    ['a tourism indicator in an industrial zone', (r) => setValue(r, 'gdzctz', 100, 90), { code: 'unknown-indicator', key: 'unknown-indicator:gdzctz' }],
    ['another indicator set', (r) => (r.indicatorSet = { id: 'kfq-quarterly', version: '2023.1' }), { code: 'set-mismatch', target: { kind: 'return' } }],
  ])('%s', (_what, edit, expected) => {
    const issues = check(jincheng(edit));
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'error', ...expected }));
    expect(hasHardErrors(issues)).toBe(true);
    for (const i of issues) expect(i.message).toMatch(/请/);
  });

  it('a zone missing from a given registry', () => {
    const ret = jincheng((r) => (r.zoneId = 'nowhere-kfq'));
    const issues = validateReturn(set, ret, computeReturn(set, ret), { registry: builtinZoneRegistry() });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'unknown-zone', severity: 'error' }));
  });

  it('a tourism zone is not asked for industrial indicators', () => {
    const issues = check(exampleReturn('lingchuan-lyq-2024-q1'));
    expect(issues.filter((i) => i.code === 'required')).toEqual([]);
  });
});

describe('hard errors in roster cells', () => {
  it.each<[string, (row: RosterRow) => void, string, string]>([
    ['a project without a name', (row) => (row['name'] = ''), 'roster-required', 'name'],
    ['an amount typed as text', (row) => (row['totalInvestment'] = '50亿'), 'roster-wrong-type', 'totalInvestment'],
    ['a negative amount', (row) => (row['investmentThisYear'] = -1), 'roster-negative', 'investmentThisYear'],
    ['a flag typed as text', (row) => (row['signed'] = '是'), 'roster-wrong-type', 'signed'],
    ['an impossible date', (row) => (row['signDate'] = '2024-02-30'), 'roster-bad-date', 'signDate'],
    ['a date in another form', (row) => (row['signDate'] = '2024.2.23'), 'roster-bad-date', 'signDate'],
  ])('%s', (_what, edit, code, field) => {
    const ret = jincheng((r) => edit(firstRow(r)));
    const rowId = firstRow(ret).id;
    const issues = check(ret);
    expect(issues).toContainEqual(expect.objectContaining({ code, severity: 'error', key: `${code}:${rowId}:${field}`, target: { kind: 'roster', rowId, field } }));
  });
});

describe('rule kinds', () => {
  it('part-of: 转型项目投资 greater than 工业投资 is a hard error', () => {
    const issues = check(jincheng((r) => setValue(r, 'zxxmtz', 8.2, 5.01)));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'part-of', severity: 'error', key: 'rule:zxxmtz-le-gytz', target: { kind: 'indicator', code: 'zxxmtz', column: 'current' } }));
    expect(issues.find((i) => i.code === 'part-of')?.message).toContain('8.20亿元');
  });

  it('started projects not marked signed: the row rule is the error, not a count of started against signed', () => {
    const ret = jincheng((r) => {
      for (const row of r.roster) if (row['started'] === true) row['signed'] = false;
    });
    const issues = check(ret);
    expect(issues.filter((i) => i.key.startsWith('rule:started-needs-signed:'))).toHaveLength(5);
    expect(issues.find((i) => i.key === 'rule:started-le-signed')).toBeUndefined();
  });

  it('part-of: equal part and whole pass', () => {
    const issues = check(jincheng((r) => setValue(r, 'zxxmtz', 7.85, 5.01)));
    expect(issues.filter((i) => i.code === 'part-of')).toEqual([]);
  });

  it.each([
    [62.41, 30, true],
    [62.41, 52.3, false],
    [30, 52.3, true],
  ])('growth-range: 规上工业增加值 %s against %s warns: %s', (current, lastYear, warns) => {
    const issues = check(jincheng((r) => setValue(r, 'gyzjz', current, lastYear)));
    const found = issues.filter((i) => i.key === 'rule:gyzjz-growth');
    expect(found).toHaveLength(warns ? 1 : 0);
    if (warns) expect(found[0]).toMatchObject({ code: 'growth-range', severity: 'warning', target: { kind: 'indicator', code: 'gyzjz', column: 'current' } });
  });

  it.each([
    [52.3, 52.3, false],
    [52.3, 52.6, false],
    [52.3, 55, true],
  ])('last-year-jump: typed last year %s against last year’s return %s warns: %s', (typed, previous, warns) => {
    const lastYear = jincheng((r) => {
      r.period = { ...r.period, year: 2023 };
      setValue(r, 'gyzjz', previous, 45);
    });
    const issues = check(
      jincheng((r) => setValue(r, 'gyzjz', 62.41, typed)),
      lastYear,
    );
    expect(issues.filter((i) => i.code === 'last-year-jump' && i.key === 'rule:gyzjz-last-year' && i.severity === 'warning')).toHaveLength(warns ? 1 : 0);
  });

  it('last-year values come from last year’s return when not typed', () => {
    const lastYear = jincheng((r) => setValue(r, 'gyzcz', 200, 190));
    const ret = jincheng((r) => setValue(r, 'gyzcz', 248.6, null));
    const computed = computeReturn(set, ret, { lastYearReturn: lastYear });
    expect(computed.figures['gyzcz']?.lastYear).toEqual({ ok: true, value: 200 });
    expect(validateReturn(set, ret, computed, { lastYearReturn: lastYear }).filter((i) => i.code === 'missing-last-year')).toEqual([]);
  });

  it.each([
    [92.81, false],
    [92.79, false],
    [92.85, false],
    [93.0, true],
    [92.6, true],
  ])('consistency: 15.7亿元 of 16.92亿元 published as %s%% warns: %s', (published, warns) => {
    const ret = jincheng((r) => {
      setValue(r, 'gytz', 16.92, 10.847);
      setValue(r, 'zxxmtz', 15.7, 9.9);
      setValue(r, 'zxxmtzzb', published);
    });
    const issues = check(ret).filter((i) => i.code === 'consistency');
    expect(issues).toHaveLength(warns ? 1 : 0);
    if (warns) expect(issues[0]).toMatchObject({ severity: 'warning', key: 'rule:zxxmtzzb-consistent' });
  });

  it('consistency: the published 92.81% is not what the rounded inputs give exactly, which is why rounding is allowed for', () => {
    expect(formatFigure((15.7 / 16.92) * 100, 2)).toBe('92.79');
  });

  it.each([
    ['error', (r: ZoneReturn) => setValue(r, 'zd2Output', 120), 'rule:leading-output-le-total'],
    ['error', (r: ZoneReturn) => setValue(r, 'bzdArea', 0), 'rule:bzd-area-with-count'],
    ['warning', (r: ZoneReturn) => setValue(r, 'dbItems', 10), 'rule:db-items-ge-projects'],
  ] as const)('expression (%s): %s', (severity, edit, key) => {
    const issues = check(jincheng(edit));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'expression', severity, key }));
  });

  it('expression: a condition over a missing value is not checked', () => {
    const issues = check(jincheng((r) => delete r.values['dbItems']));
    expect(issues.filter((i) => i.key === 'rule:db-items-ge-projects')).toEqual([]);
  });

  it.each([
    ['a project started but not signed', { signed: false, started: true }, 'started-needs-signed', 'error'],
    ['a project started with the 签约 flag left empty', { signed: null, started: true }, 'started-needs-signed', 'error'],
    ['a project producing but not started', { started: false, producing: true, signed: true }, 'producing-needs-started', 'error'],
    ['a project reaching design output without production', { producing: false, reachedDesign: true }, 'reached-needs-producing', 'error'],
    ['a project started before it was signed', { signDate: '2024-03-01', startDate: '2024-02-01' }, 'start-after-sign', 'warning'],
    ['a 开工批次 on a project not marked started', { started: false, startBatch: '2024年第一次' }, 'start-batch-needs-started', 'error'],
    ['a 投产批次 on a project not marked producing', { producing: false, productionBatch: '2024年第一次' }, 'production-batch-needs-producing', 'error'],
    ['a 开工批次 of a year before the 签约批次', { batch: '2024年第一次', startBatch: '2023年第四次', started: true, signed: true }, 'start-batch-after-sign-batch', 'warning'],
  ] as const)('roster-row: %s', (_what, cells, ruleId, severity) => {
    const ret = jincheng((r) => Object.assign(firstRow(r), cells));
    const rowId = firstRow(ret).id;
    const issues = check(ret);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'roster-row', severity, key: `rule:${ruleId}:${rowId}`, target: expect.objectContaining({ kind: 'roster', rowId }) }));
    expect(issues.find((i) => i.code === 'roster-row')?.message).toContain('康佳智慧科技城项目');
  });

  it('roster-row: a row missing a date is not checked for date order', () => {
    const ret = jincheng((r) => Object.assign(firstRow(r), { signDate: null, startDate: '2024-02-01' }));
    expect(check(ret).filter((i) => i.key.startsWith('rule:start-after-sign'))).toEqual([]);
  });

  it('a duplicated project name is a warning', () => {
    const ret = jincheng((r) => r.roster.push({ ...firstRow(r), id: 'copy' }));
    expect(check(ret)).toContainEqual(expect.objectContaining({ code: 'roster-duplicate', severity: 'warning', key: 'roster-duplicate:copy' }));
  });
});

describe('explanations', () => {
  it('a warning with a 合理性说明 is still reported, marked explained', () => {
    const ret = jincheng((r) => {
      setValue(r, 'gyzjz', 62.41, 30);
      r.explanations['rule:gyzjz-growth'] = '上年同期受检修停产影响基数偏低。';
    });
    const issues = check(ret);
    expect(issues).toContainEqual(expect.objectContaining({ key: 'rule:gyzjz-growth', explained: true }));
    expect(unexplainedWarnings(issues)).toEqual([]);
  });

  it('a blank explanation does not count', () => {
    const ret = jincheng((r) => {
      setValue(r, 'gyzjz', 62.41, 30);
      r.explanations['rule:gyzjz-growth'] = '   ';
    });
    expect(unexplainedWarnings(check(ret))).toHaveLength(1);
  });
});
