import { FUNCTIONS, isFunctionName, type BinaryOperator, type Expr } from './ast';

export type ParseExpressionResult = { ok: true; ast: Expr } | { ok: false; message: string; position: number };

type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'identifier'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

class SyntaxProblem {
  constructor(
    readonly message: string,
    readonly position: number,
  ) {}
}

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '!', '(', ')', ','];

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const numberMatch = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (numberMatch) {
      tokens.push({ kind: 'number', value: Number(numberMatch[0]), pos: i });
      i += numberMatch[0].length;
      continue;
    }
    const identMatch = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (identMatch) {
      tokens.push({ kind: 'identifier', value: identMatch[0], pos: i });
      i += identMatch[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new SyntaxProblem(`第${i + 1}个字符处的字符串没有结束引号`, i);
      tokens.push({ kind: 'string', value: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new SyntaxProblem(`第${i + 1}个字符「${ch}」不是公式中允许的符号`, i);
    tokens.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: src.length });
  return tokens;
}

// Lowest to highest precedence; every level is left-associative.
const LEVELS: BinaryOperator[][] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.at] ?? { kind: 'end', pos: 0 };
  }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }

  private expectOp(value: string): void {
    const t = this.peek();
    if (!(t.kind === 'op' && t.value === value)) throw new SyntaxProblem(`第${t.pos + 1}个字符处应为「${value}」，实际为${describe(t)}`, t.pos);
    this.at++;
  }

  parseAll(): Expr {
    const e = this.binary(0);
    const t = this.peek();
    if (t.kind !== 'end') throw new SyntaxProblem(`第${t.pos + 1}个字符处多出了${describe(t)}`, t.pos);
    return e;
  }

  private binary(level: number): Expr {
    const ops = LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.peek();
      const op = t.kind === 'op' ? ops.find((o) => o === t.value) : undefined;
      if (!op) return left;
      this.at++;
      const right = this.binary(level + 1);
      left = { type: 'binary', op, left, right };
    }
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+' || t.value === '!')) {
      this.at++;
      return { type: 'unary', op: t.value, operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'number') {
      this.at++;
      return { type: 'number', value: t.value };
    }
    if (t.kind === 'string') {
      this.at++;
      return { type: 'string', value: t.value };
    }
    if (t.kind === 'identifier') {
      this.at++;
      if (t.value === 'true' || t.value === 'false') return { type: 'boolean', value: t.value === 'true' };
      if (!this.isOp('(')) return { type: 'identifier', name: t.value };
      if (!isFunctionName(t.value)) throw new SyntaxProblem(`未知的函数「${t.value}」（可用：${Object.keys(FUNCTIONS).join('、')}）`, t.pos);
      this.at++;
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        args.push(this.binary(0));
        while (this.isOp(',')) {
          this.at++;
          args.push(this.binary(0));
        }
      }
      this.expectOp(')');
      const spec = FUNCTIONS[t.value];
      if (args.length < spec.minArgs || args.length > spec.maxArgs) {
        const wanted = spec.maxArgs === Infinity ? `至少${spec.minArgs}个` : spec.minArgs === spec.maxArgs ? `${spec.minArgs}个` : `${spec.minArgs}到${spec.maxArgs}个`;
        throw new SyntaxProblem(`函数「${t.value}」需要${wanted}参数，实际给了${args.length}个`, t.pos);
      }
      return { type: 'call', name: t.value, args };
    }
    if (t.kind === 'op' && t.value === '(') {
      this.at++;
      const e = this.binary(0);
      this.expectOp(')');
      return e;
    }
    throw new SyntaxProblem(t.kind === 'end' ? '公式不完整：结尾缺少数值或指标代码' : `第${t.pos + 1}个字符处应为数值、指标代码或括号，实际为${describe(t)}`, t.pos);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return '公式结尾';
    case 'number':
      return `数值 ${t.value}`;
    case 'string':
      return `字符串 "${t.value}"`;
    default:
      return `「${t.value}」`;
  }
}

/** Parses a formula. Syntax errors are values with a Chinese message and the 0-based position. */
export function parseExpression(src: string): ParseExpressionResult {
  try {
    if (src.trim() === '') return { ok: false, message: '公式为空', position: 0 };
    return { ok: true, ast: new Parser(tokenize(src)).parseAll() };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { ok: false, message: e.message, position: e.position };
    throw e;
  }
}
