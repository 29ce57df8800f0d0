import { parseExpression, type Expr } from '../expr';
import type { NotComputable } from '../expr';

const cache = new Map<string, { ok: true; ast: Expr } | NotComputable>();

/** Parses a formula once; a formula that does not parse is "not computable", never an exception. */
export function formulaAst(src: string): { ok: true; ast: Expr } | NotComputable {
  let hit = cache.get(src);
  if (!hit) {
    const r = parseExpression(src);
    hit = r.ok ? r : { ok: false, reason: 'bad-formula', detail: `公式「${src}」无法解析：${r.message}` };
    cache.set(src, hit);
  }
  return hit;
}
