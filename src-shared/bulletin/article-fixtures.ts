/**
 * Returns holding the figures of the seed articles (test inputs and demo data): the example returns
 * of seeds/examples, with the unrounded values and rosters the articles' published figures imply.
 * Each change to an example is named here with the figure it stands for.
 */
import type { IndicatorSet, RosterRow, ZoneReturn } from '../model';
import { emptyReturn } from '../return';
import { exampleReturn, kfqSet } from '../seeds';
import type { ReferenceFigures } from './bulletin-input';

/** n amounts adding up to total (to the cent). */
export function amounts(n: number, total: number): number[] {
  const cents = Math.round(total * 100);
  const base = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => (base + (i < cents - base * n ? 1 : 0)) / 100);
}

let serial = 0;
const row = (fields: Omit<RosterRow, 'id'>): RosterRow => ({ id: `fixture-${++serial}`, name: `项目${serial}`, industrial: true, ...fields });

/** Older projects (signed in an earlier year) started this year, `producing` of them in production and at design output. */
function olderStarted(n: number, producing: number, startBatch: string): RosterRow[] {
  return Array.from({ length: n }, (_, i) =>
    row({ batch: '2023年第四次', startBatch, totalInvestment: 1, signed: true, started: true, ...(i < producing ? { producing: true, productionBatch: startBatch, reachedDesign: true } : { producing: false }) }),
  );
}

/**
 * 晋城市 2024年一季度 (article 000): the four industrial zones and 陵川. 15.7 ÷ 16.92 is 92.79%; the
 * published 92.81% comes from unrounded values, so 晋城开发区's 工业投资 is 7.846 (last year 5.209):
 * the city total 16.916 shows as 16.92, growth 55.99%, share 92.81%. The rates 91.69% / 38.81% /
 * 100% come from a roster where 91.69 of 100亿元 signed have started, and 26 of 67 started are in production.
 */
export function jinchengQ1Returns(): ZoneReturn[] {
  const jc = exampleReturn('jincheng-kfq-2024-q1');
  jc.values['gytz'] = { current: 7.846, lastYear: 5.209 };
  const batch = '2024年第一次';
  jc.roster = [
    ...amounts(8, 91.69).map((v) => row({ batch, totalInvestment: v, signed: true, started: true, producing: false })),
    ...amounts(2, 8.31).map((v) => row({ batch, totalInvestment: v, signed: true, started: false })),
    ...olderStarted(59, 26, batch),
  ];
  return [jc, exampleReturn('gaoping-kfq-2024-q1'), exampleReturn('qinshui-kfq-2024-q1'), exampleReturn('yangcheng-kfq-2024-q1'), exampleReturn('lingchuan-lyq-2024-q1')];
}

/** The reference figures article 000 quotes: 全省开发区平均增速 and the province's ranks. */
export const JINCHENG_Q1_REFERENCE: ReferenceFigures = {
  provinceAverageGrowth: { gyzjz: 0.9, gytz: 10.9 },
  cityRanks: { gyzjz: { growth: 1, amount: 3 }, rateSignedStarted: { amount: 2 }, rateStartedProducing: { amount: 3 }, rateProducingReached: { amount: 1 } },
  zoneRanks: { 'jincheng-kfq': { gyzjz: { amount: 1 } }, 'qinshui-kfq': { gyzjz: { amount: 7 } }, 'gaoping-kfq': { gyzjz: { growth: 1, pull: 1 } } },
};

/** Picks rows whose investments add up to a value within [lo, hi) (cents), by subset sum. */
function pickSum(values: number[], lo: number, hi: number): Set<number> {
  const cents = values.map((v) => Math.round(v * 100));
  const from = new Map<number, [number, number]>([[0, [-1, -1]]]);
  cents.forEach((c, i) => {
    for (const s of [...from.keys()]) if (!from.has(s + c)) from.set(s + c, [s, i]);
  });
  const target = [...from.keys()].find((s) => s >= lo * 100 && s < hi * 100);
  const picked = new Set<number>();
  for (let s = target; s !== undefined && s > 0; ) {
    const [prev, i] = from.get(s) ?? [0, -1];
    picked.add(i);
    s = prev;
  }
  if (target === undefined) throw new Error('无法组合出所需金额');
  return picked;
}

/**
 * 临汾市 2024年1–7月 (article 004): 临汾 and 侯马 examples (52 signed projects, 221.23亿元, the
 * 战新 and 重点产业链 shares), with the started projects chosen so that 50.4% of the signed
 * investment has started, and older projects started this year so that 13 of 40 are in production.
 */
export function linfenJulyReturns(): ZoneReturn[] {
  const returns = [exampleReturn('linfen-kfq-2024-07'), exampleReturn('houma-kfq-2024-07')];
  const signed = returns.flatMap((r) => r.roster);
  const picked = pickSum(
    signed.map((p) => Number(p.totalInvestment)),
    221.23 * 0.5035,
    221.23 * 0.5045,
  );
  signed.forEach((p, i) => Object.assign(p, { started: picked.has(i), producing: false, reachedDesign: false }));
  const first = returns[0];
  if (first) first.roster.push(...olderStarted(40 - picked.size, 13, '2024年第一次'));
  return returns;
}

/** 运城市 2024: one return standing for the city's zones, with the article's totals (no example exists). */
export function yunchengReturns(set: IndicatorSet = kfqSet()): { h1: ZoneReturn[]; july: ZoneReturn[] } {
  const h1 = emptyReturn(set, 'yuncheng-kfq', { year: 2024, endMonth: 6, frequency: 'quarter' });
  h1.values = {
    xzgsqy: { current: 25 },
    gyzjzqszb: { current: 70 },
    // 128.9亿元 is 64% and 38.4亿元 19% of the zones' 规上工业增加值.
    gyzjz: { current: 201.4, lastYear: 180 },
    gyzcz: { current: 1174, lastYear: 1050 },
    zd1Enterprises: { current: 329 },
    zd1AboveScale: { current: 142 },
    zd1Output: { current: 631.7 },
    zd1ValueAdded: { current: 128.9 },
    zd2Enterprises: { current: 125 },
    zd2AboveScale: { current: 68 },
    zd2Output: { current: 331.5 },
    zd2ValueAdded: { current: 38.4 },
  };
  // 117 projects signed in three activities, 312.9亿元; 256.01亿元 of them started (81.82%);
  // 46 of the 97 projects started this year are in production (47.42%), all at design output (100%).
  const batches = ['2024年第一次', '2024年第二次', '2024年第三次'];
  const started = amounts(90, 256.01).map((v, i) => row({ batch: batches[i % 3] ?? '', totalInvestment: v, signed: true, started: true, ...(i < 46 ? { producing: true, reachedDesign: true } : { producing: false }) }));
  const waiting = amounts(27, 312.9 - 256.01).map((v, i) => row({ batch: batches[i % 3] ?? '', totalInvestment: v, signed: true, started: false }));
  h1.roster = [...started, ...waiting, ...olderStarted(7, 0, '2024年第一次')];
  const july = emptyReturn(set, 'yuncheng-kfq', { year: 2024, endMonth: 7, frequency: 'month' });
  july.values = { bzdCount: { current: 21 }, bzdArea: { current: 1074.9 }, cnzProjects: { current: 139 }, dbProjects: { current: 223 }, dbItems: { current: 482 } };
  return { h1: [h1], july: [july] };
}
