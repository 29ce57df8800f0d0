import type { Computed, ComputedReturn, Indicator, IndicatorSet, IssueTarget, Rule, RosterField, RosterRow, ValidationIssue, ZoneRegistry, ZoneReturn, ZoneType } from '../model';
import { evaluateCondition, evaluateInterval, evaluateRowCondition, publishedInterval, referencesOf, type Expr, type ExpressionContext, type IntervalResult, type VariableValue } from '../expr';
import { formulaAst } from '../compute/formula-cache';
import { lastYearValue, namesOf, resolveNewZone, resolveZoneType } from '../compute/compute-return';
import { formatFigure } from '../format';
import { allIndicators } from '../seeds';

export interface ValidateOptions {
  lastYearReturn?: ZoneReturn;
  zoneType?: ZoneType;
  /** When given, the return's zone must be in it. */
  registry?: ZoneRegistry;
  /** The zone is new this year (see `ComputeOptions.newZone`). */
  newZone?: boolean;
  /** A zone missing from the registry is a warning, not an error: its type was given explicitly (`--zone-type`). */
  zoneTypeGiven?: boolean;
}

const EPSILON = 1e-9;

function unitText(ind: Indicator): string {
  return ind.unit === '文本' ? '' : ind.unit;
}

function show(ind: Indicator, value: number): string {
  return `${formatFigure(value, ind.decimals)}${unitText(ind)}`;
}

function numberOf(fig: { current: Computed | { ok: true; text: string } } | undefined): number | undefined {
  const c = fig?.current;
  return c && c.ok && 'value' in c ? c.value : undefined;
}

/**
 * Checks a return against its indicator set: hard errors (a return with any cannot be marked 已校验)
 * and warnings, which the clerk may keep with a written explanation stored under the issue's key.
 */
export function validateReturn(set: IndicatorSet, ret: ZoneReturn, computed: ComputedReturn, opts: ValidateOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, severity: 'error' | 'warning', key: string, target: IssueTarget, message: string): void => {
    issues.push({ code, severity, key, target, message });
  };
  const zoneType = resolveZoneType(ret, opts);
  const indicators = allIndicators(set);
  const byCode = new Map(indicators.map((i) => [i.code, i] as const));
  const applicable = (ind: Indicator): boolean => ind.zoneTypes.includes(zoneType);

  if (ret.indicatorSet.id !== set.id || ret.indicatorSet.version !== set.version) {
    add('set-mismatch', 'error', 'set-mismatch', { kind: 'return' }, `报表使用的指标集为「${ret.indicatorSet.id} ${ret.indicatorSet.version}」，与「${set.id} ${set.version}」不符，请用对应版本的指标集打开`);
  }
  if (set.year !== ret.period.year) {
    add('set-year-mismatch', 'error', 'set-year-mismatch', { kind: 'return' }, `报告期为${ret.period.year}年，而指标集「${set.id} ${set.version}」是${set.year}年的（省定目标随年份不同），请改用${ret.period.year}年的指标集`);
  }
  if (opts.registry && !opts.registry.zones.some((z) => z.id === ret.zoneId)) {
    const where = '请在「设置 → 开发区名录」中添加该开发区（或导入名录表），命令行可用 --registry 指定名录文件';
    if (opts.zoneTypeGiven) add('unknown-zone', 'warning', 'unknown-zone', { kind: 'return' }, `开发区编号「${ret.zoneId}」不在开发区名录中，已按指定的开发区类型检查；${where}`);
    else add('unknown-zone', 'error', 'unknown-zone', { kind: 'return' }, `开发区编号「${ret.zoneId}」不在开发区名录中，无法确定开发区类型和所属市；${where}`);
  }

  for (const code of Object.keys(ret.values)) {
    const ind = byCode.get(code);
    if (!ind || !applicable(ind) || ind.source === 'derived') {
      const why = !ind ? '不是指标集中的指标' : ind.source === 'derived' ? '是由公式计算的指标，不应填报' : '不适用于本类开发区';
      add('unknown-indicator', 'error', `unknown-indicator:${code}`, { kind: 'indicator', code, column: 'current' }, `报表中的「${ind?.name ?? code}」${why}，请删除该项`);
    }
  }

  const newZoneReason = resolveNewZone(set, ret, opts) ? set.newZone?.reason : undefined;
  for (const ind of indicators) {
    if (!applicable(ind) || ind.source !== 'entered') continue;
    checkEntered(ind, ret, opts, add, newZoneReason);
  }

  keptRosterIssues(ret.roster, `fields|${rosterKeyOf(set, ret)}`, add, (into) => checkRoster(set.roster.fields, ret, into));

  const variables: Record<string, VariableValue> = {};
  for (const [code, fig] of Object.entries(computed.figures)) variables[code] = fig.current;
  const ctx: ExpressionContext = { variables, period: ret.period, roster: { rows: ret.roster, fields: set.roster.fields }, names: namesOf(set) };
  for (const rule of set.rules) checkRule(rule, { set, ret, computed, ctx, byCode, applicable, opts, add });

  for (const issue of issues) {
    if (issue.severity === 'warning' && (ret.explanations[issue.key] ?? '').trim() !== '') issue.explained = true;
  }
  return issues;
}

type Add = (code: string, severity: 'error' | 'warning', key: string, target: IssueTarget, message: string) => void;

/**
 * Issues of the ledger alone (its cells' types, and roster-row rules over row fields only), kept
 * per roster array: a ledger of 10,000 projects is checked once per roster version (the app gives
 * the same array while the stored ledger is unchanged), not again at every opening or edit.
 */
const rosterIssueMemo = new WeakMap<readonly RosterRow[], Map<string, Array<Parameters<Add>>>>();

function rosterKeyOf(set: IndicatorSet, ret: ZoneReturn): string {
  return `${set.id}@${set.version}|${ret.period.year}-${ret.period.endMonth}`;
}

function keptRosterIssues(rows: readonly RosterRow[], key: string, add: Add, check: (into: Add) => void): void {
  let byKey = rosterIssueMemo.get(rows);
  if (byKey === undefined) rosterIssueMemo.set(rows, (byKey = new Map()));
  let kept = byKey.get(key);
  if (kept === undefined) {
    const found: Array<Parameters<Add>> = [];
    check((...issue) => found.push(issue));
    byKey.set(key, (kept = found));
  }
  // New issue objects each time: the caller marks explained warnings on them.
  for (const issue of kept) add(...issue);
}

/** A row condition that reads only the row's fields (and the period), so its verdicts depend on the ledger alone. */
function readsOnlyRow(e: Expr, fields: readonly RosterField[]): boolean {
  const refs = referencesOf(e);
  const allowed = (name: string) => name === 'year' || name === 'endMonth' || fields.some((f) => f.code === name);
  return refs.lastYear.size === 0 && !refs.badLastYear && !refs.nestedAggregate && [...refs.outside, ...refs.inside].every(allowed);
}

function checkEntered(ind: Indicator, ret: ZoneReturn, opts: ValidateOptions, add: Add, newZoneReason?: string): void {
  const v = ret.values[ind.code];
  const current = v?.current;
  const target = (column: 'current' | 'lastYear'): IssueTarget => ({ kind: 'indicator', code: ind.code, column });
  const empty = current === undefined || current === null || current === '' || (typeof current === 'string' && current.trim() === '');
  if (ind.kind === 'text') {
    if (empty) {
      if (ind.required) add('required', 'error', `required:${ind.code}`, { kind: 'text', code: ind.code }, `「${ind.name}」必须填写，请补充文字材料`);
      return;
    }
    if (typeof current !== 'string') add('wrong-type', 'error', `wrong-type:${ind.code}`, { kind: 'text', code: ind.code }, `「${ind.name}」应为文字，请重新填写`);
    else if (ind.maxLength !== undefined && [...current].length > ind.maxLength) add('too-long', 'error', `too-long:${ind.code}`, { kind: 'text', code: ind.code }, `「${ind.name}」共${[...current].length}字，超过上限${ind.maxLength}字，请精简`);
    return;
  }
  const checkNumber = (value: unknown, column: 'current' | 'lastYear', label: string): void => {
    if (typeof value !== 'number') {
      add('wrong-type', 'error', `wrong-type:${ind.code}:${column}`, target(column), `「${ind.name}」${label}应为数值，实际为「${String(value)}」，请重新填写`);
      return;
    }
    if (value < 0) add('negative', 'error', `negative:${ind.code}:${column}`, target(column), `「${ind.name}」${label}为负数（${value}），不能小于0，请核对后重新填写`);
    if (ind.kind === 'integer' && !Number.isInteger(value)) add('not-integer', 'error', `not-integer:${ind.code}:${column}`, target(column), `「${ind.name}」${label}应为整数（单位：${ind.unit}），实际为 ${value}，请去掉小数`);
  };
  if (empty) {
    if (ind.required) add('required', 'error', `required:${ind.code}`, target('current'), `「${ind.name}」必须填写，请填入本期累计数（单位：${ind.unit}）`);
  } else {
    checkNumber(current, 'current', '本期值');
  }
  const typedLastYear = v?.lastYear;
  if (typedLastYear !== undefined && typedLastYear !== null) checkNumber(typedLastYear, 'lastYear', '上年同期数');
  if (ind.compareLastYear && !empty) {
    const ly = lastYearValue(ind, ret, opts.lastYearReturn, newZoneReason);
    if (!ly.ok && ly.reason === 'missing-input') add('missing-last-year', 'error', `missing-last-year:${ind.code}`, target('lastYear'), `「${ind.name}」缺少上年同期数，无法计算同比增速，请填入上年同期累计数（单位：${ind.unit}）`);
  }
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function rowName(row: ZoneReturn['roster'][number], index: number): string {
  const name = row['name'];
  return typeof name === 'string' && name.trim() !== '' ? `项目「${name}」` : `台账第${index + 1}行`;
}

function checkRoster(fields: RosterField[], ret: ZoneReturn, add: Add): void {
  const seen = new Map<string, number>();
  ret.roster.forEach((row, index) => {
    // Built only for a cell that has a problem: a clean roster of 10,000 projects allocates nothing per cell.
    const flag = (f: RosterField, code: string, message: (who: string) => string): void =>
      add(code, 'error', `${code}:${row.id}:${f.code}`, { kind: 'roster', rowId: row.id, field: f.code }, message(rowName(row, index)));
    for (const f of fields) {
      const cell = row[f.code];
      if (cell === undefined || cell === null || cell === '') {
        if (f.required) flag(f, 'roster-required', (who) => `${who}缺少「${f.name}」，请在项目台账中补填`);
        continue;
      }
      switch (f.type) {
        case 'number':
          if (typeof cell !== 'number') flag(f, 'roster-wrong-type', (who) => `${who}的「${f.name}」应为数值${f.unit ? `（单位：${f.unit}）` : ''}，实际为「${String(cell)}」，请改正`);
          else if (cell < 0) flag(f, 'roster-negative', (who) => `${who}的「${f.name}」为负数（${cell}），请改正`);
          break;
        case 'boolean':
          if (typeof cell !== 'boolean') flag(f, 'roster-wrong-type', (who) => `${who}的「${f.name}」应为“是”或“否”，实际为「${String(cell)}」，请改正`);
          break;
        case 'date':
          if (typeof cell !== 'string' || !isIsoDate(cell)) flag(f, 'roster-bad-date', (who) => `${who}的「${f.name}」不是有效日期（应为 yyyy-mm-dd），实际为「${String(cell)}」，请改正`);
          break;
        case 'text':
          if (typeof cell !== 'string') flag(f, 'roster-wrong-type', (who) => `${who}的「${f.name}」应为文字，实际为「${String(cell)}」，请改正`);
          else if (f.options && !f.options.includes(cell)) flag(f, 'roster-not-an-option', (who) => `${who}的「${f.name}」「${cell}」不在可选项中（${f.options?.join('、') ?? ''}），请从中选择`);
          break;
      }
    }
    const name = row['name'];
    if (typeof name === 'string' && name.trim() !== '') {
      const earlier = seen.get(name.trim());
      if (earlier !== undefined) add('roster-duplicate', 'warning', `roster-duplicate:${row.id}`, { kind: 'roster', rowId: row.id, field: 'name' }, `项目「${name}」在台账中出现了两次（第${earlier + 1}行和第${index + 1}行），请合并或删除重复的一行；若确为不同项目，请说明`);
      else seen.set(name.trim(), index);
    }
  });
}

interface RuleEnv {
  set: IndicatorSet;
  ret: ZoneReturn;
  computed: ComputedReturn;
  ctx: ExpressionContext;
  byCode: Map<string, Indicator>;
  applicable: (ind: Indicator) => boolean;
  opts: ValidateOptions;
  add: Add;
}

function checkRule(rule: Rule, env: RuleEnv): void {
  const { computed, byCode, applicable, add } = env;
  const key = `rule:${rule.id}`;
  const ind = (code: string): Indicator | undefined => {
    const i = byCode.get(code);
    return i && applicable(i) ? i : undefined;
  };
  switch (rule.kind) {
    case 'part-of': {
      const part = ind(rule.part);
      const whole = ind(rule.whole);
      if (!part || !whole) return;
      const p = numberOf(computed.figures[part.code]);
      const w = numberOf(computed.figures[whole.code]);
      if (p === undefined || w === undefined || p <= w + EPSILON) return;
      add('part-of', 'error', key, { kind: 'indicator', code: part.code, column: 'current' }, rule.message ? `${rule.message}（${part.name} ${show(part, p)}，${whole.name} ${show(whole, w)}）` : `「${part.name}」（${show(part, p)}）不能大于「${whole.name}」（${show(whole, w)}），请核对两项数值`);
      return;
    }
    case 'growth-range': {
      const i = ind(rule.indicator);
      const g = i ? computed.figures[i.code]?.growthPercent : undefined;
      if (!i || !g?.ok || (g.value >= rule.min && g.value <= rule.max)) return;
      add('growth-range', 'warning', key, { kind: 'indicator', code: i.code, column: 'current' }, `「${i.name}」同比增长${formatFigure(g.value, 2)}%，超出合理范围（${rule.min}%～${rule.max}%）。请核对本期值和上年同期数；如数据无误，请填写合理性说明`);
      return;
    }
    case 'last-year-jump': {
      const i = ind(rule.indicator);
      const typed = i ? env.ret.values[i.code]?.lastYear : undefined;
      const previous = i ? env.opts.lastYearReturn?.values[i.code]?.current : undefined;
      if (!i || typeof typed !== 'number' || typeof previous !== 'number') return;
      const diff = previous === 0 ? (typed === 0 ? 0 : Infinity) : (Math.abs(typed - previous) / Math.abs(previous)) * 100;
      if (diff <= rule.tolerancePercent + EPSILON) return;
      add('last-year-jump', 'warning', key, { kind: 'indicator', code: i.code, column: 'lastYear' }, `「${i.name}」填报的上年同期数 ${show(i, typed)} 与上年报表中的 ${show(i, previous)} 相差${Number.isFinite(diff) ? formatFigure(diff, 2) + '%' : '过大'}（允许${rule.tolerancePercent}%）。请核对；若上年数据经统计部门修订，请在说明中注明`);
      return;
    }
    case 'consistency': {
      checkConsistency(rule, env);
      return;
    }
    case 'expression': {
      if (rule.indicators.some((c) => !ind(c))) return;
      const parsed = formulaAst(rule.condition);
      if (!parsed.ok) return;
      const c = evaluateCondition(parsed.ast, env.ctx);
      if (!c.ok || c.value) return;
      const first = rule.indicators[0] ?? '';
      add('expression', rule.severity, key, { kind: 'indicator', code: first, column: 'current' }, rule.message);
      return;
    }
    case 'roster-row': {
      const parsed = formulaAst(rule.condition);
      if (!parsed.ok) return;
      const fields = env.set.roster.fields.filter((f) => rule.fields.includes(f.code));
      const check = (into: Add): void =>
        env.ret.roster.forEach((row, index) => {
          // Unticked flags count as "no"; a row missing any other named cell is not checked here.
          if (fields.some((f) => f.type !== 'boolean' && (row[f.code] === undefined || row[f.code] === null || row[f.code] === ''))) return;
          const c = evaluateRowCondition(parsed.ast, env.ctx, row, index);
          if (!c.ok || c.value) return;
          into('roster-row', rule.severity, `${key}:${row.id}`, { kind: 'roster', rowId: row.id, field: rule.fields[0] ?? 'name' }, `${rowName(row, index)}：${rule.message}`);
        });
      if (readsOnlyRow(parsed.ast, env.set.roster.fields)) keptRosterIssues(env.ret.roster, `${key}|${rosterKeyOf(env.set, env.ret)}`, add, check);
      else check(add);
      return;
    }
  }
}

/**
 * A published figure must match its formula allowing for rounding: every entered input stands for
 * the interval its published decimals allow, and so does the published figure; they must overlap.
 */
function checkConsistency(rule: Extract<Rule, { kind: 'consistency' }>, env: RuleEnv): void {
  const i = env.byCode.get(rule.indicator);
  if (!i || !env.applicable(i)) return;
  const published = numberOf(env.computed.figures[i.code]);
  const parsed = formulaAst(rule.formula);
  if (published === undefined || !parsed.ok) return;
  const intervals: Record<string, IntervalResult> = {};
  for (const ind of env.byCode.values()) {
    if (ind.source !== 'entered' || ind.code === i.code) continue;
    const v = numberOf(env.computed.figures[ind.code]);
    if (v !== undefined) intervals[ind.code] = publishedInterval(v, ind.decimals);
  }
  const range = evaluateInterval(parsed.ast, { ...env.ctx, intervals });
  if (!range.ok) return;
  const own = publishedInterval(published, i.decimals);
  if (own.hi >= range.lo - EPSILON && own.lo <= range.hi + EPSILON) return;
  const exact = evaluateInterval(parsed.ast, { ...env.ctx, intervals: {} });
  const computedText = exact.ok ? `${formatFigure(exact.lo, i.decimals)}${unitText(i)}` : '';
  env.add('consistency', 'warning', `rule:${rule.id}`, { kind: 'indicator', code: i.code, column: 'current' }, `「${i.name}」填报为 ${show(i, published)}，按各分项计算为 ${computedText}（考虑四舍五入应在 ${formatFigure(range.lo, i.decimals)}～${formatFigure(range.hi, i.decimals)} 之间）。请核对该比重及其分项；如以统计部门发布数为准，请填写说明`);
}

/** A return with any hard error cannot be marked 已校验. */
export function hasHardErrors(issues: ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Warnings still waiting for a 合理性说明. */
export function unexplainedWarnings(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.filter((i) => i.severity === 'warning' && !i.explained);
}
