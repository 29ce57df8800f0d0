import type { UserIssue } from '../model';

/**
 * Reads an untrusted JSON value field by field, collecting a Chinese issue with the JSON path for
 * every problem instead of stopping at the first. Each getter returns the typed value or undefined.
 */
export class JsonReader {
  readonly issues: UserIssue[] = [];

  constructor(
    private readonly source: string | undefined,
    /** What the file is, for messages: 指标集, 开发区名录, 报表. */
    private readonly what: string,
  ) {}

  error(path: string, code: string, message: string, found?: unknown): void {
    const where = this.source ? `${this.what}文件 ${this.source} 的 ${path}` : `${this.what}的 ${path}`;
    const issue: UserIssue = { code, severity: 'error', message: `${where}：${message}`, location: { path, ...(this.source ? { file: this.source } : {}) } };
    if (found !== undefined) issue.found = typeof found === 'string' ? found : JSON.stringify(found);
    this.issues.push(issue);
  }

  get ok(): boolean {
    return !this.issues.some((i) => i.severity === 'error');
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.fromEntries(Object.entries(value));
    this.error(path, 'not-an-object', `应为对象（{…}），实际为${kindOf(value)}`);
    return undefined;
  }

  array(o: Record<string, unknown>, key: string, path: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (opts.required !== false) this.error(p, 'missing', '缺少此项，请补上（数组）');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.error(p, 'wrong-type', `应为数组（[…]），实际为${kindOf(v)}`);
      return undefined;
    }
    if (opts.nonEmpty && v.length === 0) this.error(p, 'empty', '不能为空数组');
    return v;
  }

  string(o: Record<string, unknown>, key: string, path: string, opts: { required?: boolean } = {}): string | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (opts.required !== false) this.error(p, 'missing', '缺少此项，请补上（文字）');
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(p, 'wrong-type', `应为文字，实际为${kindOf(v)}`, v);
      return undefined;
    }
    if (opts.required !== false && v.trim() === '') {
      this.error(p, 'empty', '不能为空');
      return undefined;
    }
    return v;
  }

  number(o: Record<string, unknown>, key: string, path: string, opts: { required?: boolean; integer?: boolean; min?: number; max?: number } = {}): number | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (opts.required !== false) this.error(p, 'missing', '缺少此项，请补上（数值）');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(p, 'wrong-type', `应为数值，实际为${kindOf(v)}`, v);
      return undefined;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.error(p, 'not-integer', `应为整数，实际为 ${v}`, v);
      return undefined;
    }
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      this.error(p, 'out-of-range', `应在 ${opts.min ?? '-∞'} 到 ${opts.max ?? '∞'} 之间，实际为 ${v}`, v);
      return undefined;
    }
    return v;
  }

  boolean(o: Record<string, unknown>, key: string, path: string): boolean | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') {
      this.error(`${path}.${key}`, 'wrong-type', `应为 true 或 false，实际为${kindOf(v)}`, v);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(o: Record<string, unknown>, key: string, path: string, allowed: readonly T[], what: string, opts: { required?: boolean } = {}): T | undefined {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined) {
      if (opts.required !== false) this.error(p, 'missing', `缺少${what}，请补上（可用：${allowed.join('、')}）`);
      return undefined;
    }
    const found = allowed.find((a) => a === v);
    if (found === undefined) this.error(p, `unknown-${key}`, `${what}「${String(v)}」不可识别（可用：${allowed.join('、')}）`, v);
    return found;
  }

  stringList(o: Record<string, unknown>, key: string, path: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): string[] | undefined {
    const arr = this.array(o, key, path, opts);
    if (!arr) return undefined;
    const out: string[] = [];
    arr.forEach((v, i) => {
      if (typeof v === 'string' && v.trim() !== '') out.push(v);
      else this.error(`${path}.${key}[${i}]`, 'wrong-type', `应为非空文字，实际为${kindOf(v)}`, v);
    });
    return out;
  }
}

export function kindOf(v: unknown): string {
  if (v === null) return '空值 null';
  if (Array.isArray(v)) return '数组';
  switch (typeof v) {
    case 'string':
      return `文字「${v.length > 40 ? v.slice(0, 40) + '…' : v}」`;
    case 'number':
      return `数值 ${v}`;
    case 'boolean':
      return `真假值 ${v}`;
    case 'object':
      return '对象';
    default:
      return typeof v;
  }
}
