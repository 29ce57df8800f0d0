/** The syntax tree of a formula of an indicator set. Built by `parseExpression`, never by `eval`. */

export type BinaryOperator = '+' | '-' | '*' | '/' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||';
export type UnaryOperator = '-' | '+' | '!';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'identifier'; name: string }
  | { type: 'unary'; op: UnaryOperator; operand: Expr }
  | { type: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { type: 'call'; name: FunctionName; args: Expr[] };

/** Functions of the language with their arity; `count` and `sum` evaluate their arguments per roster row. */
export const FUNCTIONS = {
  min: { minArgs: 1, maxArgs: Infinity, aggregate: false },
  max: { minArgs: 1, maxArgs: Infinity, aggregate: false },
  abs: { minArgs: 1, maxArgs: 1, aggregate: false },
  round: { minArgs: 1, maxArgs: 2, aggregate: false },
  if: { minArgs: 3, maxArgs: 3, aggregate: false },
  /** Same period last year of an indicator: `lastYear(gyzjz)`. */
  lastYear: { minArgs: 1, maxArgs: 1, aggregate: false },
  /** The year in a batch label such as `2024年第一次`. */
  batchYear: { minArgs: 1, maxArgs: 1, aggregate: false },
  /** The first argument that has a value (an empty cell has none): `coalesce(startBatch, batch)`. */
  coalesce: { minArgs: 2, maxArgs: Infinity, aggregate: false },
  /** An ISO date lies in the return's cumulative period (1 January to the period's last day). */
  inPeriod: { minArgs: 1, maxArgs: 1, aggregate: false },
  /** Number of roster rows meeting the condition (all rows without one). */
  count: { minArgs: 0, maxArgs: 1, aggregate: true },
  /** Sum over roster rows meeting the condition of a per-row value. */
  sum: { minArgs: 1, maxArgs: 2, aggregate: true },
} as const satisfies Record<string, { minArgs: number; maxArgs: number; aggregate: boolean }>;

export type FunctionName = keyof typeof FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, name);
}

/** Names of the period that formulas may use. */
export const PERIOD_VARIABLES = ['year', 'endMonth'] as const;

/** Prints an expression back in the language's syntax (for messages). */
export function printExpression(e: Expr): string {
  switch (e.type) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'boolean':
      return String(e.value);
    case 'identifier':
      return e.name;
    case 'unary':
      return `${e.op}${wrap(e.operand)}`;
    case 'binary':
      return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
    case 'call':
      return `${e.name}(${e.args.map(printExpression).join(', ')})`;
  }
}

function wrap(e: Expr): string {
  return e.type === 'binary' ? `(${printExpression(e)})` : printExpression(e);
}

export interface References {
  /** Identifiers used outside any aggregate. */
  outside: Set<string>;
  /** Identifiers used inside `count(...)` / `sum(...)`: roster fields, or indicator codes. */
  inside: Set<string>;
  /** Arguments of `lastYear(...)`. */
  lastYear: Set<string>;
  /** `lastYear` was given something other than an indicator code. */
  badLastYear: boolean;
  /** An aggregate appears inside another one. */
  nestedAggregate: boolean;
}

export function referencesOf(e: Expr): References {
  const refs: References = { outside: new Set(), inside: new Set(), lastYear: new Set(), badLastYear: false, nestedAggregate: false };
  const walk = (x: Expr, inAggregate: boolean): void => {
    switch (x.type) {
      case 'identifier':
        (inAggregate ? refs.inside : refs.outside).add(x.name);
        return;
      case 'unary':
        walk(x.operand, inAggregate);
        return;
      case 'binary':
        walk(x.left, inAggregate);
        walk(x.right, inAggregate);
        return;
      case 'call': {
        if (x.name === 'lastYear') {
          const arg = x.args[0];
          if (arg?.type === 'identifier') refs.lastYear.add(arg.name);
          else refs.badLastYear = true;
          return;
        }
        const aggregate = FUNCTIONS[x.name].aggregate;
        if (aggregate && inAggregate) refs.nestedAggregate = true;
        for (const a of x.args) walk(a, inAggregate || aggregate);
        return;
      }
      default:
        return;
    }
  };
  walk(e, false);
  return refs;
}
