import { describe, expect, it } from 'vitest';
import type { IndicatorSet, ZoneReturn } from '../model';
import { kfqSet } from '../seeds';
import { emptyReturn } from '../return';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns } from './article-fixtures';
import { bulletinInputForZone, bulletinInputFromReturns, type BulletinInput, type ReferenceFigures } from './bulletin-input';
import { exampleReturn } from '../seeds';
import { builtinBulletinStyle, builtinBulletinStyles, BUILTIN_STYLE_FILES } from './builtin-styles';
import type { BulletinDraft, FigureSource, Segment } from './bulletin-draft';
import { bulletinText } from './bulletin-text';
import { draftBulletin } from './draft-bulletin';
import { chineseCount, chineseNumeral, formatNumber } from './format-number';
import { parseBulletinStyle } from './parse-bulletin-style';
import { parseReferenceFigures } from './parse-reference';

const set = kfqSet();
const jincheng = () => builtinBulletinStyle('jincheng', set);

function input(returns: ZoneReturn[], reference: ReferenceFigures = JINCHENG_Q1_REFERENCE, cityZoneTypes: BulletinInput['zones'][number]['type'][] = ['industrial']): BulletinInput {
  const r = bulletinInputFromReturns(set, returns, { reference, cityZoneTypes });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
  return r.value;
}

const styleJson = (): Record<string, unknown> => JSON.parse(JSON.stringify(BUILTIN_STYLE_FILES.jincheng.json));

describe('loading a style', () => {
  it('every shipped style loads against the 2024 set', () => {
    expect(builtinBulletinStyles(set).map((s) => s.id)).toEqual(['jincheng', 'yangquan', 'linfen', 'yuncheng', 'zone']);
  });

  it.each([
    ['an unknown indicator', '{city.gyzjzz}', 'gyzjzz'],
    ['an unknown measure', '{city.gyzjz.growthh}', 'growthh'],
    ['a zone figure outside a zone loop', '{zone.gyzjz}', 'forEachZone'],
    ['a target the indicator has not', '{city.zxxmtz.vsTarget}', '没有省定目标'],
    ['a text indicator', '{city.txtHighlights}', '文字指标'],
    ['an unknown format', '{city.gyzjz:x}', '格式'],
  ])('refuses %s with its JSON path', (_what, placeholder, words) => {
    const json = styleJson();
    const sections = json['sections'];
    if (!Array.isArray(sections)) throw new Error('fixture');
    sections[0].blocks[0].parts[2] = `累计完成${placeholder}亿元`;
    const r = parseBulletinStyle(json, set, 'seeds/bulletin/jincheng-2024.json');
    expect(r.ok).toBe(false);
    const issue = r.issues[0];
    expect(issue?.location?.path).toBe('$.sections[0].blocks[0].parts[2]');
    expect(issue?.message).toContain('seeds/bulletin/jincheng-2024.json');
    expect(issue?.message).toContain(words);
  });

  it('refuses an unknown figure in a condition and in a clause pattern', () => {
    const json = styleJson();
    const clauses = json['clauses'];
    if (typeof clauses !== 'object' || clauses === null) throw new Error('fixture');
    Object.assign(clauses, { growthUp: '同比增长{rat}%' });
    const sections = json['sections'];
    if (!Array.isArray(sections)) throw new Error('fixture');
    sections[0].blocks[0].parts[1].when = { has: 'city.nothing' };
    const r = parseBulletinStyle(json, set);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.location?.path)).toEqual(expect.arrayContaining(['$.clauses.growthUp', '$.sections[0].blocks[0].parts[1].when.has']));
  });
});

describe('numbers', () => {
  it.each([
    [20.345, 2, false, '20.35'],
    [15.7, 2, true, '15.7'],
    [100, 2, true, '100'],
    [12852, 2, true, '12852'],
    [16.6049, 1, false, '16.6'],
    [-0.004, 2, false, '0.00'],
  ])('%s at %s decimals (trim %s) → %s', (v, d, trim, out) => {
    expect(formatNumber(v, d, trim)).toBe(out);
  });
  it('Chinese numerals for ranks and counts', () => {
    expect([chineseNumeral(1), chineseNumeral(10), chineseNumeral(21), chineseCount(2), chineseCount(3)]).toEqual(['一', '十', '二十一', '两', '三']);
  });
  it('rounds once from full precision: a growth of 20.345 shown as 20.35 and its gap to 15% from the unrounded growth', () => {
    const ret = { ...emptyReturn(set, 'jincheng-kfq', { year: 2024, endMonth: 3, frequency: 'quarter' }), values: { gyzjz: { current: 120.3449, lastYear: 100 } } };
    const text = bulletinText(draftBulletin(input([ret]), jincheng()));
    // 20.3449 → 20.34 and 5.3449 → 5.34; rounding the growth first (20.34 − 15) would agree here, 20.345 would not be rounded twice.
    expect(text).toContain('同比增长20.34%，高于省定目标（15%）5.34个百分点');
  });
});

describe('the 阳泉 style', () => {
  it('writes one decimal and 完成…亿元，增长…%, zone by zone', () => {
    const ret: ZoneReturn = { ...emptyReturn(set, 'jincheng-kfq', { year: 2024, endMonth: 3, frequency: 'quarter' }), values: { gytz: { current: 29.3, lastYear: 29.3 / 1.166 }, gyzjz: { current: 10, lastYear: 9 } } };
    const text = bulletinText(draftBulletin(input([ret], {}), builtinBulletinStyle('yangquan', set)));
    expect(text).toContain('晋城开发区工业投资完成29.3亿元，增长16.6%，高于省定目标（16%）0.6个百分点。');
    expect(text).toContain('晋城开发区规上工业增加值完成10.0亿元，增长11.1%，低于省定目标（15%）3.9个百分点。');
  });
});

describe('gaps', () => {
  it('a figure that cannot be computed leaves a visible gap and is listed; no number is made up', () => {
    const returns = jinchengQ1Returns();
    const yc = returns.find((r) => r.zoneId === 'yangcheng-kfq');
    if (yc) yc.values['gyzjz'] = { current: 9.36 };
    const draft = draftBulletin(input(returns, {}), jincheng());
    const text = bulletinText(draft);
    expect(text).toContain('【缺：晋城市规上工业增加值增速】');
    expect(text).toContain('【缺：全省开发区平均增速（工业投资）】');
    expect(text).toContain('【缺：晋城市规上工业增加值全省排名（增速）】');
    expect(text).not.toContain('20.35');
    expect(draft.gaps.map((g) => g.figure)).toEqual(expect.arrayContaining(['city.gyzjz.growth', 'city.gytz.vsProvince', 'city.gyzjz.rank.growth']));
    expect(draft.gaps.find((g) => g.figure === 'city.gyzjz.growth')?.reason).toContain('阳城开发区');
    for (const g of draft.gaps) expect(text).toContain(g.text);
  });
});

describe('sources', () => {
  it('every generated number keeps its zone, indicator and period', () => {
    const draft = draftBulletin(input(jinchengQ1Returns()), jincheng());
    const figures = draft.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.segments : [])).filter((s): s is Extract<Segment, { kind: 'figure' }> => s.kind === 'figure');
    const find = (text: string) => figures.find((f) => f.text === text)?.source;
    expect(find('108.78')).toEqual({ place: '晋城市（4个开发区合计）', indicator: 'gyzjz', indicatorName: '规上工业增加值', period: '2024年1–3月', measure: '本期累计' });
    expect(find('20.35')?.measure).toBe('同比增速');
    expect(find('0.9')).toMatchObject({ place: '参照数据', measure: '全省开发区平均增速', fromReference: true });
    expect(find('12852')).toMatchObject({ zoneId: 'lingchuan-lyq', place: '陵川生态文化旅游示范区', indicator: 'gdzctz' });
    // Every digit in a paragraph is inside a figure segment: no number is typed into a template.
    for (const b of draft.blocks) if (b.kind === 'paragraph') for (const s of b.segments) if (s.kind === 'text') expect(s.text.replace(/“三个一批”|10%|2024年第一季度/g, '')).not.toMatch(/\d/);
  });
});

/** Sentences (cut after 。 and ；) with the sources of their figures. */
function sentences(draft: BulletinDraft): Array<{ text: string; sources: FigureSource[] }> {
  const out: Array<{ text: string; sources: FigureSource[] }> = [];
  for (const b of draft.blocks) {
    if (b.kind !== 'paragraph') continue;
    let cur = { text: '', sources: [] as FigureSource[] };
    for (const s of b.segments) {
      if (s.kind === 'figure') cur.sources.push(s.source);
      for (const piece of s.kind === 'text' ? s.text.split(/(?<=[。；])/) : [s.text]) {
        cur.text += piece;
        if (/[。；]$/.test(piece)) {
          out.push(cur);
          cur = { text: '', sources: [] };
        }
      }
    }
    if (cur.text) out.push(cur);
  }
  return out;
}

/** A figure uses a zone's input when it is that zone's, or the city's, of the indicator or of a formula over it. */
function uses(source: FigureSource, zoneId: string, code: string, s: IndicatorSet): boolean {
  if (source.zoneId !== undefined && source.zoneId !== zoneId) return false;
  if (source.fromReference || source.place === '省定目标') return false;
  if (source.indicator === code) return true;
  const ind = s.sections.flatMap((x) => x.indicators).find((i) => i.code === source.indicator);
  const formula = ind?.aggregate.kind === 'ratio-of-sums' ? ind.aggregate.formula : (ind?.formula ?? '');
  return new RegExp(`\\b${code}\\b`).test(formula);
}

describe('a changed input changes every sentence that uses it, and no other', () => {
  it.each([
    ['gaoping-kfq', 'gyzjz', { current: 8, lastYear: 16.02 }],
    ['yangcheng-kfq', 'gytz', { current: 1, lastYear: 1.319 }],
    ['lingchuan-lyq', 'gdzctz', { current: 13000, lastYear: 10930 }],
    ['qinshui-kfq', 'cnzProjects', { current: 9 }],
  ])('%s %s', (zoneId, code, value) => {
    const before = draftBulletin(input(jinchengQ1Returns()), jincheng());
    const changed = jinchengQ1Returns();
    const ret = changed.find((r) => r.zoneId === zoneId);
    if (!ret) throw new Error('fixture');
    ret.values[code] = value;
    const after = draftBulletin(input(changed), jincheng());
    const a = sentences(before);
    const b = sentences(after);
    expect(b).toHaveLength(a.length);
    const using = a.map((x) => x.sources.some((s) => uses(s, zoneId, code, set)));
    const differs = a.map((x, i) => x.text !== b[i]?.text);
    expect(using.some(Boolean)).toBe(true);
    expect(differs.map((d, i) => `${d ? '变' : '不变'}：${a[i]?.text}`)).toEqual(using.map((u, i) => `${u ? '变' : '不变'}：${a[i]?.text}`));
  });
});

describe('reference figures', () => {
  it('reads 参照.json and names the path of each problem', () => {
    const ok = parseReferenceFigures(JINCHENG_Q1_REFERENCE, set);
    expect(ok.ok && ok.value.provinceAverageGrowth?.['gytz']).toBe(10.9);
    const bad = parseReferenceFigures({ provinceAverageGrowth: { gyzjz: '0.9%', nope: 1 }, cityRanks: { gyzjz: { growth: 0 } } }, set, '参照.json');
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i) => i.location?.path)).toEqual(['$.provinceAverageGrowth.gyzjz', '$.provinceAverageGrowth.nope', '$.cityRanks.gyzjz.growth']);
    expect(bad.issues[0]?.message).toContain('参照.json');
  });
});

describe('narrative', () => {
  it('offers the zones’ 文字材料 and prints a placeholder until the bureau writes it', () => {
    const draft = draftBulletin(input(jinchengQ1Returns()), jincheng());
    const measures = draft.blocks.find((b) => b.kind === 'narrative' && b.id === 'measures');
    expect(measures?.kind === 'narrative' && measures.material.map((m) => m.zoneName)).toEqual(['晋城开发区', '高平开发区', '沁水开发区', '阳城开发区', '陵川生态文化旅游示范区']);
    expect(bulletinText(draft)).toContain('【待撰写：主要举措】');
  });
  it('headings are numbered 一、二、三 and （一）（二）', () => {
    const draft = draftBulletin(input(jinchengQ1Returns()), jincheng());
    expect(draft.blocks.flatMap((b) => (b.kind === 'heading' ? [b.number + b.text] : []))).toEqual(['一、主要经济指标完成情况', '（一）主要指标', '（二）“三个一批”项目', '二、主要举措', '三、存在问题和下一步打算']);
  });
});

describe('a zone’s own bulletin', () => {
  it.each([
    ['jincheng-kfq-2024-q1', '晋城开发区2024年第一季度主要经济指标完成情况', '2024年第一季度，晋城开发区累计完成规上工业增加值62.41亿元，同比增长19.33%，高于省定目标（15%）4.33个百分点；'],
    ['lingchuan-lyq-2024-q1', '陵川生态文化旅游示范区2024年第一季度主要经济指标完成情况', '2024年第一季度，陵川生态文化旅游示范区完成固定资产投资12852万元，同比增长17.58%；完成产业项目投资8855万元，同比增长19.34%。'],
  ] as const)('%s, from its own return', (name, title, sentence) => {
    const r = bulletinInputForZone(set, exampleReturn(name));
    if (!r.ok) throw new Error('fixture');
    const draft = draftBulletin(r.value, builtinBulletinStyle('zone', set));
    expect(draft.title).toBe(title);
    expect(bulletinText(draft)).toContain(sentence);
  });
});
