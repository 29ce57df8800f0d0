/**
 * The drafted text reproduces, character for character, the figure sentences of the seed articles
 * (000: 晋城 2024 Q1; 004: 临汾 and 运城) that our indicators cover. The articles are compared with
 * their line breaks and the spaces the newspaper's typesetting put around numbers removed; each
 * expected sentence is first checked to occur verbatim in the article.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kfqSet } from '../seeds';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns, linfenJulyReturns, yunchengReturns } from './article-fixtures';
import { bulletinInputFromReturns, type ReferenceFigures } from './bulletin-input';
import { builtinBulletinStyle, type BuiltinStyleId } from './builtin-styles';
import { bulletinText } from './bulletin-text';
import { draftBulletin } from './draft-bulletin';
import type { ZoneReturn } from '../model';

const set = kfqSet();
// The articles are the project's shared material, laid beside the checkout (../shared), not copied into it.
const ARTICLES = process.env['ZR_SEED_ARTICLES'] ?? new URL('../../../shared/seed-articles/', import.meta.url).pathname;
const article = (name: string) => {
  const file = `${ARTICLES.replace(/\/?$/, '/')}${name}`;
  if (!existsSync(file)) throw new Error(`找不到样例文章 ${file}：请把 shared/ 放在仓库旁边，或以 ZR_SEED_ARTICLES 指明其 seed-articles 目录。`);
  return readFileSync(file, 'utf8').replace(/\s+/g, '');
};

function draftText(styleId: BuiltinStyleId, returns: ZoneReturn[], reference: ReferenceFigures = {}): string {
  const style = builtinBulletinStyle(styleId, set);
  const input = bulletinInputFromReturns(set, returns, { reference, ...(style.cityZoneTypes ? { cityZoneTypes: style.cityZoneTypes } : {}) });
  if (!input.ok) throw new Error(input.issues.map((i) => i.message).join());
  return bulletinText(draftBulletin(input.value, style)).replace(/\s+/g, '');
}

/** verbatim: the whole sentence is generated; clause: only the figure clause (the rest is the bureau's narrative); not-covered: why not. */
type Expect = { sentence: string; expect: 'verbatim' } | { sentence: string; expect: 'clause'; clause: string; why: string } | { sentence: string; expect: 'not-covered'; why: string };

const ARTICLE_000: Expect[] = [
  { expect: 'verbatim', sentence: '2024年第一季度，晋城市开发区主要经济指标取得“开门红”，4个工业类开发区累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点；' },
  { expect: 'verbatim', sentence: '累计完成工业投资16.92亿元，同比增长55.99%，高于省定目标（16%）39.99个百分点，高于全省开发区平均增速（10.9%）45.09个百分点；' },
  { expect: 'verbatim', sentence: '转型项目当年完成投资15.7亿元，占工业投资比重为92.81%。' },
  { expect: 'verbatim', sentence: '陵川生态文化旅游示范区完成固定资产投资12852万元，完成产业项目投资8855万元。' },
  { expect: 'verbatim', sentence: '一季度，晋城市开发区规上工业增加值增速排在全省各地市的首位，完成量排在全省第3位；' },
  { expect: 'verbatim', sentence: '4个开发区全部实现正增长，3个开发区超过省定目标，其中，晋城开发区规上工业增加值总量保持全省第1，沁水开发区排在第7位；' },
  { expect: 'verbatim', sentence: '高平开发区增速排在全省第一位，对全省开发区增长拉动幅度全省第1。' },
  { expect: 'verbatim', sentence: '另外，4个开发区工业投资也全部实现正增长，增速均超过10%。' },
  {
    expect: 'clause',
    sentence: '一季度，晋城市开发区“三个一批”项目签约项目开工率（91.69%）、开工项目投产率（38.81%）、投产项目达效率（100%）分别排在全省第2、第3和第1位，项目进展综合评价得分持续保持在全省第一方阵。',
    clause: '一季度，晋城市开发区“三个一批”项目签约项目开工率（91.69%）、开工项目投产率（38.81%）、投产项目达效率（100%）分别排在全省第2、第3和第1位',
    why: '综合评价得分的位置不是本指标集的数值',
  },
  { expect: 'clause', sentence: '一季度，全市开发区分赴深圳、北京、武汉等地对接企业99批次、洽谈项目49个，招商引资工作成效明显。', clause: '对接企业99批次、洽谈项目49个', why: '去了哪些城市和成效评价是叙述' },
  { expect: 'verbatim', sentence: '一季度开工建设67万平方米标准厂房；' },
  { expect: 'verbatim', sentence: '今年以来完成领办代办项目48个，实行承诺制项目38个。' },
  { expect: 'not-covered', sentence: '91个“签约一批”已开工84个，总投资320.03亿元；87个“开工一批”项目已投产54个，已完成投资84.83亿元；投产项目77个，总投资157.34亿元，产业类项目100%投产达效', why: '2023年以来五次活动的累计：指标集只按本年度的批次计算' },
  { expect: 'not-covered', sentence: '一季度引入总投资50亿元的康佳智慧科技城项目和总投资30亿元的江苏国强智能光伏装备制造项目等5个光机电项目', why: '逐个项目的介绍，不是汇总数值' },
  { expect: 'not-covered', sentence: '高平开发区向14家科技型企业及招商引资重点企业兑现奖补资金1120万。', why: '受奖企业家数不在指标集中' },
  { expect: 'not-covered', sentence: '11个地市商务局和11家试点开发区参加会议', why: '会议情况，不是报表数值' },
];

const ARTICLE_004_LINFEN: Expect[] = [
  { expect: 'verbatim', sentence: '今年以来，全市开发区“三个一批”活动共签约项目52个，签约额221.23亿元，其中，战新项目43个，签约额211.69亿元，占比分别为82.7%和95.7%；重点产业链项目31个，签约额159.46亿元，占比分别为59.6%和72%。' },
  { expect: 'verbatim', sentence: '截至7月底，全市开发区今年前两次“三个一批”项目签约开工率50.4%、开工投产率32.5%、投产达效率达100%。' },
  { expect: 'not-covered', sentence: '侯马开发区总投资20亿元的智能光伏组件制造、临汾开发区总投资16.5亿元的明阳集团智能电气产品装配产业基地等一批重点产业链项目的签约落地', why: '逐个项目的介绍' },
  { expect: 'not-covered', sentence: '推动全市项目数量动态保持在1100个以上，总投资动态保持在5500亿元以上。', why: '下一步的目标，不是报表数值' },
];

const ARTICLE_004_YUNCHENG_H1: Expect[] = [
  { expect: 'clause', sentence: '今年三次“三个一批”签约项目117个，总投资312.9亿元，', clause: '今年三次“三个一批”签约项目117个，总投资312.9亿元', why: '所涉领域和重点项目是叙述' },
  { expect: 'clause', sentence: '今年前两次“三个一批”签约项目开工率81.82%、开工项目投产率47.42%、投产项目达效率100%。', clause: '“三个一批”签约项目开工率81.82%、开工项目投产率47.42%、投产项目达效率100%。', why: '“三率”按本年度全部批次计算，不能只取前两次' },
  { expect: 'verbatim', sentence: '全市开发区今年新增规上工业企业25家，上半年规上工业增加值占全市比重达到70%。' },
  { expect: 'verbatim', sentence: '截至6月底，全市开发区第一主导产业企业329家，其中规上企业142家，上半年完成产值631.7亿元、占全市开发区工业总产值1174亿元的53.8%，规上工业增加值完成128.9亿元、占全市开发区的64%；第二主导产业企业125家，其中规上企业68家，上半年完成产值331.5亿元、占全市开发区工业总产值的28.2%，完成增加值38.4亿元、占全市开发区的19%。' },
  { expect: 'not-covered', sentence: '今年以来，运城市12家省级开发区', why: '用一份报表代表全市，开发区个数不可复现' },
];

const ARTICLE_004_YUNCHENG_JULY: Expect[] = [{ expect: 'verbatim', sentence: '1-7月，全市开发区以“标准地”形式出让工业用地21宗、1074.9亩，实行承诺制项目139个，为223个项目领办代办482件事项。' }];

function report(name: string, source: string, drafted: string, list: Expect[]): Array<{ sentence: string; expect: string; reproduced: boolean }> {
  return list.map((e) => {
    expect(source, `${name} 中应原样出现：${e.sentence}`).toContain(e.sentence);
    const wanted = e.expect === 'clause' ? e.clause : e.sentence;
    if (e.expect === 'clause') expect(e.sentence).toContain(e.clause);
    return { sentence: e.sentence, expect: e.expect, reproduced: drafted.includes(wanted) };
  });
}

function check(rows: ReturnType<typeof report>): void {
  // The list is printed so that a reader of the test log sees each sentence and its outcome.
  console.log(rows.map((r) => `${r.reproduced ? '✓ 复现' : '✗ 未复现'}（${r.expect}）${r.sentence}`).join('\n'));
  for (const r of rows) expect(r.reproduced, r.sentence).toBe(r.expect !== 'not-covered');
}

describe('article 000: 晋城市 2024年第一季度', () => {
  it('reproduces each figure sentence the indicators cover', () => {
    const drafted = draftText('jincheng', jinchengQ1Returns(), JINCHENG_Q1_REFERENCE);
    check(report('000', article('000_f0bb1e33c2f13d50.txt'), drafted, ARTICLE_000));
  });
});

describe('article 004: 临汾市 and 运城市', () => {
  const source = article('004_74bb4fe9bcfc2550.txt');
  it('临汾 1–7月', () => {
    check(report('004', source, draftText('linfen', linfenJulyReturns()), ARTICLE_004_LINFEN));
  });
  it('运城 上半年 and 1–7月', () => {
    const y = yunchengReturns(set);
    check(report('004', source, draftText('yuncheng', y.h1), ARTICLE_004_YUNCHENG_H1));
    check(report('004', source, draftText('yuncheng', y.july), ARTICLE_004_YUNCHENG_JULY));
  });
});
