import { describe, expect, it } from 'vitest';
import type { Result, ValidationIssue } from '../model';
import type { LifecycleEvent, LifecycleRecord, ReturnState } from './states';
import { isLocked } from './states';
import { allowedActions, applyEdit, checkSubmittable, markSubmitted, markValidated, reopen, validationGate, type Transition } from './transitions';

const actor = { who: '张明', at: '2024-04-08T09:00:00.000Z' };
const record = (state: ReturnState, revision = 0): LifecycleRecord => ({ state, revision, submittedAt: null, reopenReason: null });
const warning: ValidationIssue = { code: 'growth-range', severity: 'warning', key: 'rule:gytz-growth', target: { kind: 'indicator', code: 'gytz', column: 'current' }, message: '工业投资增长超出范围' };
const error: ValidationIssue = { code: 'part-of', severity: 'error', key: 'rule:zxxmtz-le-gytz', target: { kind: 'indicator', code: 'zxxmtz', column: 'current' }, message: '转型项目投资大于工业投资' };
const passed = validationGate([], {});
const facts = { submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e', fileName: '晋城开发区_2024年1–3月_报送_第1版.xlsx', sha256: 'ab'.repeat(32) };

function value(result: Result<Transition>): Transition {
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('；'));
  return result.value;
}
function code(result: Result<Transition>): string | undefined {
  return result.ok ? undefined : result.issues[0]?.code;
}

describe('validationGate', () => {
  it.each([
    [[], {}, true, 0, 0],
    [[warning], {}, false, 0, 1],
    [[warning], { 'rule:gytz-growth': '   ' }, false, 0, 1],
    [[warning], { 'rule:gytz-growth': '新开工大项目' }, true, 0, 0],
    [[error, warning], { 'rule:gytz-growth': '新开工大项目' }, false, 1, 0],
  ])('issues %# → passed %s', (issues, explanations, ok, errors, unexplained) => {
    const gate = validationGate(issues, explanations);
    expect([gate.passed, gate.errors.length, gate.unexplained.length]).toEqual([ok, errors, unexplained]);
  });
});

describe('transitions by state', () => {
  it.each([
    ['未填', '填报中', true],
    ['填报中', '填报中', false],
    ['已校验', '填报中', true],
    ['退回修改', '退回修改', false],
  ] as const)('an edit in %s leaves %s (event: %s)', (from, to, logged) => {
    const t = value(applyEdit(record(from), actor));
    expect(t.record.state).toBe(to);
    expect(t.event !== null).toBe(logged);
  });

  it('refuses an edit of a submitted return', () => {
    expect(code(applyEdit(record('已报送', 1), actor))).toBe('return-locked');
    expect(isLocked('已报送')).toBe(true);
  });

  it.each(['未填', '填报中', '退回修改'] as const)('%s → 已校验 when the gate passes', (from) => {
    const t = value(markValidated(record(from, 1), passed, actor));
    expect(t.record.state).toBe('已校验');
    expect(t.event).toEqual({ ...actor, action: 'validate', from, to: '已校验', revision: 1 });
  });

  it.each([
    [[error], {}, 'validation-errors'],
    [[warning], {}, 'warnings-unexplained'],
  ] as const)('refuses 已校验 with outstanding problems (%#)', (issues, explanations, expected) => {
    expect(code(markValidated(record('填报中'), validationGate([...issues], explanations), actor))).toBe(expected);
  });

  it.each([
    ['未填', 'not-validated'],
    ['填报中', 'not-validated'],
    ['退回修改', 'not-validated'],
    ['已报送', 'already-submitted'],
  ] as const)('refuses to submit from %s', (from, expected) => {
    expect(code(markSubmitted(record(from), facts, actor))).toBe(expected);
  });

  it.each(['未填', '填报中', '已校验', '退回修改'] as const)('refuses to reopen from %s', (from) => {
    expect(code(reopen(record(from), '原因', actor))).toBe('not-submitted');
  });

  it('refuses to reopen without a reason', () => {
    expect(code(reopen(record('已报送', 1), '  ', actor))).toBe('reason-required');
  });

  it.each([
    ['未填', { edit: true, validate: true, submit: false, reopen: false }],
    ['已校验', { edit: true, validate: true, submit: true, reopen: false }],
    ['已报送', { edit: false, validate: false, submit: false, reopen: true }],
    ['退回修改', { edit: true, validate: true, submit: false, reopen: false }],
  ] as const)('offers in %s: %j', (state, actions) => {
    expect(allowedActions(state)).toEqual(actions);
  });
});

describe('checkSubmittable', () => {
  it.each([
    ['已校验', [], true, undefined],
    ['已校验', [error], false, 'validation-changed'],
    ['填报中', [], false, 'not-validated'],
    ['退回修改', [], false, 'not-validated'],
    ['已报送', [], false, 'already-submitted'],
  ] as const)('%s with %j issues → %s', (state, issues, expected, reason) => {
    const result = checkSubmittable(record(state, 1), validationGate([...issues], {}));
    expect(result.ok).toBe(expected);
    if (!result.ok) expect(result.issues[0]?.code).toBe(reason);
  });
});

describe('the life of a return', () => {
  it('fill, validate, submit revision 1, reopen with a reason, submit revision 2, with every change logged', () => {
    const log: LifecycleEvent[] = [];
    const step = (result: Result<Transition>): LifecycleRecord => {
      const t = value(result);
      if (t.event) log.push(t.event);
      return t.record;
    };
    let r = record('未填');
    r = step(applyEdit(r, actor));
    expect(code(markValidated(r, validationGate([warning], {}), actor))).toBe('warnings-unexplained');
    r = step(markValidated(r, validationGate([warning], { 'rule:gytz-growth': '新开工大项目' }), actor));
    r = step(markSubmitted(r, facts, { who: '张明', at: '2024-04-08T10:00:00.000Z' }));
    expect(r).toEqual({ state: '已报送', revision: 1, submittedAt: '2024-04-08T10:00:00.000Z', reopenReason: null });
    expect(allowedActions(r.state).edit).toBe(false);

    r = step(reopen(r, '市局要求核对工业投资', { who: '李秀英', at: '2024-04-09T08:00:00.000Z' }));
    expect(r).toMatchObject({ state: '退回修改', revision: 1, reopenReason: '市局要求核对工业投资' });
    r = step(applyEdit(r, actor));
    r = step(markValidated(r, passed, actor));
    r = step(markSubmitted(r, { ...facts, submissionId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }, { who: '张明', at: '2024-04-09T09:00:00.000Z' }));
    expect(r).toEqual({ state: '已报送', revision: 2, submittedAt: '2024-04-09T09:00:00.000Z', reopenReason: null });

    expect(log.map((e) => [e.action, e.from, e.to, e.revision, e.who])).toEqual([
      ['edit', '未填', '填报中', 0, '张明'],
      ['validate', '填报中', '已校验', 0, '张明'],
      ['submit', '已校验', '已报送', 1, '张明'],
      ['reopen', '已报送', '退回修改', 1, '李秀英'],
      ['validate', '退回修改', '已校验', 1, '张明'],
      ['submit', '已校验', '已报送', 2, '张明'],
    ]);
    expect(log[3]?.reason).toBe('市局要求核对工业投资');
    expect(log[2]?.sha256).toBe(facts.sha256);
  });
});
