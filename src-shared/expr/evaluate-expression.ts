import type { Computed, NotComputableReason, Period, RosterField, RosterRow } from '../model';
import { printExpression, referencesOf, type Expr } from './ast';

export type Value = number | boolean | string;
export type NotComputable = { ok: false; reason: NotComputableReason; detail: string };
export type Evaluated = { ok: true; value: Value } | NotComputable;
/** A variable's value: a number (or why there is none), or a text. */
export type VariableValue = Computed | { ok: true; text: string };

export interface ExpressionContext {
  /** Indicator values by code (this period). */
  variables?: Record<string, VariableValue>;
  /** Same period last year by code, for `lastYear(code)`. */
  lastYear?: Record<string, Computed>;
  /** The return's period, for `year`, `endMonth` and `inPeriod(date)`. */
  period?: Period;
  /** The project roster that `count(...)` and `sum(...)` run over. */
  roster?: { rows: RosterRow[]; fields: RosterField[] };
  /** Chinese names of indicators and roster fields, used in the reasons. */
  names?: Record<string, string>;
  /** Keeps `count(...)` / `sum(...)` results between evaluations over the same roster rows. */
  aggregateMemo?: AggregateMemo;
}

/**
 * Results of `count(...)` and `sum(...)` kept between evaluations, for a screen that recomputes a
 * return on every keystroke while its roster (10,000 projects, say) stays the same. A result is
 * reused only for the same rows array (by identity), the same roster fields, the same parsed
 * formula and the same period, and only for an aggregate that reads nothing but roster fields,
 * `year` and `endMonth`. Rows must not be changed in place while a memo is in use: replace the
 * array (as React state is), and the old results are dropped with it.
 */
export class AggregateMemo {
  private readonly results = new WeakMap<RosterField[], WeakMap<RosterRow[], WeakMap<Expr, Map<string, Evaluated>>>>();
  private readonly cacheable = new WeakMap<RosterField[], WeakMap<Expr, boolean>>();

  /** The evaluated aggregate, from the memo or from `run` (and then remembered). */
  get(e: Expr, fields: RosterField[], rows: RosterRow[], period: Period | undefined, run: () => Evaluated): Evaluated {
    if (!this.isCacheable(e, fields)) return run();
    let byRows = this.results.get(fields);
    if (!byRows) this.results.set(fields, (byRows = new WeakMap()));
    let byExpr = byRows.get(rows);
    if (!byExpr) byRows.set(rows, (byExpr = new WeakMap()));
    let byPeriod = byExpr.get(e);
    if (!byPeriod) byExpr.set(e, (byPeriod = new Map()));
    const key = period ? `${period.year}-${period.endMonth}` : '';
    let hit = byPeriod.get(key);
    if (!hit) byPeriod.set(key, (hit = run()));
    return hit;
  }

  private isCacheable(e: Expr, fields: RosterField[]): boolean {
    let known = this.cacheable.get(fields);
    if (!known) this.cacheable.set(fields, (known = new WeakMap()));
    let ok = known.get(e);
    if (ok === undefined) {
      const refs = referencesOf(e);
      const allowed = (name: string) => name === 'year' || name === 'endMonth' || fieldNamed(fields, name) !== undefined;
      ok = refs.outside.size === 0 && refs.lastYear.size === 0 && !refs.badLastYear && !refs.nestedAggregate && [...refs.inside].every(allowed);
      known.set(e, ok);
    }
    return ok;
  }
}

/** The roster row an aggregate is at, with the roster's fields by code (looked up once per identifier per row). */
type Row = { row: RosterRow; index: number; fields: ReadonlyMap<string, RosterField> };

const fail = (reason: NotComputableReason, detail: string): NotComputable => ({ ok: false, reason, detail });

function nameOf(ctx: ExpressionContext, code: string): string {
  return ctx.names?.[code] ?? code;
}

function rowLabel(r: Row): string {
  const name = r.row['name'];
  return typeof name === 'string' && name.trim() !== '' ? `项目「${name}」` : `台账第${r.index + 1}行`;
}

// Field lookups run once per identifier per roster row, so the list is indexed once.
const fieldIndex = new WeakMap<RosterField[], Map<string, RosterField>>();

function fieldsByCode(fields: RosterField[]): ReadonlyMap<string, RosterField> {
  let index = fieldIndex.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [f.code, f] as const));
    fieldIndex.set(fields, index);
  }
  return index;
}

function fieldNamed(fields: RosterField[], name: string): RosterField | undefined {
  return fieldsByCode(fields).get(name);
}

function lookup(name: string, ctx: ExpressionContext, row: Row | undefined): Evaluated {
  if (row) {
    const field = row.fields.get(name);
    if (field) {
      const raw = row.row[name];
      if (raw === undefined || raw === null || raw === '') {
        // An unticked flag is "no"; any other empty cell is a missing input.
        if (field.type === 'boolean') return { ok: true, value: false };
        return fail('missing-input', `${rowLabel(row)}缺少「${field.name}」，请在项目台账中补填`);
      }
      if (field.type === 'number' && typeof raw !== 'number') return fail('not-a-number', `${rowLabel(row)}的「${field.name}」不是数值：${String(raw)}`);
      if (field.type === 'boolean' && typeof raw !== 'boolean') return fail('not-a-number', `${rowLabel(row)}的「${field.name}」应为是/否：${String(raw)}`);
      return { ok: true, value: raw };
    }
  }
  const v = ctx.variables?.[name];
  if (v) {
    if (!v.ok) return v;
    return 'text' in v ? { ok: true, value: v.text } : { ok: true, value: v.value };
  }
  if (ctx.period && name === 'year') return { ok: true, value: ctx.period.year };
  if (ctx.period && name === 'endMonth') return { ok: true, value: ctx.period.endMonth };
  return fail('bad-formula', `公式中的「${name}」不是已知的指标代码`);
}

function isNumber(v: Evaluated): v is { ok: true; value: number } {
  return v.ok && typeof v.value === 'number';
}

function isBoolean(v: Evaluated): v is { ok: true; value: boolean } {
  return v.ok && typeof v.value === 'boolean';
}

// Callers test isNumber / isBoolean first and build `what`, the operand's name for the message,
// only when there is a message to give: a roster aggregate asks for thousands of values.
function asNumber(v: Evaluated, what: string): { ok: true; value: number } | NotComputable {
  if (!v.ok) return v;
  if (typeof v.value === 'number') return v as { ok: true; value: number };
  return fail('not-a-number', `${what}应为数值，实际为「${String(v.value)}」`);
}

function asBoolean(v: Evaluated, what: string): { ok: true; value: boolean } | NotComputable {
  if (!v.ok) return v;
  if (typeof v.value === 'boolean') return v as { ok: true; value: boolean };
  return fail('bad-formula', `${what}应为条件（真/假），实际为「${String(v.value)}」`);
}

function asNumberOf(e: Expr, ctx: ExpressionContext, row: Row | undefined): { ok: true; value: number } | NotComputable {
  const v = evalNode(e, ctx, row);
  return isNumber(v) ? v : asNumber(v, describeOperand(e, ctx));
}

function asBooleanOf(e: Expr, ctx: ExpressionContext, row: Row | undefined, prefix = ''): { ok: true; value: boolean } | NotComputable {
  const v = evalNode(e, ctx, row);
  return isBoolean(v) ? v : asBoolean(v, `${prefix}${describeOperand(e, ctx)}`);
}

function rowNumber(v: Evaluated, e: Expr, row: Row): { ok: true; value: number } | NotComputable {
  return isNumber(v) ? v : asNumber(v, `${rowLabel(row)}的「${printExpression(e)}」`);
}

function finite(value: number, e: Expr): Evaluated {
  return Number.isFinite(value) ? { ok: true, value } : fail('not-a-number', `「${printExpression(e)}」的结果不是有限数值`);
}

function describeOperand(e: Expr, ctx: ExpressionContext): string {
  return e.type === 'identifier' ? `「${nameOf(ctx, e.name)}」` : `「${printExpression(e)}」`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function evalNode(e: Expr, ctx: ExpressionContext, row: Row | undefined): Evaluated {
  switch (e.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return { ok: true, value: e.value };
    case 'identifier':
      return lookup(e.name, ctx, row);
    case 'unary': {
      const v = evalNode(e.operand, ctx, row);
      if (e.op === '!') {
        const b = isBoolean(v) ? v : asBoolean(v, `「!」的对象${describeOperand(e.operand, ctx)}`);
        return b.ok ? { ok: true, value: !b.value } : b;
      }
      const n = isNumber(v) ? v : asNumber(v, describeOperand(e.operand, ctx));
      if (!n.ok) return n;
      return { ok: true, value: e.op === '-' ? -n.value : n.value };
    }
    case 'binary':
      return evalBinary(e, ctx, row);
    case 'call':
      return evalCall(e, ctx, row);
  }
}

function evalBinary(e: Extract<Expr, { type: 'binary' }>, ctx: ExpressionContext, row: Row | undefined): Evaluated {
  if (e.op === '&&' || e.op === '||') {
    // Three-valued: a known false (&&) or true (||) decides even when the other side is missing.
    const decisive = e.op === '||';
    const l = asBooleanOf(e.left, ctx, row);
    if (l.ok && l.value === decisive) return l;
    if (!l.ok && l.reason === 'bad-formula') return l;
    const r = asBooleanOf(e.right, ctx, row);
    if (r.ok && r.value === decisive) return r;
    if (!l.ok) return l;
    if (!r.ok) return r;
    return { ok: true, value: !decisive };
  }
  const l = evalNode(e.left, ctx, row);
  if (!l.ok) {
    // A ratio missing inputs on both sides: its base's reason names more (every signed project
    // without 总投资, not only the started ones), so the clerk sees all that is to be filled.
    if (e.op === '/' && l.reason === 'missing-input') {
      const base = evalNode(e.right, ctx, row);
      if (!base.ok && base.reason === 'missing-input') return base;
    }
    return l;
  }
  const r = evalNode(e.right, ctx, row);
  if (!r.ok) return r;
  if (e.op === '==' || e.op === '!=') {
    if (typeof l.value !== typeof r.value) return fail('not-a-number', `不能比较${describeOperand(e.left, ctx)}与${describeOperand(e.right, ctx)}：类型不同`);
    return { ok: true, value: (l.value === r.value) === (e.op === '==') };
  }
  if (e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') {
    const comparable = (typeof l.value === 'number' && typeof r.value === 'number') || (typeof l.value === 'string' && typeof r.value === 'string');
    if (!comparable) return fail('not-a-number', `不能比较${describeOperand(e.left, ctx)}与${describeOperand(e.right, ctx)}的大小`);
    const a = l.value;
    const b = r.value;
    const value = e.op === '<' ? a < b : e.op === '<=' ? a <= b : e.op === '>' ? a > b : a >= b;
    return { ok: true, value };
  }
  const a = isNumber(l) ? l : asNumber(l, describeOperand(e.left, ctx));
  if (!a.ok) return a;
  const b = isNumber(r) ? r : asNumber(r, describeOperand(e.right, ctx));
  if (!b.ok) return b;
  switch (e.op) {
    case '+':
      return finite(a.value + b.value, e);
    case '-':
      return finite(a.value - b.value, e);
    case '*':
      return finite(a.value * b.value, e);
    case '/':
      if (b.value === 0) return fail('division-by-zero', `${describeOperand(e.right, ctx)}为0，无法计算${describeOperand(e.left, ctx)}与它的比值`);
      return finite(a.value / b.value, e);
  }
}

/** The call's argument `i` as a number. */
function numArg(e: Extract<Expr, { type: 'call' }>, i: number, ctx: ExpressionContext, row: Row | undefined): { ok: true; value: number } | NotComputable {
  const a = e.args[i];
  return a ? asNumberOf(a, ctx, row) : fail('bad-formula', `函数「${e.name}」缺少参数`);
}

function evalCall(e: Extract<Expr, { type: 'call' }>, ctx: ExpressionContext, row: Row | undefined): Evaluated {
  const args = e.args;
  switch (e.name) {
    case 'min':
    case 'max': {
      const values: number[] = [];
      for (let i = 0; i < args.length; i++) {
        const v = numArg(e, i, ctx, row);
        if (!v.ok) return v;
        values.push(v.value);
      }
      return { ok: true, value: e.name === 'min' ? Math.min(...values) : Math.max(...values) };
    }
    case 'abs': {
      const v = numArg(e, 0, ctx, row);
      return v.ok ? { ok: true, value: Math.abs(v.value) } : v;
    }
    case 'round': {
      const v = numArg(e, 0, ctx, row);
      if (!v.ok) return v;
      const d = args.length > 1 ? numArg(e, 1, ctx, row) : { ok: true as const, value: 0 };
      if (!d.ok) return d;
      return { ok: true, value: roundHalfAwayFromZero(v.value, d.value) };
    }
    case 'if': {
      const [c, a, b] = args;
      if (!c || !a || !b) return fail('bad-formula', '函数「if」需要3个参数');
      const cond = asBooleanOf(c, ctx, row, 'if 的条件');
      if (!cond.ok) return cond;
      return evalNode(cond.value ? a : b, ctx, row);
    }
    case 'lastYear': {
      const a = args[0];
      if (a?.type !== 'identifier') return fail('bad-formula', 'lastYear(...) 的参数必须是指标代码');
      const v = ctx.lastYear?.[a.name];
      return v ?? fail('missing-input', `缺少「${nameOf(ctx, a.name)}」的上年同期数`);
    }
    case 'coalesce': {
      // An empty cell (missing input) passes to the next argument; any other problem is the answer.
      let last: Evaluated = fail('missing-input', '');
      for (const a of args) {
        last = evalNode(a, ctx, row);
        if (last.ok || last.reason !== 'missing-input') return last;
      }
      return last;
    }
    case 'batchYear': {
      const a = args[0];
      if (!a) return fail('bad-formula', 'batchYear(...) 缺少参数');
      const v = evalNode(a, ctx, row);
      if (!v.ok) return v;
      const m = /^\s*(\d{4})/.exec(String(v.value));
      return m ? { ok: true, value: Number(m[1]) } : fail('not-a-number', `${row ? rowLabel(row) + '的' : ''}批次「${String(v.value)}」中找不到年份，请按“2024年第一次”的样式填写`);
    }
    case 'inPeriod': {
      const a = args[0];
      if (!a) return fail('bad-formula', 'inPeriod(...) 缺少参数');
      const v = evalNode(a, ctx, row);
      if (!v.ok) return v;
      if (typeof v.value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.value)) return fail('not-a-number', `${row ? rowLabel(row) + '的' : ''}日期「${String(v.value)}」应为 yyyy-mm-dd`);
      if (!ctx.period) return fail('missing-input', '没有报告期，无法判断日期是否在期内');
      const { year, endMonth } = ctx.period;
      const end = `${year}-${String(endMonth).padStart(2, '0')}-${String(lastDayOf(year, endMonth)).padStart(2, '0')}`;
      return { ok: true, value: v.value >= `${year}-01-01` && v.value <= end };
    }
    case 'count':
    case 'sum':
      if (!row && ctx.roster && ctx.aggregateMemo) {
        const { rows, fields } = ctx.roster;
        return ctx.aggregateMemo.get(e, fields, rows, ctx.period, () => evalAggregate(e, ctx, row));
      }
      return evalAggregate(e, ctx, row);
  }
}

function evalAggregate(e: Extract<Expr, { type: 'call' }>, ctx: ExpressionContext, outer: Row | undefined): Evaluated {
  if (outer) return fail('bad-formula', `「${e.name}」不能嵌套在另一个汇总函数中`);
  if (!ctx.roster) return fail('missing-input', '没有项目台账，无法计算');
  const condition = e.name === 'count' ? e.args[0] : e.args[1];
  const valueExpr = e.name === 'sum' ? e.args[0] : undefined;
  let total = 0;
  // Matching rows without the summed amount: all of them are named, not only the first.
  let missing: { first: NotComputable; labels: string[] } | undefined;
  const rows = ctx.roster.rows;
  const fields = fieldsByCode(ctx.roster.fields);
  for (let index = 0; index < rows.length; index++) {
    const r = rows[index];
    if (r === undefined) continue;
    const row: Row = { row: r, index, fields };
    if (condition) {
      const c = evalNode(condition, ctx, row);
      // An empty cell just means the row does not match; a formula error or a cell that cannot be read
      // (a batch without a year, a date or amount typed as text) must show, or the row would silently drop out.
      if (!c.ok && c.reason !== 'missing-input') return c;
      if (c.ok && typeof c.value !== 'boolean') return fail('bad-formula', `「${printExpression(condition)}」应为条件（真/假）`);
      if (!c.ok || c.value !== true) continue;
    }
    if (!valueExpr) {
      total += 1;
      continue;
    }
    const v = rowNumber(evalNode(valueExpr, ctx, row), valueExpr, row);
    if (!v.ok && v.reason === 'missing-input' && valueExpr.type === 'identifier' && fields.has(valueExpr.name)) {
      missing ??= { first: v, labels: [] };
      missing.labels.push(rowLabel(row));
      continue;
    }
    if (!v.ok) return v;
    total += v.value;
  }
  if (missing !== undefined && valueExpr?.type === 'identifier') {
    const { labels } = missing;
    if (labels.length === 1) return missing.first;
    const field = fields.get(valueExpr.name)?.name ?? valueExpr.name;
    const named = labels.slice(0, 3).join('、') + (labels.length > 3 ? ' 等' : '');
    return fail('missing-input', `${labels.length} 个项目缺少「${field}」（${named}），请在项目台账中补填`);
  }
  return { ok: true, value: total };
}

/** Rounds half away from zero at `decimals`, correcting binary representation (1.005 → 1.01). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(value) * rounded) / factor || 0;
}

/** Evaluates to any value (number, condition or text); problems are values, never exceptions. */
export function evaluate(ast: Expr, ctx: ExpressionContext): Evaluated {
  return evalNode(ast, ctx, undefined);
}

/** Evaluates a formula to a number: a condition gives 1 or 0, a text is not computable. */
export function evaluateExpression(ast: Expr, ctx: ExpressionContext): Computed {
  const v = evaluate(ast, ctx);
  if (!v.ok) return v;
  if (typeof v.value === 'boolean') return { ok: true, value: v.value ? 1 : 0 };
  if (typeof v.value === 'number') return { ok: true, value: v.value };
  return fail('not-a-number', `「${printExpression(ast)}」的结果是文字，不是数值`);
}

/** Evaluates a condition; a missing input yields a distinct not-computable result. */
export function evaluateCondition(ast: Expr, ctx: ExpressionContext): { ok: true; value: boolean } | NotComputable {
  return asBoolean(evaluate(ast, ctx), `「${printExpression(ast)}」`);
}

/** Evaluates a condition over one roster row (fields by code), as roster-row rules do. */
export function evaluateRowCondition(ast: Expr, ctx: ExpressionContext, row: RosterRow, index: number): { ok: true; value: boolean } | NotComputable {
  return asBoolean(evalNode(ast, ctx, { row, index, fields: fieldsByCode(ctx.roster?.fields ?? []) }), `「${printExpression(ast)}」`);
}
