/**
 * The figures of the seed articles (../shared/seed-articles/) that our indicators cover, each with the
 * article file and the sentence it comes from, computed from values as a clerk would enter them.
 * The second table holds figures the province issue (issue 9) quotes from other bureaus' articles.
 *
 * Not covered (no indicator of ours computes them): 000 "2023 年以来五次活动…91 个签约一批已开工 84 个"
 * (a count over several years' activities), 000 the province's ranks ("排在全省第 3 位"), and
 * 004 "推动全市项目数量动态保持在1100个以上" (plans, not returns).
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorSet, Period, RosterRow, ZoneRegistry, ZoneReturn } from '../model';
import { formatComputed } from '../format';
import { emptyReturn } from '../return';
import { builtinZoneRegistry, exampleReturn, indicatorSetInForce, kfqSet } from '../seeds';
import { validateReturn } from '../validate';
import { computeGap } from './compute-growth';
import { computeReturn } from './compute-return';
import { consolidate } from './consolidate';
import { consolidateByZoneType } from './consolidate-by-zone-type';

function setOf(year: number): IndicatorSet {
  const r = indicatorSetInForce(year);
  if (!r.ok) throw new Error(r.issues[0]?.message);
  return r.value;
}
const set2023 = setOf(2023);
const set2024 = kfqSet();
const q = (year: number, endMonth: number): Period => ({ year, endMonth, frequency: 'quarter' });
const shown = (c: Parameters<typeof formatComputed>[0] | undefined, decimals: number): string => (c ? formatComputed(c, decimals) : '（无）');

function jinchengCity() {
  const r = consolidate(set2024, ['jincheng-kfq-2024-q1', 'gaoping-kfq-2024-q1', 'qinshui-kfq-2024-q1', 'yangcheng-kfq-2024-q1'].map((n) => exampleReturn(n as Parameters<typeof exampleReturn>[0])));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
  return r.value;
}
function linfenCity() {
  const r = consolidate(set2024, [exampleReturn('linfen-kfq-2024-07'), exampleReturn('houma-kfq-2024-07')]);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
  return r.value;
}

let serial = 0;
/** n amounts (to the cent) adding up to total, the first ones fixed. */
function amounts(n: number, total: number, fixed: number[] = []): number[] {
  const rest = n - fixed.length;
  const cents = Math.round((total - fixed.reduce((a, b) => a + b, 0)) * 100);
  const base = Math.floor(cents / rest);
  return [...fixed, ...Array.from({ length: rest }, (_, i) => (base + (i < cents - base * rest ? 1 : 0)) / 100)];
}
function rows(invest: number[], cells: Partial<RosterRow>): RosterRow[] {
  return invest.map((v) => ({ ...cells, id: `p${++serial}`, name: `项目${serial}`, totalInvestment: v }));
}
function withRoster(set: IndicatorSet, zoneId: string, period: Period, roster: RosterRow[], values: ZoneReturn['values'] = {}): ZoneReturn {
  return { ...emptyReturn(set, zoneId, period), roster, values };
}

interface Case {
  article: string;
  sentence: string;
  figure: () => string;
  published: string;
}

const SEED_ARTICLES: Case[] = [
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '4 个工业类开发区累计完成规上工业增加值 108.78 亿元', figure: () => shown(jinchengCity().figures['gyzjz']?.current, 2), published: '108.78' },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '同比增长 20.35%', figure: () => shown(jinchengCity().figures['gyzjz']?.growthPercent, 2), published: '20.35' },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '高于省定目标（15%）5.35 个百分点', figure: () => `${jinchengCity().figures['gyzjz']?.comparison}${shown(jinchengCity().figures['gyzjz']?.gapPoints, 2)}`, published: '高于5.35' },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '高于全省开发区平均增速（0.9%）19.45 个百分点',
    figure: () => shown(computeGap(jinchengCity().figures['gyzjz']?.growthPercent ?? { ok: false, reason: 'missing-input', detail: '' }, 0.9).gapPoints, 2),
    published: '19.45',
  },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '累计完成工业投资 16.92 亿元，同比增长 55.99%', figure: () => `${shown(jinchengCity().figures['gytz']?.current, 2)} ${shown(jinchengCity().figures['gytz']?.growthPercent, 2)}`, published: '16.92 55.99' },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '高于省定目标（16%）39.99 个百分点', figure: () => shown(jinchengCity().figures['gytz']?.gapPoints, 2), published: '39.99' },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '高于全省开发区平均增速（10.9%）45.09 个百分点',
    figure: () => shown(computeGap(jinchengCity().figures['gytz']?.growthPercent ?? { ok: false, reason: 'missing-input', detail: '' }, 10.9).gapPoints, 2),
    published: '45.09',
  },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '转型项目当年完成投资 15.7 亿元，占工业投资比重为 92.81%（published share entered; the consistency rule accepts it for 15.7 / 16.92 rounded）',
    figure: () => {
      const ret = withRoster(set2024, 'jincheng-kfq', q(2024, 3), [], { gytz: { current: 16.92, lastYear: 10.85 }, zxxmtz: { current: 15.7, lastYear: 9 }, zxxmtzzb: { current: 92.81 } });
      const issues = validateReturn(set2024, ret, computeReturn(set2024, ret));
      return issues.some((i) => i.code === 'consistency') ? '不一致' : '一致';
    },
    published: '一致',
  },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '陵川生态文化旅游示范区完成固定资产投资 12852 万元，完成产业项目投资 8855 万元',
    figure: () => {
      const f = computeReturn(set2024, exampleReturn('lingchuan-lyq-2024-q1')).figures;
      return `${shown(f['gdzctz']?.current, 0)} ${shown(f['cyxmtz']?.current, 0)}`;
    },
    published: '12852 8855',
  },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '4 个开发区全部实现正增长，3 个开发区超过省定目标',
    figure: () => {
      const zones = Object.values(jinchengCity().byZone).map((z) => z.figures['gyzjz']);
      return `${zones.filter((f) => f?.growthPercent?.ok && f.growthPercent.value > 0).length} ${zones.filter((f) => f?.comparison === '高于').length}`;
    },
    published: '4 3',
  },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '全市开发区分赴深圳、北京、武汉等地对接企业 99 批次、洽谈项目 49 个', figure: () => `${shown(jinchengCity().figures['zsTrips']?.current, 0)} ${shown(jinchengCity().figures['zsNegotiated']?.current, 0)}`, published: '99 49' },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '今年以来完成领办代办项目 48 个，实行承诺制项目 38 个', figure: () => `${shown(jinchengCity().figures['dbProjects']?.current, 0)} ${shown(jinchengCity().figures['cnzProjects']?.current, 0)}`, published: '48 38' },
  { article: '000_f0bb1e33c2f13d50.txt', sentence: '一季度开工建设 67 万平方米标准厂房', figure: () => shown(jinchengCity().figures['bzcfStarted']?.current, 0), published: '67' },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '签约项目开工率（91.69%）…投产项目达效率（100%）（roster made for the test: 签约 100亿元 of which 91.69亿元 started; 5 industrial in production, all reaching design output）',
    figure: () => {
      const roster = [
        ...rows([50, 41.69], { batch: '2024年第一次', signed: true, started: true, startBatch: '2024年第一次' }),
        ...rows([8.31], { batch: '2024年第一次', signed: true }),
        ...rows([1, 1, 1, 1, 1], { batch: '2023年第二次', signed: true, started: true, producing: true, industrial: true, reachedDesign: true, productionBatch: '2024年第一次' }),
      ];
      const f = computeReturn(set2024, withRoster(set2024, 'jincheng-kfq', q(2024, 3), roster)).figures;
      return `${shown(f['rateSignedStarted']?.current, 2)} ${shown(f['rateProducingReached']?.current, 0)}`;
    },
    published: '91.69 100',
  },
  {
    article: '000_f0bb1e33c2f13d50.txt',
    sentence: '开工项目投产率（38.81%）（roster made for the test: 26 of 67 started projects in production）',
    figure: () => {
      const roster = [...rows(amounts(26, 26), { batch: '2024年第一次', signed: true, started: true, producing: true }), ...rows(amounts(41, 41), { batch: '2024年第一次', signed: true, started: true })];
      return shown(computeReturn(set2024, withRoster(set2024, 'jincheng-kfq', q(2024, 3), roster)).figures['rateStartedProducing']?.current, 2);
    },
    published: '38.81',
  },
  {
    article: '002_c9a6c2b0d91fc6f0.txt',
    sentence: '2023年第一次…共集中签约项目21个，计划总投资83.08亿元…其中，总投资10亿元以上的项目3个…总投资5-10亿元的项目3个',
    figure: () => {
      const f = computeReturn(set2023, withRoster(set2023, 'jincheng-kfq', q(2023, 6), rows(amounts(21, 83.08, [15, 12, 10, 8, 6.5, 5]), { batch: '2023年第一次', signed: true }))).figures;
      return [f['qySignedCount'], f['qySignedInvestment'], f['bandGe10Count'], f['band5to10Count']].map((x, i) => shown(x?.current, i === 1 ? 2 : 0)).join(' ');
    },
    published: '21 83.08 3 3',
  },
  {
    article: '002_c9a6c2b0d91fc6f0.txt',
    sentence: '“开工一批”方面，共集中开工项目26个，总投资45.89亿元（projects signed in 2022 count in 2023’s 开工一批）',
    figure: () => {
      const f = computeReturn(set2023, withRoster(set2023, 'jincheng-kfq', q(2023, 6), rows(amounts(26, 45.89), { batch: '2022年第四次', startBatch: '2023年第一次', signed: true, started: true }))).figures;
      return `${shown(f['qyStartedCount']?.current, 0)} ${shown(f['qyStartedInvestment']?.current, 2)}`;
    },
    published: '26 45.89',
  },
  {
    article: '002_c9a6c2b0d91fc6f0.txt',
    sentence: '“投产一批”方面，共集中投产项目34个，总投资48.99亿元，其中24个产业类项目总投资36.06亿元',
    figure: () => {
      const cells = { batch: '2022年第一次', startBatch: '2022年第三次', productionBatch: '2023年第一次', signed: true, started: true, producing: true };
      const roster = [...rows(amounts(24, 36.06), { ...cells, industrial: true }), ...rows(amounts(10, 48.99 - 36.06), cells)];
      const f = computeReturn(set2023, withRoster(set2023, 'jincheng-kfq', q(2023, 6), roster)).figures;
      return [f['qyProducingCount'], f['qyProducingInvestment'], f['qyProducingIndustrialCount'], f['qyProducingIndustrialInvestment']].map((x, i) => shown(x?.current, i % 2 ? 2 : 0)).join(' ');
    },
    published: '34 48.99 24 36.06',
  },
  {
    article: '002_c9a6c2b0d91fc6f0.txt',
    sentence: '2023年第二次…共集中签约项目18个，计划总投资76.63亿元…总投资10亿元以上的项目1个…总投资5-10亿元项目6个',
    figure: () => {
      const f = computeReturn(set2023, withRoster(set2023, 'jincheng-kfq', q(2023, 9), rows(amounts(18, 76.63, [30, 5, 5, 6.5, 6.46, 5, 5]), { batch: '2023年第二次', signed: true }))).figures;
      return [f['qySignedCount'], f['qySignedInvestment'], f['bandGe10Count'], f['band5to10Count']].map((x, i) => shown(x?.current, i === 1 ? 2 : 0)).join(' ');
    },
    published: '18 76.63 1 6',
  },
  {
    article: '002_c9a6c2b0d91fc6f0.txt',
    sentence: '开发区工业投资和规模以上工业增加值增长16%以上（the 2023 set’s 规上工业增加值 target）',
    figure: () => String(set2023.sections.flatMap((s) => s.indicators).find((i) => i.code === 'gyzjz')?.targetGrowthPercent),
    published: '16',
  },
  { article: '004_74bb4fe9bcfc2550.txt', sentence: '全市开发区“三个一批”活动共签约项目 52 个，签约额 221.23 亿元', figure: () => `${shown(linfenCity().figures['qySignedCount']?.current, 0)} ${shown(linfenCity().figures['qySignedInvestment']?.current, 2)}`, published: '52 221.23' },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '其中，战新项目 43 个，签约额 211.69 亿元，占比分别为 82.7%和 95.7%',
    figure: () => ['zxSignedCount', 'zxSignedInvestment', 'zxCountShare', 'zxInvestmentShare'].map((c, i) => shown(linfenCity().figures[c]?.current, [0, 2, 1, 1][i] ?? 0)).join(' '),
    published: '43 211.69 82.7 95.7',
  },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '重点产业 链项目 31 个 ，签约额 159.46 亿元，占比分别为 59.6%和 72%',
    figure: () => ['clSignedCount', 'clSignedInvestment', 'clCountShare', 'clInvestmentShare'].map((c, i) => shown(linfenCity().figures[c]?.current, [0, 2, 1, 0][i] ?? 0)).join(' '),
    published: '31 159.46 59.6 72',
  },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '第一主导产业…上半年完成产值 631.7 亿元、占全市开发区工业总产值 1174 亿元的 53.8%…第二主导产业…完成产值 331.5 亿元、占…28.2%',
    figure: () => {
      const f = computeReturn(set2024, withRoster(set2024, 'yuncheng-kfq', q(2024, 6), [], { gyzcz: { current: 1174 }, zd1Output: { current: 631.7 }, zd2Output: { current: 331.5 } })).figures;
      return `${shown(f['zd1OutputShare']?.current, 1)} ${shown(f['zd2OutputShare']?.current, 1)}`;
    },
    published: '53.8 28.2',
  },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '规上工业增加值完成 128.9 亿元、占全市开发区的 64%…完成增加值 38.4 亿元、占全市开发区的 19%（the zones’ 规上工业增加值 is not published: any value from 199.9 to 203 gives both shares; 201.4 is used）',
    figure: () => {
      const f = computeReturn(set2024, withRoster(set2024, 'yuncheng-kfq', q(2024, 6), [], { gyzjz: { current: 201.4 }, zd1ValueAdded: { current: 128.9 }, zd2ValueAdded: { current: 38.4 } })).figures;
      return `${shown(f['zd1ValueAddedShare']?.current, 0)} ${shown(f['zd2ValueAddedShare']?.current, 0)}`;
    },
    published: '64 19',
  },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '1-7 月…以“标准地”形式出让工业用地 21 宗、1074.9 亩，实行承诺制项目 139 个，为 223 个项目领办代办 482 件事项（entered; the set’s rules accept them）',
    figure: () => {
      const values = { bzdCount: { current: 21 }, bzdArea: { current: 1074.9 }, cnzProjects: { current: 139 }, dbProjects: { current: 223 }, dbItems: { current: 482 } };
      const ret = withRoster(set2024, 'yuncheng-kfq', { year: 2024, endMonth: 7, frequency: 'month' }, [], values);
      const issues = validateReturn(set2024, ret, computeReturn(set2024, ret)).filter((i) => i.code === 'expression');
      const f = computeReturn(set2024, ret).figures;
      return `${shown(f['bzdCount']?.current, 0)} ${shown(f['bzdArea']?.current, 1)} ${shown(f['dbItems']?.current, 0)} ${issues.length}`;
    },
    published: '21 1074.9 482 0',
  },
  {
    article: '004_74bb4fe9bcfc2550.txt',
    sentence: '今年前两次“三个一批”签约项目开工率 81.82%、开工项目投产率 47.42%（roster made for the test: 签约 11亿元 of which 9亿元 started; 46 of 97 started in production）',
    figure: () => {
      const roster = [
        ...rows([4.5, 4.5], { batch: '2024年第一次', signed: true, started: true, startBatch: '2024年第二次' }),
        ...rows([2], { batch: '2024年第一次', signed: true }),
        ...rows(amounts(46, 46), { batch: '2023年第三次', startBatch: '2024年第一次', signed: true, started: true, producing: true }),
        ...rows(amounts(49, 49), { batch: '2023年第三次', startBatch: '2024年第一次', signed: true, started: true }),
      ];
      const f = computeReturn(set2024, withRoster(set2024, 'yuncheng-kfq', q(2024, 6), roster)).figures;
      return `${shown(f['rateSignedStarted']?.current, 2)} ${shown(f['rateStartedProducing']?.current, 2)}`;
    },
    published: '81.82 47.42',
  },
];

describe('seed articles: each covered figure, from entered values', () => {
  it.each(SEED_ARTICLES.map((c) => [c.article, c.sentence, c] as const))('%s: %s', (_article, _sentence, c) => {
    expect(c.figure()).toBe(c.published);
  });
});

/** A registry with one zone set up in 2024 (a 新设开发区), for the new-zone cases. */
function registryWithNewZone(): ZoneRegistry {
  const base = builtinZoneRegistry();
  return { ...base, zones: [...base.zones, { id: 'xinshe-kfq', name: '新设开发区', cityCode: '140300', county: '郊区', type: 'industrial', level: '省级', establishedYear: 2024 }] };
}

describe('figures the province issue quotes from other bureaus’ articles', () => {
  it('阳泉高新区 2023: growth 16.6% against the 2023 target 16% is 高于 0.60 points; the 2024 set refuses the 2023 return', () => {
    const ret = withRoster(set2023, 'yangquan-gxq', q(2023, 12), [], { gyzjz: { current: 116.6, lastYear: 100 } });
    const fig = computeReturn(set2023, ret).figures['gyzjz'];
    expect([fig?.comparison, shown(fig?.gapPoints, 2), fig?.targetGrowthPercent]).toEqual(['高于', '0.60', 16]);
    const issues = validateReturn(set2024, { ...ret, indicatorSet: { id: set2024.id, version: set2024.version } }, computeReturn(set2024, ret), { registry: builtinZoneRegistry() });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'set-year-mismatch', severity: 'error' }));
    expect(issues.find((i) => i.code === 'unknown-zone')).toBeUndefined();
  });

  it('2023 targets 规上工业增加值 16%, 工业投资 17%; 2024 15% / 16%', () => {
    const target = (set: IndicatorSet, code: string) => set.sections.flatMap((s) => s.indicators).find((i) => i.code === code)?.targetGrowthPercent;
    expect([target(set2023, 'gyzjz'), target(set2023, 'gytz'), target(set2024, 'gyzjz'), target(set2024, 'gytz')]).toEqual([16, 17, 15, 16]);
  });

  it('全年共铺排项目269个，总投资870.02亿元；亿元以上项目156个，总投资813.16亿元 (以上 includes 1亿元 itself)', () => {
    const big = amounts(156, 813.16, [1, 1]);
    const small = amounts(113, 870.02 - 813.16);
    const roster = [
      ...rows(big.slice(0, 100), { batch: '2024年第一次', signed: true }),
      ...rows(big.slice(100), { batch: '2023年第三次', startBatch: '2024年第二次', signed: true, started: true }),
      ...rows(small.slice(0, 60), { batch: '2024年第二次', signed: true }),
      ...rows(small.slice(60), { batch: '2022年第一次', startBatch: '2023年第一次', productionBatch: '2024年第三次', signed: true, started: true, producing: true }),
      // Presented in earlier years only: not among this year's projects.
      ...rows([5, 0.5], { batch: '2023年第一次', signed: true }),
    ];
    const f = computeReturn(set2024, withRoster(set2024, 'yangquan-gxq', q(2024, 12), roster)).figures;
    expect(['pbCount', 'pbInvestment', 'pbYiUpCount', 'pbYiUpInvestment'].map((c, i) => shown(f[c]?.current, i % 2 ? 2 : 0))).toEqual(['269', '870.02', '156', '813.16']);
  });

  it('当年已完成投资10.5亿元，完成年度计划投资（10.1亿元）104.3% (from the unrounded ledger amounts)', () => {
    const roster = [
      { id: 'a', name: '甲', batch: '2024年第一次', signed: true, totalInvestment: 20, investmentThisYear: 6.234, plannedInvestmentThisYear: 6 },
      { id: 'b', name: '乙', batch: '2024年第一次', signed: true, totalInvestment: 9, investmentThisYear: 4.3, plannedInvestmentThisYear: 4.1 },
    ];
    const f = computeReturn(set2024, withRoster(set2024, 'yangquan-gxq', q(2024, 12), roster)).figures;
    expect([shown(f['pbDoneThisYear']?.current, 1), shown(f['pbPlannedThisYear']?.current, 1), shown(f['pbPlanCompletion']?.current, 1)]).toEqual(['10.5', '10.1', '104.3']);
  });

  it('工业类开发区铺排项目188个，其中战新项目187个, and their share of the city’s total investment', () => {
    const a = withRoster(set2024, 'jincheng-kfq', q(2024, 12), [...rows(amounts(99, 400), { batch: '2024年第一次', signed: true, strategicEmerging: true }), ...rows([1], { batch: '2024年第一次', signed: true })]);
    const b = withRoster(set2024, 'gaoping-kfq', q(2024, 12), rows(amounts(88, 100), { batch: '2024年第二次', signed: true, strategicEmerging: true }));
    const t = withRoster(set2024, 'lingchuan-lyq', q(2024, 12), rows(amounts(10, 99), { batch: '2024年第一次', signed: true }));
    const r = consolidateByZoneType(set2024, [a, b, t]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const industrial = r.value.byType.find((x) => x.zoneType === 'industrial');
    expect([shown(industrial?.total.figures['pbCount']?.current, 0), shown(industrial?.total.figures['pbZxCount']?.current, 0)]).toEqual(['188', '187']);
    expect(shown(industrial?.shareOfCity['pbInvestment'], 2)).toBe('83.50'); // 501 of 600亿元
    expect(r.value.byType.map((x) => x.zoneType)).toEqual(['industrial', 'tourism']);
    expect(shown(r.value.city.figures['pbCount']?.current, 0)).toBe('198');
  });

  it('签约 38, 开工 42: projects signed in earlier years start this year; no error, no warning', () => {
    const roster = [
      ...rows(amounts(30, 60), { batch: '2024年第一次', startBatch: '2024年第二次', signed: true, started: true }),
      ...rows(amounts(8, 16), { batch: '2024年第二次', signed: true }),
      ...rows(amounts(12, 24), { batch: '2023年第二次', startBatch: '2024年第一次', signed: true, started: true }),
    ];
    const ret = withRoster(set2024, 'yangquan-gxq', q(2024, 6), roster);
    const computed = computeReturn(set2024, ret);
    expect([shown(computed.figures['qySignedCount']?.current, 0), shown(computed.figures['qyStartedCount']?.current, 0)]).toEqual(['38', '42']);
    const issues = validateReturn(set2024, ret, computed).filter((i) => i.key.startsWith('rule:'));
    expect(issues).toEqual([]);
  });

  it('a warning, not an error, when more of this year’s started projects were signed this year than were signed', () => {
    // Only a roster the set's own row rules already flag can do this: a project started this year, signed this year, but not marked 签约.
    const roster = rows([1, 2], { batch: '2024年第一次', signed: true, started: true });
    const ret = withRoster(set2024, 'yangquan-gxq', q(2024, 6), roster);
    const computed = computeReturn(set2024, ret);
    computed.figures['qySignedCount'] = { code: 'qySignedCount', current: { ok: true, value: 1 } };
    const issue = validateReturn(set2024, ret, computed).find((i) => i.key === 'rule:started-le-signed');
    expect(issue?.severity).toBe('warning');
  });
});

describe('growth without 上年同期', () => {
  it.each([
    ['上年同期 missing', undefined, 'missing-input', '未填写「规上工业增加值」的上年同期数'],
    ['上年同期 zero', 0, 'division-by-zero', '上年同期为0，无法计算同比增速'],
  ])('%s: not computable, with the reason', (_what, lastYear, reason, detail) => {
    const ret = withRoster(set2024, 'yangquan-gxq', q(2024, 3), [], { gyzjz: { current: 10, ...(lastYear === undefined ? {} : { lastYear }) } });
    const g = computeReturn(set2024, ret).figures['gyzjz']?.growthPercent;
    expect(g).toEqual({ ok: false, reason, detail });
  });

  it('a new zone (registry establishedYear, declared by the set): growth not computable with the set’s reason, no missing-last-year error', () => {
    const registry = registryWithNewZone();
    const ret = withRoster(set2024, 'xinshe-kfq', q(2024, 3), [], { gyzjz: { current: 10 }, gytz: { current: 2 }, zxxmtz: { current: 1 }, gyzcz: { current: 30 } });
    const computed = computeReturn(set2024, ret, { registry });
    expect(computed.figures['gyzjz']?.growthPercent).toEqual({ ok: false, reason: 'new-zone', detail: set2024.newZone?.reason });
    expect(validateReturn(set2024, ret, computed, { registry }).filter((i) => i.code === 'missing-last-year')).toEqual([]);
    // Without the set's declaration the same zone's missing 上年同期 is a missing input.
    const plain: IndicatorSet = { ...set2024 };
    delete plain.newZone;
    expect(validateReturn(plain, ret, computeReturn(plain, ret, { registry }), { registry }).filter((i) => i.code === 'missing-last-year')).toHaveLength(4);
  });

  it('a city total counts a new zone in the amount, not in the growth, and says so', () => {
    const registry = registryWithNewZone();
    const old = withRoster(set2024, 'yangquan-gxq', q(2024, 3), [], { gyzjz: { current: 11.5, lastYear: 10 } });
    const fresh = withRoster(set2024, 'xinshe-kfq', q(2024, 3), [], { gyzjz: { current: 5 } });
    const r = consolidate(set2024, [old, fresh], { registry });
    expect(r.ok).toBe(true);
    const fig = r.ok ? r.value.figures['gyzjz'] : undefined;
    expect([shown(fig?.current, 2), shown(fig?.growthPercent, 2), fig?.growthZoneIds]).toEqual(['16.50', '15.00', ['yangquan-gxq']]);
    expect(fig?.growthNote).toContain('新设开发区');
  });
});
