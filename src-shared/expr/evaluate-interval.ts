import type { Computed } from '../model';
import { printExpression, type Expr } from './ast';
import { evaluateExpression, type ExpressionContext, type NotComputable } from './evaluate-expression';

/** A value known only to lie in [lo, hi], e.g. a published figure rounded to two decimals. */
export type Interval = { ok: true; lo: number; hi: number };
export type IntervalResult = Interval | NotComputable;

export interface IntervalContext extends ExpressionContext {
  /** Interval values by indicator code; codes not found here fall back to the exact `variables`. */
  intervals: Record<string, IntervalResult>;
}

const fail = (reason: NotComputable['reason'], detail: string): NotComputable => ({ ok: false, reason, detail });

/** The interval a figure published with `decimals` decimals stands for: value ± half a unit of the last decimal. */
export function publishedInterval(value: number, decimals: number): Interval {
  const typed = decimalsOf(value);
  // A value typed with more digits than the indicator displays was not rounded to the display decimals.
  const half = 0.5 * 10 ** -Math.max(decimals, typed);
  return { ok: true, lo: value - half, hi: value + half };
}

/** Digits after the decimal point in the shortest representation of `value`. */
export function decimalsOf(value: number): number {
  const s = String(value);
  const exp = /e([+-]\d+)$/.exec(s);
  const mantissa = exp ? s.slice(0, exp.index) : s;
  const dot = mantissa.indexOf('.');
  const frac = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, frac - (exp ? Number(exp[1]) : 0));
}

function point(c: Computed): IntervalResult {
  return c.ok ? { ok: true, lo: c.value, hi: c.value } : c;
}

/**
 * Evaluates an arithmetic formula over intervals: the result contains every value the formula can
 * take for inputs anywhere in their intervals. Roster aggregates are exact and evaluated as points.
 */
export function evaluateInterval(e: Expr, ctx: IntervalContext): IntervalResult {
  switch (e.type) {
    case 'number':
      return { ok: true, lo: e.value, hi: e.value };
    case 'identifier': {
      const v = ctx.intervals[e.name];
      return v ?? point(evaluateExpression(e, ctx));
    }
    case 'unary': {
      const v = evaluateInterval(e.operand, ctx);
      if (!v.ok) return v;
      if (e.op === '-') return { ok: true, lo: -v.hi, hi: -v.lo };
      if (e.op === '+') return v;
      return fail('bad-formula', `区间计算不支持「${printExpression(e)}」`);
    }
    case 'binary': {
      const a = evaluateInterval(e.left, ctx);
      if (!a.ok) return a;
      const b = evaluateInterval(e.right, ctx);
      if (!b.ok) return b;
      switch (e.op) {
        case '+':
          return { ok: true, lo: a.lo + b.lo, hi: a.hi + b.hi };
        case '-':
          return { ok: true, lo: a.lo - b.hi, hi: a.hi - b.lo };
        case '*':
          return span([a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]);
        case '/':
          if (b.lo <= 0 && b.hi >= 0) return fail('division-by-zero', `「${printExpression(e.right)}」可能为0，无法计算比值`);
          return span([a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]);
        default:
          return fail('bad-formula', `区间计算不支持运算符「${e.op}」`);
      }
    }
    case 'call': {
      if (e.name === 'count' || e.name === 'sum' || e.name === 'lastYear') return point(evaluateExpression(e, ctx));
      if (e.name === 'min' || e.name === 'max' || e.name === 'abs' || e.name === 'round') {
        const parts: Interval[] = [];
        for (const a of e.args) {
          const v = evaluateInterval(a, ctx);
          if (!v.ok) return v;
          parts.push(v);
        }
        const [first] = parts;
        if (!first) return fail('bad-formula', `函数「${e.name}」缺少参数`);
        if (e.name === 'min') return { ok: true, lo: Math.min(...parts.map((p) => p.lo)), hi: Math.min(...parts.map((p) => p.hi)) };
        if (e.name === 'max') return { ok: true, lo: Math.max(...parts.map((p) => p.lo)), hi: Math.max(...parts.map((p) => p.hi)) };
        if (e.name === 'abs') {
          if (first.lo >= 0) return first;
          if (first.hi <= 0) return { ok: true, lo: Math.abs(first.hi), hi: Math.abs(first.lo) };
          return { ok: true, lo: 0, hi: Math.max(-first.lo, first.hi) };
        }
        // Rounding is monotonic, so the ends round to the ends.
        const d = parts[1]?.lo ?? 0;
        const f = 10 ** d;
        return { ok: true, lo: Math.round(first.lo * f) / f, hi: Math.round(first.hi * f) / f };
      }
      return fail('bad-formula', `区间计算不支持函数「${e.name}」`);
    }
    default:
      return fail('bad-formula', `区间计算不支持「${printExpression(e)}」`);
  }
}

function span(values: number[]): IntervalResult {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return Number.isFinite(lo) && Number.isFinite(hi) ? { ok: true, lo, hi } : fail('not-a-number', '区间计算结果不是有限数值');
}
