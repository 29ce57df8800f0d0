import { describe, expect, it } from 'vitest';
import setJson from '../../seeds/indicator-sets/kfq-quarterly-2024.json';
import zonesJson from '../../seeds/zones.json';
import { INDICATOR_SET_FORMAT } from '../model';
import { allIndicators, builtinIndicatorSets, builtinZoneRegistry, compareVersions, findIndicatorSet, indicatorsFor, zoneTypeOf } from './builtin';
import { EXAMPLE_NAMES, exampleReturn } from './examples';
import { parseIndicatorSet } from './parse-indicator-set';
import { parseZoneRegistry } from './parse-zone-registry';

type Json = { [key: string]: Json } | Json[] | string | number | boolean | null;

function fresh(json: unknown): Json {
  const copy: unknown = JSON.parse(JSON.stringify(json));
  return isJson(copy) ? copy : null;
}

function isJson(v: unknown): v is Json {
  return v === null || ['string', 'number', 'boolean', 'object'].includes(typeof v);
}

/** The value at a path like `sections.0.indicators.1`, for editing a copy of a seed. */
function at(root: Json, path: string): { [key: string]: Json } {
  let node: Json = root;
  for (const part of path.split('.').filter(Boolean)) {
    if (Array.isArray(node)) node = node[Number(part)] ?? null;
    else if (node && typeof node === 'object') node = node[part] ?? null;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) throw new Error(`no object at ${path}`);
  return node;
}

function list(root: Json, path: string): Json[] {
  const parts = path.split('.');
  const key = parts.pop() ?? '';
  const value = at(root, parts.join('.'))[key];
  if (!Array.isArray(value)) throw new Error(`no array at ${path}`);
  return value;
}

describe('the seed files load and pass their own schema', () => {
  it('the 2024 quarterly indicator set', () => {
    const r = parseIndicatorSet(setJson, 'kfq-quarterly-2024.json');
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(builtinIndicatorSets().map((s) => `${s.id}@${s.version}`)).toEqual(['kfq-quarterly@2024.1', 'kfq-quarterly@2023.1', 'kfq-quarterly@2025.1']);
  });

  it('the zone registry names the zones of the articles', () => {
    const r = parseZoneRegistry(zonesJson, 'zones.json');
    expect(r.issues).toEqual([]);
    const names = builtinZoneRegistry().zones.map((z) => z.name);
    for (const n of ['晋城开发区', '高平开发区', '沁水开发区', '阳城开发区', '陵川生态文化旅游示范区', '临汾开发区', '侯马开发区']) expect(names).toContain(n);
    expect(builtinZoneRegistry().zones.filter((z) => z.cityCode === '140800')).toHaveLength(12);
    expect(zoneTypeOf('lingchuan-lyq')).toBe('tourism');
  });

  it.each(EXAMPLE_NAMES)('example return %s parses', (name) => {
    expect(exampleReturn(name).format).toBe('zone-returns/return@1');
  });

  it('industrial and tourism zones report different indicators', () => {
    const set = builtinIndicatorSets()[0];
    if (!set) throw new Error('no set');
    const industrial = indicatorsFor(set, 'industrial').map((i) => i.code);
    const tourism = indicatorsFor(set, 'tourism').map((i) => i.code);
    expect(industrial).toContain('gyzjz');
    expect(industrial).not.toContain('gdzctz');
    expect(tourism).toEqual(expect.arrayContaining(['gdzctz', 'cyxmtz', 'rateSignedStarted']));
    expect(tourism).not.toContain('gyzjz');
    expect(allIndicators(set).length).toBe(new Set(allIndicators(set).map((i) => i.code)).size);
  });

  it('the roster uses the agreed field codes, each with header synonyms', () => {
    const set = findIndicatorSet('kfq-quarterly');
    expect(set?.roster.fields.map((f) => f.code)).toEqual(['name', 'batch', 'industry', 'totalInvestment', 'investmentThisYear', 'expectedOutput', 'signed', 'started', 'producing', 'reachedDesign', 'signDate', 'startDate', 'productionDate', 'startBatch', 'productionBatch', 'industrial', 'strategicEmerging', 'keyChain', 'note', 'plannedInvestmentThisYear']);
    for (const f of set?.roster.fields ?? []) expect(f.synonyms.length).toBeGreaterThan(1);
    expect(set?.roster.keyFields).toEqual(['name']);
  });

  it('the set has every rule kind', () => {
    const kinds = new Set(builtinIndicatorSets()[0]?.rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['consistency', 'expression', 'growth-range', 'last-year-jump', 'part-of', 'roster-row']);
  });

  it.each([
    ['2024.1', '2024.1', 0],
    ['2024.10', '2024.9', 1],
    ['2023.2', '2024.1', -1],
  ])('compareVersions(%s, %s) has sign %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it('finds a set by id, the latest when no version is asked', () => {
    expect(findIndicatorSet('kfq-quarterly')?.version).toBe('2025.1');
    expect(findIndicatorSet('kfq-quarterly', '2024.1')?.year).toBe(2024);
    expect(findIndicatorSet('kfq-quarterly', '1999.1')).toBeUndefined();
  });
});

describe('a malformed indicator set is refused with the JSON path and a Chinese message', () => {
  const main = 'sections.0.indicators';
  it.each<[string, (s: Json) => void, string, string]>([
    ['not an object', () => undefined, 'not-an-object', '$'],
    ['a wrong format tag', (s) => (at(s, '').format = 'something@9'), 'unknown-format', '$.format'],
    ['a missing id', (s) => delete at(s, '').id, 'missing', '$.id'],
    ['a fractional year', (s) => (at(s, '').year = 2024.5), 'not-integer', '$.year'],
    ['an unknown frequency', (s) => (list(s, 'frequencies')[0] = 'week'), 'unknown-frequency', '$.frequencies[0]'],
    ['a due day out of range', (s) => (at(s, 'due.quarter').dayOfNextMonth = 40), 'out-of-range', '$.due.quarter.dayOfNextMonth'],
    ['an unknown unit', (s) => (at(s, `${main}.0`).unit = '亿'), 'unknown-unit', '$.sections[0].indicators[0].unit'],
    ['a duplicate code', (s) => (at(s, `${main}.1`).code = 'gyzjz'), 'duplicate-code', '$.sections[0].indicators[1].code'],
    ['a code that is not an identifier', (s) => (at(s, `${main}.0`).code = '规上'), 'bad-code', '$.sections[0].indicators[0].code'],
    ['a reserved code', (s) => (at(s, `${main}.0`).code = 'sum'), 'reserved-code', '$.sections[0].indicators[0].code'],
    ['negative decimals', (s) => (at(s, `${main}.0`).decimals = -1), 'out-of-range', '$.sections[0].indicators[0].decimals'],
    ['fractional decimals', (s) => (at(s, `${main}.0`).decimals = 1.5), 'not-integer', '$.sections[0].indicators[0].decimals'],
    ['an integer indicator with decimals', (s) => (at(s, `${main}.5`).decimals = 2), 'bad-decimals', '$.sections[0].indicators[5].decimals'],
    ['an unknown kind', (s) => (at(s, `${main}.0`).kind = 'money'), 'unknown-kind', '$.sections[0].indicators[0].kind'],
    ['an unknown zone type', (s) => (list(s, `${main}.0.zoneTypes`)[0] = 'mining'), 'unknown-zoneType', '$.sections[0].indicators[0].zoneTypes[0]'],
    ['a derived indicator without a formula', (s) => delete at(s, 'sections.1.indicators.0').formula, 'derived-without-formula', '$.sections[1].indicators[0].formula'],
    ['an entered indicator with a formula', (s) => (at(s, `${main}.0`).formula = '1 + 1'), 'entered-with-formula', '$.sections[0].indicators[0].formula'],
    ['a formula that does not parse', (s) => (at(s, 'sections.1.indicators.0').formula = 'count(signed &&'), 'bad-formula', '$.sections[1].indicators[0].formula'],
    ['a formula naming an unknown code', (s) => (at(s, 'sections.2.indicators.4').formula = 'qySignedStartedInvestment / nothing * 100'), 'unknown-reference', '$.sections[2].indicators[4].formula'],
    ['a formula naming a roster field outside an aggregate', (s) => (at(s, 'sections.2.indicators.4').formula = 'totalInvestment * 2'), 'unknown-reference', '$.sections[2].indicators[4].formula'],
    ['a formula using a text indicator', (s) => (at(s, 'sections.7.indicators.5').formula = 'zd1Name / gyzcz'), 'text-in-formula', '$.sections[7].indicators[5].formula'],
    ['derived formulas in a circle', (s) => (at(s, 'sections.2.indicators.1').formula = 'rateSignedStarted + 1'), 'formula-cycle', '$.sections[2].indicators[1].formula'],
    ['a ratio-of-sums aggregate without a formula', (s) => delete at(s, `${main}.3.aggregate`).formula, 'missing', '$.sections[0].indicators[3].aggregate.formula'],
    ['an unknown aggregation', (s) => (at(s, `${main}.0.aggregate`).kind = 'average'), 'unknown-kind', '$.sections[0].indicators[0].aggregate.kind'],
    ['a text indicator that sums', (s) => (at(s, 'sections.8.indicators.0.aggregate').kind = 'sum'), 'text-aggregate', '$.sections[8].indicators[0].aggregate'],
    ['a target without last-year comparison', (s) => (at(s, `${main}.5`).targetGrowthPercent = 10), 'target-without-growth', '$.sections[0].indicators[5].targetGrowthPercent'],
    ['a duplicate section id', (s) => (at(s, 'sections.1').id = 'main'), 'duplicate-section', '$.sections[1].id'],
    ['a duplicate roster field', (s) => (at(s, 'roster.fields.1').code = 'name'), 'duplicate-field', '$.roster.fields[1].code'],
    ['a roster field with an unknown type', (s) => (at(s, 'roster.fields.1').type = 'list'), 'unknown-type', '$.roster.fields[1].type'],
    ['a roster field shadowing an indicator', (s) => (at(s, 'roster.fields.16').code = 'gyzjz'), 'field-shadows-indicator', '$.roster.fields[16].code'],
    ['a key field that does not exist', (s) => (list(s, 'roster.keyFields')[0] = 'projectName'), 'unknown-field', '$.roster.keyFields[0]'],
    ['a rule naming an unknown indicator', (s) => (at(s, 'rules.0').whole = 'gytzz'), 'unknown-indicator', '$.rules[0].whole'],
    ['a rule of an unknown kind', (s) => (at(s, 'rules.0').kind = 'ratio'), 'unknown-kind', '$.rules[0].kind'],
    ['a part-of rule that is only a warning', (s) => (at(s, 'rules.0').severity = 'warning'), 'bad-severity', '$.rules[0].severity'],
    ['a growth range upside down', (s) => (at(s, 'rules.7').min = 100), 'bad-range', '$.rules[7].min'],
    ['a growth rule on an indicator without last year', (s) => (at(s, 'rules.7').indicator = 'xzgsqy'), 'no-last-year', '$.rules[7].indicator'],
    ['a consistency rule on a derived figure', (s) => (at(s, 'rules.14').indicator = 'zxCountShare'), 'consistency-on-derived', '$.rules[14].indicator'],
    ['a consistency formula that does not parse', (s) => (at(s, 'rules.14').formula = 'zxxmtz / / gytz'), 'bad-formula', '$.rules[14].formula'],
    ['an expression rule without a message', (s) => delete at(s, 'rules.15').message, 'missing', '$.rules[15].message'],
    ['a roster-row rule naming an indicator', (s) => (at(s, 'rules.18').condition = '!started || gyzjz > 0'), 'unknown-reference', '$.rules[18].condition'],
    ['a roster-row rule naming an unknown field', (s) => (list(s, 'rules.18.fields')[0] = 'begun'), 'unknown-field', '$.rules[18].fields[0]'],
    ['a duplicate rule id', (s) => (at(s, 'rules.1').id = 'zxxmtz-le-gytz'), 'duplicate-rule', '$.rules[1].id'],
    ['a name that is a number', (s) => (at(s, `${main}.0`).name = 12), 'wrong-type', '$.sections[0].indicators[0].name'],
    ['an empty name', (s) => (at(s, `${main}.0`).name = ' '), 'empty', '$.sections[0].indicators[0].name'],
    ['an unknown source', (s) => (at(s, `${main}.0`).source = 'imported'), 'unknown-source', '$.sections[0].indicators[0].source'],
    ['a number in a text section', (s) => (at(s, 'sections.8.indicators.0').kind = 'number'), 'text-section-number', '$.sections[8].indicators[0].kind'],
    ['a text indicator with a money unit', (s) => (at(s, 'sections.8.indicators.0').unit = '万元'), 'text-unit', '$.sections[8].indicators[0].unit'],
    ['a number with the unit 文本', (s) => (at(s, `${main}.0`).unit = '文本'), 'text-unit', '$.sections[0].indicators[0].unit'],
    ['last-year comparison on a derived figure', (s) => (at(s, 'sections.1.indicators.0').compareLastYear = true), 'bad-compare', '$.sections[1].indicators[0].compareLastYear'],
    ['a unit on a boolean roster field', (s) => (at(s, 'roster.fields.6').unit = '个'), 'unit-on-non-number', '$.roster.fields[6].unit'],
    ['a part-of rule on a text indicator', (s) => (at(s, 'rules.0').part = 'zd1Name'), 'text-in-rule', '$.rules[0].part'],
    ['nested aggregates', (s) => (at(s, 'sections.1.indicators.0').formula = 'count(count(signed) > 1)'), 'bad-formula', '$.sections[1].indicators[0].formula'],
    ['lastYear of an indicator without last year', (s) => (at(s, 'sections.1.indicators.0').formula = 'lastYear(xzgsqy)'), 'unknown-reference', '$.sections[1].indicators[0].formula'],
    ['lastYear of an expression', (s) => (at(s, 'sections.1.indicators.0').formula = 'lastYear(gyzjz + 1)'), 'bad-formula', '$.sections[1].indicators[0].formula'],
    ['an aggregate in a roster-row rule', (s) => (at(s, 'rules.18').condition = 'count(started) > 0'), 'bad-formula', '$.rules[18].condition'],
    ['a header synonym shared by two fields', (s) => list(s, 'roster.fields.4.synonyms').push('计划总投资'), 'duplicate-synonym', '$.roster.fields[4].synonyms[7]'],
    ['a rules list that is not a list', (s) => (at(s, '').rules = {}), 'wrong-type', '$.rules'],
  ])('%s', (_what, edit, code, path) => {
    const json = _what === 'not an object' ? [] : fresh(setJson);
    edit(json);
    const r = parseIndicatorSet(json, 'bad-set.json');
    expect(r.ok).toBe(false);
    const issue = r.issues.find((i) => i.code === code && i.location?.path === path);
    expect(issue, JSON.stringify(r.issues, null, 1)).toBeDefined();
    expect(issue?.message).toMatch(/^指标集文件 bad-set\.json 的 \$/);
    expect(issue?.location?.file).toBe('bad-set.json');
  });

  it('reports every problem, not just the first', () => {
    const json = fresh(setJson);
    at(json, 'sections.4.indicators.0').unit = '趟';
    at(json, 'rules.0').whole = 'nothing';
    const r = parseIndicatorSet(json);
    expect(r.issues.map((i) => i.code).sort()).toEqual(['unknown-indicator', 'unknown-unit']);
  });

  it('keeps the format tag it knows', () => {
    const r = parseIndicatorSet(setJson);
    expect(r.ok && r.value.format).toBe(INDICATOR_SET_FORMAT);
  });
});

describe('a malformed zone registry', () => {
  it.each<[string, (s: Json) => void, string, string]>([
    ['a wrong format', (s) => (at(s, '').format = 'x'), 'unknown-format', '$.format'],
    ['a duplicate zone id', (s) => (at(s, 'zones.1').id = 'jincheng-kfq'), 'duplicate-zone', '$.zones[1].id'],
    ['a zone in an unknown city', (s) => (at(s, 'zones.0').cityCode = '999999'), 'unknown-city', '$.zones[0].cityCode'],
    ['an unknown zone type', (s) => (at(s, 'zones.0').type = 'mining'), 'unknown-type', '$.zones[0].type'],
    ['an unknown level', (s) => (at(s, 'zones.0').level = '市级'), 'unknown-level', '$.zones[0].level'],
    ['a bad city code', (s) => (at(s, 'cities.0').code = '1405'), 'bad-city-code', '$.cities[0].code'],
    ['a zone id with capitals', (s) => (at(s, 'zones.0').id = 'Jincheng'), 'bad-zone-id', '$.zones[0].id'],
  ])('%s', (_what, edit, code, path) => {
    const json = fresh(zonesJson);
    edit(json);
    const r = parseZoneRegistry(json, 'zones.json');
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(expect.objectContaining({ code, location: { path, file: 'zones.json' } }));
  });
});
