/**
 * Loads a bulletin style (seeds/bulletin/*.json) and checks every template against the indicator
 * set: a placeholder naming a figure that does not exist is refused with its JSON path.
 */
import type { IndicatorSet, Result, ZoneType } from '../model';
import { JsonReader, kindOf } from '../seeds/json-reader';
import { BULLETIN_STYLE_FORMAT, type BulletinBlock, type BulletinSection, type BulletinStyle, type ClausePatterns, type Condition, type Part } from './bulletin-style';
import { parseFigureName, splitTemplate } from './figure-names';

const ZONE_TYPES: ZoneType[] = ['industrial', 'tourism'];
/** Placeholders the clause patterns may hold, by pattern. */
const CLAUSE_SLOTS: Record<keyof Omit<ClausePatterns, 'ordinal'>, string[]> = {
  growthUp: ['rate'],
  growthDown: ['rate'],
  above: ['name', 'ref', 'gap'],
  below: ['name', 'ref', 'gap'],
  equal: ['name', 'ref'],
};

class StyleReader {
  readonly r: JsonReader;
  constructor(
    source: string | undefined,
    private readonly set: IndicatorSet,
  ) {
    this.r = new JsonReader(source, '通报样式');
  }

  template(value: unknown, path: string, inZone: boolean): string | undefined {
    if (typeof value !== 'string') {
      this.r.error(path, 'not-a-string', `应为文字模板，实际为${kindOf(value)}`);
      return undefined;
    }
    const pieces = splitTemplate(value);
    if (typeof pieces === 'string') {
      this.r.error(path, 'bad-template', pieces, value);
      return value;
    }
    for (const p of pieces) {
      if (!('placeholder' in p)) continue;
      const parsed = parseFigureName(p.placeholder.name, this.set, inZone);
      if (typeof parsed === 'string') this.r.error(path, 'unknown-figure', `模板引用的数值不存在：${parsed}`, p.raw);
    }
    return value;
  }

  figureRef(value: unknown, path: string, inZone: boolean): string | number | undefined {
    if (typeof value === 'number') return value;
    if (typeof value !== 'string') {
      this.r.error(path, 'bad-operand', `应为数值名或数字，实际为${kindOf(value)}`);
      return undefined;
    }
    const parsed = parseFigureName(value, this.set, inZone);
    if (typeof parsed === 'string') this.r.error(path, 'unknown-figure', `条件引用的数值不存在：${parsed}`, value);
    return value;
  }

  condition(value: unknown, path: string, inZone: boolean): Condition | undefined {
    const o = this.r.object(value, path);
    if (!o) return undefined;
    const pair = (key: 'eq' | 'gt'): [string | number, string | number] | undefined => {
      const v = o[key];
      if (!Array.isArray(v) || v.length !== 2) {
        this.r.error(`${path}.${key}`, 'bad-condition', '应为两个数值名或数字组成的数组');
        return undefined;
      }
      const a = this.figureRef(v[0], `${path}.${key}[0]`, inZone);
      const b = this.figureRef(v[1], `${path}.${key}[1]`, inZone);
      return a === undefined || b === undefined ? undefined : [a, b];
    };
    if ('eq' in o) {
      const p = pair('eq');
      return p && { eq: p };
    }
    if ('gt' in o) {
      const p = pair('gt');
      return p && { gt: p };
    }
    if ('has' in o) {
      const f = this.figureRef(o['has'], `${path}.has`, inZone);
      return typeof f === 'string' ? { has: f } : undefined;
    }
    if ('not' in o) {
      const c = this.condition(o['not'], `${path}.not`, inZone);
      return c && { not: c };
    }
    if ('all' in o && Array.isArray(o['all'])) {
      const cs = o['all'].map((c, i) => this.condition(c, `${path}.all[${i}]`, inZone));
      return cs.every((c): c is Condition => c !== undefined) ? { all: cs } : undefined;
    }
    this.r.error(path, 'bad-condition', '条件应为 eq、gt、has、not 或 all 之一');
    return undefined;
  }

  parts(value: unknown, path: string, inZone: boolean): Part[] {
    if (!Array.isArray(value)) {
      this.r.error(path, 'not-an-array', `应为数组，实际为${kindOf(value)}`);
      return [];
    }
    return value.flatMap((v, i): Part[] => {
      const p = this.part(v, `${path}[${i}]`, inZone);
      return p === undefined ? [] : [p];
    });
  }

  part(value: unknown, path: string, inZone: boolean): Part | undefined {
    if (typeof value === 'string') return this.template(value, path, inZone);
    const o = this.r.object(value, path);
    if (!o) return undefined;
    if ('when' in o) {
      const when = this.condition(o['when'], `${path}.when`, inZone);
      const then = this.parts(o['then'], `${path}.then`, inZone);
      const otherwise = 'else' in o ? this.parts(o['else'], `${path}.else`, inZone) : undefined;
      return when && { when, then, ...(otherwise ? { else: otherwise } : {}) };
    }
    if ('forEachZone' in o) {
      if (inZone) this.r.error(path, 'nested-loop', '逐个开发区的句子不能嵌套');
      const f = this.r.object(o['forEachZone'], `${path}.forEachZone`) ?? {};
      const types = this.r.array(f, 'types', `${path}.forEachZone`, { required: false })?.filter((t, i): t is ZoneType => {
        if (ZONE_TYPES.some((z) => z === t)) return true;
        this.r.error(`${path}.forEachZone.types[${i}]`, 'bad-zone-type', `开发区类型应为 ${ZONE_TYPES.join('、')}`, t);
        return false;
      });
      const having = f['having'] === undefined ? undefined : this.figureRef(f['having'], `${path}.forEachZone.having`, true);
      const inCity = this.r.boolean(f, 'inCity', `${path}.forEachZone`);
      const each = this.parts(o['each'], `${path}.each`, true);
      const first = 'first' in o ? this.parts(o['first'], `${path}.first`, true) : undefined;
      const text = (key: string) => this.r.string(o, key, path, { required: false });
      const join = text('join');
      const before = text('before');
      const after = text('after');
      return {
        forEachZone: { ...(types ? { types } : {}), ...(typeof having === 'string' ? { having } : {}), ...(inCity !== undefined ? { inCity } : {}) },
        each,
        ...(first ? { first } : {}),
        ...(join !== undefined ? { join } : {}),
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
      };
    }
    this.r.error(path, 'bad-part', '段落的组成部分应为文字模板、{when, then, else} 或 {forEachZone, each}');
    return undefined;
  }

  block(value: unknown, path: string): BulletinBlock | undefined {
    const o = this.r.object(value, path);
    if (!o) return undefined;
    const id = this.r.string(o, 'id', `${path}`, { required: true }) ?? '';
    if ('narrative' in o) {
      const label = this.r.string(o, 'narrative', `${path}`, { required: true }) ?? '';
      const material = (this.r.array(o, 'material', `${path}`, { required: false }) ?? []).filter((m, i): m is string => {
        const ind = typeof m === 'string' ? this.set.sections.find((s) => s.kind === 'text')?.indicators.find((x) => x.code === m) : undefined;
        if (!ind) this.r.error(`${path}.material[${i}]`, 'unknown-text', `文字材料「${String(m)}」不是指标集 ${this.set.id} 的文字指标`, m);
        return ind !== undefined;
      });
      return { kind: 'narrative', id, label, material };
    }
    return { kind: 'figures', id, parts: this.parts(o['parts'], `${path}.parts`, false) };
  }

  section(value: unknown, path: string, depth: number): BulletinSection | undefined {
    const o = this.r.object(value, path);
    if (!o) return undefined;
    const heading = this.r.string(o, 'heading', `${path}`, { required: true }) ?? '';
    const blocks = (this.r.array(o, 'blocks', `${path}`, { required: false }) ?? []).flatMap((b, i) => this.block(b, `${path}.blocks[${i}]`) ?? []);
    const subs = this.r.array(o, 'subsections', `${path}`, { required: false });
    if (subs && depth > 0) this.r.error(`${path}.subsections`, 'too-deep', '标题只有两级：一、二、三 和 （一）（二）');
    const subsections = subs?.flatMap((s, i) => this.section(s, `${path}.subsections[${i}]`, depth + 1) ?? []);
    return { heading, blocks, ...(subsections ? { subsections } : {}) };
  }
}

/** Checks a style file; every unknown figure name is an issue with its JSON path. */
export function parseBulletinStyle(json: unknown, set: IndicatorSet, source?: string): Result<BulletinStyle> {
  const s = new StyleReader(source, set);
  const r = s.r;
  const o = r.object(json, '$');
  if (!o) return { ok: false, issues: r.issues };
  if (o['format'] !== BULLETIN_STYLE_FORMAT) r.error('$.format', 'bad-format', `应为「${BULLETIN_STYLE_FORMAT}」`, o['format']);
  const id = r.string(o, 'id', '$', { required: true }) ?? '';
  const version = r.string(o, 'version', '$', { required: true }) ?? '';
  const name = r.string(o, 'name', '$', { required: true }) ?? '';
  const indicatorSet = r.string(o, 'indicatorSet', '$', { required: true }) ?? '';
  if (indicatorSet && indicatorSet !== set.id) r.error('$.indicatorSet', 'set-mismatch', `样式为指标集「${indicatorSet}」而写，所给指标集为「${set.id}」`);
  const d = r.object(o['decimals'], '$.decimals') ?? {};
  const amount = r.number(d, 'amount', '$.decimals', { required: true, integer: true, min: 0, max: 6 }) ?? 2;
  const percent = r.number(d, 'percent', '$.decimals', { required: true, integer: true, min: 0, max: 6 }) ?? 2;
  const trimZeros = r.boolean(o, 'trimZeros', '$') ?? false;
  const monthDash = r.string(o, 'monthDash', '$', { required: false }) ?? '–';
  const cityTypes = r.array(o, 'cityZoneTypes', '$', { required: false })?.filter((t, i): t is ZoneType => {
    if (ZONE_TYPES.some((z) => z === t)) return true;
    r.error(`$.cityZoneTypes[${i}]`, 'bad-zone-type', `开发区类型应为 ${ZONE_TYPES.join('、')}`, t);
    return false;
  });
  const c = r.object(o['clauses'], '$.clauses') ?? {};
  const clause = (key: keyof typeof CLAUSE_SLOTS): string => {
    const t = r.string(c, key, '$.clauses', { required: true }) ?? '';
    const pieces = splitTemplate(t);
    if (typeof pieces === 'string') r.error(`$.clauses.${key}`, 'bad-template', pieces, t);
    else
      for (const p of pieces)
        if ('placeholder' in p && !CLAUSE_SLOTS[key].includes(p.placeholder.name)) r.error(`$.clauses.${key}`, 'unknown-figure', `模板引用的数值不存在：「${p.placeholder.name}」（此处可用 ${CLAUSE_SLOTS[key].join('、')}）`, p.raw);
    return t;
  };
  const ordinalObj = r.object(c['ordinal'], '$.clauses.ordinal') ?? {};
  const ordinal: Record<string, string> = {};
  for (const [k, v] of Object.entries(ordinalObj)) {
    if (typeof v !== 'string' || (k !== 'other' && !/^\d+$/.test(k))) r.error(`$.clauses.ordinal.${k}`, 'bad-ordinal', '键应为名次数字或 other，值为文字（{n} 为名次）', v);
    else ordinal[k] = v;
  }
  if (!ordinal['other']) r.error('$.clauses.ordinal.other', 'missing', '缺少一般名次的写法，如「第{n}位」');
  const clauses: ClausePatterns = { growthUp: clause('growthUp'), growthDown: clause('growthDown'), above: clause('above'), below: clause('below'), equal: clause('equal'), ordinal };
  const title = s.template(o['title'], '$.title', false) ?? '';
  const signature = r.string(o, 'signature', '$', { required: false });
  const sections = (r.array(o, 'sections', '$', { required: true }) ?? []).flatMap((x, i) => s.section(x, `$.sections[${i}]`, 0) ?? []);
  if (!r.ok) return { ok: false, issues: r.issues };
  const style: BulletinStyle = {
    format: BULLETIN_STYLE_FORMAT,
    id,
    version,
    name,
    indicatorSet,
    decimals: { amount, percent },
    trimZeros,
    monthDash,
    ...(cityTypes ? { cityZoneTypes: cityTypes } : {}),
    clauses,
    title,
    ...(signature !== undefined ? { signature } : {}),
    sections,
  };
  return { ok: true, value: style, issues: r.issues };
}
