import {
  INDICATOR_SET_FORMAT,
  type Aggregation,
  type DueRule,
  type Indicator,
  type IndicatorKind,
  type NewZoneRule,
  type ProjectClass,
  type IndicatorSection,
  type IndicatorSet,
  type Result,
  type RosterDefinition,
  type RosterField,
  type RosterFieldType,
  type Rule,
  type Unit,
  type ZoneType,
} from '../model';
import { FUNCTIONS, PERIOD_VARIABLES, parseExpression, printExpression, referencesOf, type Expr } from '../expr';
import { JsonReader } from './json-reader';

export const UNITS = ['亿元', '万元', '元', '个', '家', '宗', '件', '项', '批次', '亩', '万平方米', '平方米', '万元/亩', '%', '文本'] as const satisfies readonly Unit[];
const KINDS = ['number', 'integer', 'percent', 'text'] as const satisfies readonly IndicatorKind[];
const ZONE_TYPES = ['industrial', 'tourism', 'agricultural'] as const satisfies readonly ZoneType[];
const FIELD_TYPES = ['text', 'number', 'boolean', 'date'] as const satisfies readonly RosterFieldType[];
const FREQUENCIES = ['quarter', 'month'] as const;
const RULE_KINDS = ['part-of', 'growth-range', 'last-year-jump', 'consistency', 'expression', 'roster-row'] as const satisfies readonly Rule['kind'][];
const CODE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set<string>([...Object.keys(FUNCTIONS), ...PERIOD_VARIABLES, 'true', 'false']);
const MAX_DECIMALS = 6;

interface FormulaCheck {
  path: string;
  src: string;
  /** Which names the formula may use outside an aggregate. */
  scope: 'indicators' | 'roster-row';
  /** Receives the formula with the set's project classes expanded (what is stored and evaluated). */
  assign?: (expanded: string) => void;
}

/**
 * Checks and reads an indicator set (format `zone-returns/indicator-set@1`). Every problem is reported
 * with its JSON path and a Chinese message; nothing is thrown for a malformed file.
 */
export function parseIndicatorSet(json: unknown, source?: string): Result<IndicatorSet> {
  const r = new JsonReader(source, '指标集');
  const root = r.object(json, '$');
  if (!root) return { ok: false, issues: r.issues };
  const format = root['format'];
  if (format !== INDICATOR_SET_FORMAT) {
    r.error('$.format', 'unknown-format', `格式标识应为「${INDICATOR_SET_FORMAT}」，实际为「${String(format)}」；请确认这是本程序的指标集文件，或升级程序`, format);
    return { ok: false, issues: r.issues };
  }
  const id = r.string(root, 'id', '$');
  const version = r.string(root, 'version', '$');
  const year = r.number(root, 'year', '$', { integer: true, min: 2000, max: 2100 });
  const name = r.string(root, 'name', '$');
  const frequencies = (r.array(root, 'frequencies', '$', { nonEmpty: true }) ?? []).flatMap((v, i) => {
    const f = FREQUENCIES.find((x) => x === v);
    if (!f) r.error(`$.frequencies[${i}]`, 'unknown-frequency', `报告期类型「${String(v)}」不可识别（可用：${FREQUENCIES.join('、')}）`, v);
    return f ? [f] : [];
  });
  const dueObj = root['due'] === undefined ? (r.error('$.due', 'missing', '缺少报送期限 due，请补上'), undefined) : r.object(root['due'], '$.due');
  const due = { quarter: readDue(r, dueObj, 'quarter'), month: readDue(r, dueObj, 'month') };

  const formulas: FormulaCheck[] = [];
  const sections: IndicatorSection[] = [];
  const sectionIds = new Set<string>();
  const codes = new Map<string, string>();
  (r.array(root, 'sections', '$', { nonEmpty: true }) ?? []).forEach((sv, si) => {
    const sp = `$.sections[${si}]`;
    const s = r.object(sv, sp);
    if (!s) return;
    const sid = r.string(s, 'id', sp) ?? '';
    if (sid && sectionIds.has(sid)) r.error(`${sp}.id`, 'duplicate-section', `栏目编号「${sid}」重复，请改为唯一的编号`, sid);
    sectionIds.add(sid);
    const kind = r.oneOf(s, 'kind', sp, ['indicators', 'text'] as const, '栏目类型') ?? 'indicators';
    const indicators: Indicator[] = [];
    (r.array(s, 'indicators', sp, { nonEmpty: true }) ?? []).forEach((iv, ii) => {
      const ip = `${sp}.indicators[${ii}]`;
      const ind = readIndicator(r, iv, ip, formulas);
      if (!ind) return;
      const earlier = codes.get(ind.code);
      if (earlier) r.error(`${ip}.code`, 'duplicate-code', `指标代码「${ind.code}」与 ${earlier} 重复，请改为唯一的代码`, ind.code);
      else codes.set(ind.code, `${ip}`);
      if (kind === 'text' && ind.kind !== 'text') r.error(`${ip}.kind`, 'text-section-number', `文字栏目中只能放文字指标，「${ind.code}」的类型为 ${ind.kind}`);
      indicators.push(ind);
    });
    sections.push({ id: sid, title: r.string(s, 'title', sp) ?? '', kind, indicators });
  });

  const rosterObj = root['roster'] === undefined ? (r.error('$.roster', 'missing', '缺少项目台账定义 roster，请补上'), undefined) : r.object(root['roster'], '$.roster');
  const roster = readRoster(r, rosterObj, codes);
  const projectClasses = readProjectClasses(r, root, roster, codes);
  const newZone = readNewZone(r, root);

  const byCode = new Map(sections.flatMap((s) => s.indicators).map((i) => [i.code, i] as const));
  const rules: Rule[] = [];
  const ruleIds = new Set<string>();
  (r.array(root, 'rules', '$', { required: false }) ?? []).forEach((rv, ri) => {
    const rule = readRule(r, rv, `$.rules[${ri}]`, byCode, roster, formulas);
    if (!rule) return;
    if (ruleIds.has(rule.id)) r.error(`$.rules[${ri}].id`, 'duplicate-rule', `规则编号「${rule.id}」重复，请改为唯一的编号`, rule.id);
    ruleIds.add(rule.id);
    rules.push(rule);
  });

  const parsed = checkFormulas(r, formulas, byCode, roster, projectClasses);
  checkCycles(r, byCode, parsed, codes);

  if (!r.ok || id === undefined || version === undefined || year === undefined || name === undefined || !due.quarter || !due.month) return { ok: false, issues: r.issues };
  const set: IndicatorSet = { format: INDICATOR_SET_FORMAT, id, version, year, name, frequencies, due: { quarter: due.quarter, month: due.month }, sections, roster, rules };
  if (projectClasses.length > 0) set.projectClasses = projectClasses;
  if (newZone) set.newZone = newZone;
  return { ok: true, value: set, issues: r.issues };
}

function readDue(r: JsonReader, due: Record<string, unknown> | undefined, key: 'quarter' | 'month'): DueRule | undefined {
  if (!due) return undefined;
  const o = due[key] === undefined ? (r.error(`$.due.${key}`, 'missing', '缺少此项，请补上（如 {"dayOfNextMonth": 10}）'), undefined) : r.object(due[key], `$.due.${key}`);
  if (!o) return undefined;
  const day = r.number(o, 'dayOfNextMonth', `$.due.${key}`, { integer: true, min: 1, max: 28 });
  return day === undefined ? undefined : { dayOfNextMonth: day };
}

function readCode(r: JsonReader, o: Record<string, unknown>, path: string, what: string): string | undefined {
  const code = r.string(o, 'code', path);
  if (code === undefined) return undefined;
  if (!CODE_PATTERN.test(code)) {
    r.error(`${path}.code`, 'bad-code', `${what}代码「${code}」只能由英文字母、数字和下划线组成，且不以数字开头`, code);
    return undefined;
  }
  if (RESERVED.has(code)) {
    r.error(`${path}.code`, 'reserved-code', `${what}代码「${code}」是公式语言的保留字，请换一个`, code);
    return undefined;
  }
  return code;
}

function readIndicator(r: JsonReader, v: unknown, path: string, formulas: FormulaCheck[]): Indicator | undefined {
  const o = r.object(v, path);
  if (!o) return undefined;
  const code = readCode(r, o, path, '指标');
  const name = r.string(o, 'name', path);
  const unit = r.oneOf(o, 'unit', path, UNITS, '单位');
  const decimals = r.number(o, 'decimals', path, { integer: true, min: 0, max: MAX_DECIMALS });
  const kind = r.oneOf(o, 'kind', path, KINDS, '指标类型');
  const source = r.oneOf(o, 'source', path, ['entered', 'derived'] as const, '数据来源');
  const formula = r.string(o, 'formula', path, { required: false });
  const zoneTypes = (r.array(o, 'zoneTypes', path, { nonEmpty: true }) ?? []).flatMap((z, i) => {
    const t = ZONE_TYPES.find((x) => x === z);
    if (!t) r.error(`${path}.zoneTypes[${i}]`, 'unknown-zoneType', `开发区类型「${String(z)}」不可识别（可用：${ZONE_TYPES.join('、')}）`, z);
    return t ? [t] : [];
  });
  const aggregate = readAggregation(r, o, path, formulas);
  if (source === 'derived' && formula === undefined) r.error(`${path}.formula`, 'derived-without-formula', `派生指标「${code ?? '?'}」缺少计算公式 formula，请补上，或把 source 改为 entered`);
  if (source === 'entered' && formula !== undefined) r.error(`${path}.formula`, 'entered-with-formula', `录入指标「${code ?? '?'}」不应有公式；若由公式计算，请把 source 改为 derived`);
  const formulaCheck: FormulaCheck | undefined = formula === undefined ? undefined : { path: `${path}.formula`, src: formula, scope: 'indicators' };
  if (formulaCheck) formulas.push(formulaCheck);
  if (kind === 'text' && unit !== undefined && unit !== '文本') r.error(`${path}.unit`, 'text-unit', `文字指标的单位应为「文本」，实际为「${unit}」`, unit);
  if (kind !== undefined && kind !== 'text' && unit === '文本') r.error(`${path}.unit`, 'text-unit', `数值指标不能用单位「文本」，请改为实际的计量单位`, unit);
  if (kind === 'integer' && decimals !== undefined && decimals !== 0) r.error(`${path}.decimals`, 'bad-decimals', `整数指标的小数位数应为0，实际为 ${decimals}`, decimals);
  if (kind === 'text' && aggregate && aggregate.kind !== 'none') r.error(`${path}.aggregate`, 'text-aggregate', '文字指标不能汇总，aggregate 应为 {"kind":"none"}');
  const compareLastYear = r.boolean(o, 'compareLastYear', path);
  if (compareLastYear && (source === 'derived' || kind === 'text')) r.error(`${path}.compareLastYear`, 'bad-compare', '只有录入的数值指标可以有上年同期数和同比增速');
  const targetGrowthPercent = r.number(o, 'targetGrowthPercent', path, { required: false });
  if (targetGrowthPercent !== undefined && !compareLastYear) r.error(`${path}.targetGrowthPercent`, 'target-without-growth', '设置了省定目标增速，但该指标没有 compareLastYear: true，无法比较');
  const required = r.boolean(o, 'required', path);
  const maxLength = r.number(o, 'maxLength', path, { required: false, integer: true, min: 1 });
  const note = r.string(o, 'note', path, { required: false });
  if (code === undefined || name === undefined || unit === undefined || decimals === undefined || kind === undefined || source === undefined || !aggregate) return undefined;
  const ind: Indicator = { code, name, unit, decimals, kind, source, aggregate, zoneTypes };
  if (formula !== undefined) ind.formula = formula;
  if (formulaCheck) formulaCheck.assign = (expanded) => (ind.formula = expanded);
  if (required !== undefined) ind.required = required;
  if (compareLastYear !== undefined) ind.compareLastYear = compareLastYear;
  if (targetGrowthPercent !== undefined) ind.targetGrowthPercent = targetGrowthPercent;
  if (maxLength !== undefined) ind.maxLength = maxLength;
  if (note !== undefined) ind.note = note;
  return ind;
}

function readAggregation(r: JsonReader, o: Record<string, unknown>, path: string, formulas: FormulaCheck[]): Aggregation | undefined {
  if (o['aggregate'] === undefined) {
    r.error(`${path}.aggregate`, 'missing', '缺少汇总方式 aggregate，请补上（{"kind":"sum"}、{"kind":"ratio-of-sums","formula":…} 或 {"kind":"none"}）');
    return undefined;
  }
  const a = r.object(o['aggregate'], `${path}.aggregate`);
  if (!a) return undefined;
  const kind = r.oneOf(a, 'kind', `${path}.aggregate`, ['sum', 'ratio-of-sums', 'none'] as const, '汇总方式');
  if (kind === 'ratio-of-sums') {
    const formula = r.string(a, 'formula', `${path}.aggregate`);
    if (formula === undefined) return undefined;
    const aggregate: Aggregation = { kind, formula };
    formulas.push({ path: `${path}.aggregate.formula`, src: formula, scope: 'indicators', assign: (expanded) => (aggregate.formula = expanded) });
    return aggregate;
  }
  return kind ? { kind } : undefined;
}

function readRoster(r: JsonReader, o: Record<string, unknown> | undefined, indicatorCodes: Map<string, string>): RosterDefinition {
  if (!o) return { fields: [], keyFields: [] };
  const fields: RosterField[] = [];
  const seen = new Set<string>();
  (r.array(o, 'fields', '$.roster', { nonEmpty: true }) ?? []).forEach((fv, fi) => {
    const p = `$.roster.fields[${fi}]`;
    const f = r.object(fv, p);
    if (!f) return;
    const code = readCode(r, f, p, '台账字段');
    if (code && seen.has(code)) r.error(`${p}.code`, 'duplicate-field', `台账字段代码「${code}」重复，请改为唯一的代码`, code);
    if (code && indicatorCodes.has(code)) r.error(`${p}.code`, 'field-shadows-indicator', `台账字段代码「${code}」与指标代码重复，公式中将无法区分，请换一个`, code);
    if (code) seen.add(code);
    const name = r.string(f, 'name', p);
    const type = r.oneOf(f, 'type', p, FIELD_TYPES, '字段类型');
    const unit = r.oneOf(f, 'unit', p, UNITS, '单位', { required: false });
    const decimals = r.number(f, 'decimals', p, { required: false, integer: true, min: 0, max: MAX_DECIMALS });
    const required = r.boolean(f, 'required', p);
    const synonyms = r.stringList(f, 'synonyms', p) ?? [];
    const options = r.stringList(f, 'options', p, { required: false });
    if (unit !== undefined && type !== 'number') r.error(`${p}.unit`, 'unit-on-non-number', '只有数值字段可以有单位');
    if (code === undefined || name === undefined || type === undefined) return;
    const field: RosterField = { code, name, type, synonyms };
    if (unit !== undefined) field.unit = unit;
    if (decimals !== undefined) field.decimals = decimals;
    if (required !== undefined) field.required = required;
    if (options !== undefined) field.options = options;
    fields.push(field);
  });
  // The ledger importer maps a column by its header text, so one header may mean only one field.
  const owner = new Map<string, string>();
  fields.forEach((f, fi) =>
    f.synonyms.forEach((syn, si) => {
      const key = syn.replace(/\s+/g, '');
      const earlier = owner.get(key);
      if (earlier !== undefined && earlier !== f.code) r.error(`$.roster.fields[${fi}].synonyms[${si}]`, 'duplicate-synonym', `表头“${syn}”同时是字段「${earlier}」和「${f.code}」的同义词，导入台账时无法区分，请只保留一处`, syn);
      else owner.set(key, f.code);
    }),
  );
  const keyFields = r.stringList(o, 'keyFields', '$.roster', { nonEmpty: true }) ?? [];
  keyFields.forEach((k, i) => {
    if (!fields.some((f) => f.code === k)) r.error(`$.roster.keyFields[${i}]`, 'unknown-field', `识别字段「${k}」不是台账中定义的字段`, k);
  });
  return { fields, keyFields };
}

function readRule(r: JsonReader, v: unknown, path: string, byCode: Map<string, Indicator>, roster: RosterDefinition, formulas: FormulaCheck[]): Rule | undefined {
  const o = r.object(v, path);
  if (!o) return undefined;
  const kind = r.oneOf(o, 'kind', path, RULE_KINDS, '规则类型');
  const id = r.string(o, 'id', path);
  const severity = r.oneOf(o, 'severity', path, ['error', 'warning'] as const, '严重程度');
  if (!kind || id === undefined || !severity) return undefined;
  const indicatorRef = (key: string, opts: { numeric?: boolean; compare?: boolean } = {}): string | undefined => {
    const code = r.string(o, key, path);
    if (code === undefined) return undefined;
    const ind = byCode.get(code);
    if (!ind) {
      r.error(`${path}.${key}`, 'unknown-indicator', `规则「${id}」引用的指标「${code}」在指标集中不存在，请改正代码`, code);
      return undefined;
    }
    if (opts.numeric && ind.kind === 'text') r.error(`${path}.${key}`, 'text-in-rule', `规则「${id}」只能用于数值指标，「${code}」是文字指标`, code);
    if (opts.compare && !ind.compareLastYear) r.error(`${path}.${key}`, 'no-last-year', `规则「${id}」需要上年同期数，但指标「${code}」没有 compareLastYear: true`, code);
    return code;
  };
  const needSeverity = (wanted: 'error' | 'warning'): boolean => {
    if (severity === wanted) return true;
    r.error(`${path}.severity`, 'bad-severity', `「${kind}」规则的严重程度只能是 ${wanted}`, severity);
    return false;
  };
  const message = r.string(o, 'message', path, { required: kind === 'expression' || kind === 'roster-row' });
  switch (kind) {
    case 'part-of': {
      const part = indicatorRef('part', { numeric: true });
      const whole = indicatorRef('whole', { numeric: true });
      if (!needSeverity('error') || !part || !whole) return undefined;
      return message === undefined ? { kind, id, severity: 'error', part, whole } : { kind, id, severity: 'error', part, whole, message };
    }
    case 'growth-range': {
      const indicator = indicatorRef('indicator', { compare: true });
      const min = r.number(o, 'min', path);
      const max = r.number(o, 'max', path);
      if (min !== undefined && max !== undefined && min >= max) r.error(`${path}.min`, 'bad-range', `增速范围的下限 ${min} 应小于上限 ${max}`);
      if (!needSeverity('warning') || !indicator || min === undefined || max === undefined || min >= max) return undefined;
      return { kind, id, severity: 'warning', indicator, min, max };
    }
    case 'last-year-jump': {
      const indicator = indicatorRef('indicator', { compare: true });
      const tolerancePercent = r.number(o, 'tolerancePercent', path, { min: 0 });
      if (!needSeverity('warning') || !indicator || tolerancePercent === undefined) return undefined;
      return { kind, id, severity: 'warning', indicator, tolerancePercent };
    }
    case 'consistency': {
      const indicator = indicatorRef('indicator', { numeric: true });
      const formula = r.string(o, 'formula', path);
      const check: FormulaCheck | undefined = formula === undefined ? undefined : { path: `${path}.formula`, src: formula, scope: 'indicators' };
      if (check) formulas.push(check);
      if (indicator && byCode.get(indicator)?.source !== 'entered') r.error(`${path}.indicator`, 'consistency-on-derived', `一致性规则只能核对录入的指标，「${indicator}」是派生指标`, indicator);
      if (!needSeverity('warning') || !indicator || formula === undefined) return undefined;
      const rule: Rule = { kind, id, severity: 'warning', indicator, formula };
      if (check) check.assign = (expanded) => (rule.formula = expanded);
      return rule;
    }
    case 'expression': {
      const condition = r.string(o, 'condition', path);
      const check: FormulaCheck | undefined = condition === undefined ? undefined : { path: `${path}.condition`, src: condition, scope: 'indicators' };
      if (check) formulas.push(check);
      const indicators = r.stringList(o, 'indicators', path, { nonEmpty: true }) ?? [];
      indicators.forEach((c, i) => {
        if (!byCode.has(c)) r.error(`${path}.indicators[${i}]`, 'unknown-indicator', `规则「${id}」引用的指标「${c}」在指标集中不存在，请改正代码`, c);
      });
      if (condition === undefined || message === undefined) return undefined;
      const rule: Rule = { kind, id, severity, condition, indicators, message };
      if (check) check.assign = (expanded) => (rule.condition = expanded);
      return rule;
    }
    case 'roster-row': {
      const condition = r.string(o, 'condition', path);
      const check: FormulaCheck | undefined = condition === undefined ? undefined : { path: `${path}.condition`, src: condition, scope: 'roster-row' };
      if (check) formulas.push(check);
      const fields = r.stringList(o, 'fields', path, { nonEmpty: true }) ?? [];
      fields.forEach((c, i) => {
        if (!roster.fields.some((f) => f.code === c)) r.error(`${path}.fields[${i}]`, 'unknown-field', `规则「${id}」引用的台账字段「${c}」不存在，请改正代码`, c);
      });
      if (condition === undefined || message === undefined) return undefined;
      const rule: Rule = { kind, id, severity, condition, fields, message };
      if (check) check.assign = (expanded) => (rule.condition = expanded);
      return rule;
    }
  }
}

function checkFormulas(r: JsonReader, formulas: FormulaCheck[], byCode: Map<string, Indicator>, roster: RosterDefinition, classes: ProjectClass[] = []): Map<string, Expr> {
  const parsed = new Map<string, Expr>();
  const fieldCodes = new Set(roster.fields.map((f) => f.code));
  const periodVars = new Set<string>(PERIOD_VARIABLES);
  const classAsts = classAstMap(classes);
  for (const f of formulas) {
    const result = parseExpression(f.src);
    if (!result.ok) {
      r.error(f.path, 'bad-formula', `公式「${f.src}」无法解析：${result.message}`, f.src);
      continue;
    }
    const ast = classAsts.size > 0 ? expandClasses(result.ast, classAsts, f.scope === 'roster-row') : result.ast;
    if (ast !== result.ast) f.assign?.(printExpression(ast));
    parsed.set(f.path, ast);
    const refs = referencesOf(ast);
    const unknown = (name: string, where: string): void => r.error(f.path, 'unknown-reference', `公式「${f.src}」中的「${name}」不是${where}`, name);
    for (const name of refs.outside) {
      const known = f.scope === 'roster-row' ? fieldCodes.has(name) : byCode.has(name) || periodVars.has(name);
      if (!known) unknown(name, f.scope === 'roster-row' ? '台账字段' : '已定义的指标代码或报告期变量（year、endMonth）');
      else if (f.scope === 'indicators' && byCode.get(name)?.kind === 'text') r.error(f.path, 'text-in-formula', `公式「${f.src}」引用了文字指标「${name}」`, name);
    }
    for (const name of refs.inside) {
      if (!fieldCodes.has(name) && !byCode.has(name) && !periodVars.has(name)) unknown(name, '台账字段、指标代码或报告期变量');
    }
    for (const name of refs.lastYear) {
      if (!byCode.get(name)?.compareLastYear) unknown(name, '有上年同期数（compareLastYear）的指标');
    }
    if (refs.badLastYear) r.error(f.path, 'bad-formula', `公式「${f.src}」中 lastYear(...) 的参数必须是指标代码`, f.src);
    if (refs.nestedAggregate) r.error(f.path, 'bad-formula', `公式「${f.src}」中 count/sum 不能嵌套`, f.src);
    if (f.scope === 'roster-row' && (refs.inside.size > 0 || refs.lastYear.size > 0)) r.error(f.path, 'bad-formula', `台账逐行规则「${f.src}」中不能使用 count/sum/lastYear`, f.src);
  }
  return parsed;
}

/** Derived indicators may build on each other, but not in a circle. */
function checkCycles(r: JsonReader, byCode: Map<string, Indicator>, parsed: Map<string, Expr>, paths: Map<string, string>): void {
  const deps = new Map<string, string[]>();
  for (const ind of byCode.values()) {
    if (ind.source !== 'derived') continue;
    const path = `${paths.get(ind.code) ?? ''}.formula`;
    const ast = parsed.get(path);
    if (!ast) continue;
    const refs = referencesOf(ast);
    deps.set(ind.code, [...refs.outside, ...refs.inside].filter((n) => byCode.get(n)?.source === 'derived'));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (code: string, trail: string[]): void => {
    if (state.get(code) === 'done') return;
    if (state.get(code) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(code)), code];
      r.error(`${paths.get(code) ?? '$'}.formula`, 'formula-cycle', `派生指标的公式循环引用：${cycle.join(' → ')}，请改正公式`);
      return;
    }
    state.set(code, 'visiting');
    for (const d of deps.get(code) ?? []) visit(d, [...trail, code]);
    state.set(code, 'done');
  };
  for (const code of deps.keys()) visit(code, []);
}

function classAstMap(classes: ProjectClass[]): Map<string, Expr> {
  const map = new Map<string, Expr>();
  for (const c of classes) {
    const p = parseExpression(c.condition);
    if (p.ok) map.set(c.code, p.ast);
  }
  return map;
}

/** Replaces project-class codes by their conditions: inside aggregates, or everywhere in a roster-row condition. */
export function expandClasses(e: Expr, classes: ReadonlyMap<string, Expr>, rowScope: boolean): Expr {
  const walk = (x: Expr, inRow: boolean): Expr => {
    switch (x.type) {
      case 'identifier':
        return inRow ? (classes.get(x.name) ?? x) : x;
      case 'unary': {
        const operand = walk(x.operand, inRow);
        return operand === x.operand ? x : { ...x, operand };
      }
      case 'binary': {
        const left = walk(x.left, inRow);
        const right = walk(x.right, inRow);
        return left === x.left && right === x.right ? x : { ...x, left, right };
      }
      case 'call': {
        const row = inRow || x.name === 'count' || x.name === 'sum';
        const args = x.args.map((a) => walk(a, row));
        return args.every((a, i) => a === x.args[i]) ? x : { ...x, args };
      }
      default:
        return x;
    }
  };
  return walk(e, rowScope);
}

/**
 * `projectClasses`: named classes of projects (本年铺排项目, 亿元以上), each a condition over a roster
 * row or a size band; a class may use the classes before it. Formulas use them by code in count/sum.
 */
function readProjectClasses(r: JsonReader, root: Record<string, unknown>, roster: RosterDefinition, indicatorCodes: Map<string, string>): ProjectClass[] {
  const out: ProjectClass[] = [];
  const fieldCodes = new Set(roster.fields.map((f) => f.code));
  const periodVars = new Set<string>(PERIOD_VARIABLES);
  (r.array(root, 'projectClasses', '$', { required: false }) ?? []).forEach((cv, i) => {
    const p = `$.projectClasses[${i}]`;
    const o = r.object(cv, p);
    if (!o) return;
    const code = readCode(r, o, p, '项目口径');
    const name = r.string(o, 'name', p);
    if (code && (fieldCodes.has(code) || indicatorCodes.has(code) || out.some((c) => c.code === code))) r.error(`${p}.code`, 'duplicate-class', `项目口径代码「${code}」与台账字段、指标或其他口径重复，请换一个`, code);
    const written = r.string(o, 'condition', p, { required: false });
    const bandObj = o['band'] === undefined ? undefined : r.object(o['band'], `${p}.band`);
    // A band's condition is written from the band (a condition stored beside it, as a parsed set is saved, is replaced).
    if (written === undefined && bandObj === undefined) {
      r.error(p, 'class-needs-one', `项目口径「${code ?? '?'}」应写 condition（条件）或 band（规模区间）`);
      return;
    }
    let condition = written;
    let band: ProjectClass['band'];
    if (bandObj) {
      const bp = `${p}.band`;
      const field = r.string(bandObj, 'field', bp);
      const atLeast = r.number(bandObj, 'atLeast', bp, { required: false });
      const below = r.number(bandObj, 'below', bp, { required: false });
      const f = roster.fields.find((x) => x.code === field);
      if (field !== undefined && f?.type !== 'number') r.error(`${bp}.field`, 'band-field', `规模区间的字段「${field}」应为台账中的数值字段（如 totalInvestment）`, field);
      if (atLeast === undefined && below === undefined) r.error(bp, 'band-empty', '规模区间至少要写 atLeast（以上，含本数）或 below（以下，不含本数）之一');
      if (atLeast !== undefined && below !== undefined && atLeast >= below) r.error(bp, 'bad-range', `规模区间下限 ${atLeast} 应小于上限 ${below}`);
      if (field === undefined || (atLeast === undefined && below === undefined)) return;
      // 以上 includes its bound (1亿元以上 counts a project of exactly 1亿元); the upper bound is exclusive.
      condition = [atLeast !== undefined ? `${field} >= ${atLeast}` : '', below !== undefined ? `${field} < ${below}` : ''].filter(Boolean).join(' && ');
      band = { field, ...(atLeast !== undefined ? { atLeast } : {}), ...(below !== undefined ? { below } : {}) };
    }
    if (condition === undefined || code === undefined || name === undefined) return;
    const parsedCondition = parseExpression(condition);
    if (!parsedCondition.ok) {
      r.error(`${p}.condition`, 'bad-formula', `项目口径「${name}」的条件「${condition}」无法解析：${parsedCondition.message}`, condition);
      return;
    }
    const expanded = expandClasses(parsedCondition.ast, classAstMap(out), true);
    const refs = referencesOf(expanded);
    for (const n of [...refs.outside, ...refs.inside]) {
      if (!fieldCodes.has(n) && !periodVars.has(n)) r.error(`${p}.condition`, 'unknown-reference', `项目口径「${name}」的条件中「${n}」不是台账字段、前面定义的口径或报告期变量`, n);
    }
    if (refs.inside.size > 0 || refs.lastYear.size > 0) r.error(`${p}.condition`, 'bad-formula', `项目口径「${name}」是逐个项目的条件，不能使用 count/sum/lastYear`, condition);
    const cls: ProjectClass = { code, name, condition: printExpression(expanded) };
    if (band) cls.band = band;
    out.push(cls);
  });
  return out;
}

function readNewZone(r: JsonReader, root: Record<string, unknown>): NewZoneRule | undefined {
  if (root['newZone'] === undefined) return undefined;
  const o = r.object(root['newZone'], '$.newZone');
  if (!o) return undefined;
  const reason = r.string(o, 'reason', '$.newZone');
  return reason === undefined ? undefined : { reason };
}
