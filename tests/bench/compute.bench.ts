/**
 * Recomputation benchmark (`npm run bench compute`): the return form recomputes every figure of
 * the return as a number is typed. With a roster of 10,000 projects most of that work is the
 * roster's count(...) and sum(...), which do not change while an indicator value is typed; the
 * form keeps them in an `AggregateMemo`. Reported as medians and as multiples of the baseline in
 * the same run: `computeReturn` without the memo (what every keystroke cost before).
 */
import { performance } from 'node:perf_hooks';
import { computeReturn } from '../../src-shared/compute';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { AggregateMemo } from '../../src-shared/expr';
import { validateReturn } from '../../src-shared/validate';

const ROSTER_ROWS = 10_000;
const RUNS = 15;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timeRuns(body: (run: number) => unknown): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    body(run);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const set = kfqSet();
const example = exampleReturn('jincheng-kfq-2024-q1');
// Every project complete, so that each count(...) and sum(...) runs over all rows (an empty amount stops a sum at its row).
const roster = Array.from({ length: ROSTER_ROWS }, (_, i) => ({
  id: `p${i}`,
  name: `项目${i + 1}`,
  batch: i % 4 === 0 ? '2023年第二次' : '2024年第一次',
  industry: '新材料',
  totalInvestment: (i % 37) + 0.5,
  investmentThisYear: (i % 5) + 0.25,
  expectedOutput: (i % 11) + 1,
  signed: true,
  started: i % 2 === 0,
  producing: i % 3 === 0,
  reachedDesign: i % 5 === 0,
  industrial: i % 4 !== 0,
  strategicEmerging: i % 6 === 0,
  keyChain: i % 7 === 0,
}));
const ret = { ...example, roster };
// Each keystroke gives a new return object with new values and the same roster rows, as the form does.
const typed = (run: number) => ({ ...ret, values: { ...ret.values, gyzjz: { ...ret.values['gyzjz'], current: 100 + run / 10 } } });

const memo = new AggregateMemo();
computeReturn(set, ret, { aggregateMemo: memo }); // the first computation after opening fills the memo
const plain = timeRuns((run) => computeReturn(set, typed(run)));
const kept = timeRuns((run) => computeReturn(set, typed(run), { aggregateMemo: memo }));
const validate = timeRuns((run) => {
  const r = typed(run);
  validateReturn(set, r, computeReturn(set, r, { aggregateMemo: memo }));
});

const row = (label: string, ms: number) => console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / plain).toFixed(3).padStart(7)} × baseline`);
console.log(`return with ${ROSTER_ROWS.toLocaleString('en')} roster projects; median of ${RUNS} runs`);
row('baseline: computeReturn on a keystroke, no memo', plain);
row('computeReturn on a keystroke, roster aggregates kept', kept);
row('commit of a cell: compute (memo) + validateReturn', validate);
