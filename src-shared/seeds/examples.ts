/** The example returns in seeds/examples (test inputs, demo data), read through the same parser the CLI uses. */
import gaoping from '../../seeds/examples/gaoping-kfq-2024-q1.json';
import houma from '../../seeds/examples/houma-kfq-2024-07.json';
import jincheng from '../../seeds/examples/jincheng-kfq-2024-q1.json';
import linfen from '../../seeds/examples/linfen-kfq-2024-07.json';
import lingchuan from '../../seeds/examples/lingchuan-lyq-2024-q1.json';
import qinshui from '../../seeds/examples/qinshui-kfq-2024-q1.json';
import yangcheng from '../../seeds/examples/yangcheng-kfq-2024-q1.json';
import type { IndicatorSet, ZoneReturn } from '../model';
import { parseReturn } from '../return/parse-return';
import { builtinIndicatorSets } from './builtin';

const EXAMPLE_JSON = {
  'jincheng-kfq-2024-q1': jincheng,
  'gaoping-kfq-2024-q1': gaoping,
  'qinshui-kfq-2024-q1': qinshui,
  'yangcheng-kfq-2024-q1': yangcheng,
  'lingchuan-lyq-2024-q1': lingchuan,
  'linfen-kfq-2024-07': linfen,
  'houma-kfq-2024-07': houma,
} as const satisfies Record<string, unknown>;

export type ExampleName = keyof typeof EXAMPLE_JSON;

export const EXAMPLE_NAMES = Object.keys(EXAMPLE_JSON).filter((k): k is ExampleName => k in EXAMPLE_JSON);

/** A fresh copy of an example return (callers may change it). */
export function exampleReturn(name: ExampleName): ZoneReturn {
  const copy: unknown = JSON.parse(JSON.stringify(EXAMPLE_JSON[name]));
  const r = parseReturn(copy, `seeds/examples/${name}.json`);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** The built-in 2024 quarterly set the examples are filed with. */
export function kfqSet(): IndicatorSet {
  const set = builtinIndicatorSets().find((s) => s.id === 'kfq-quarterly' && s.version === '2024.1');
  if (!set) throw new Error('内置指标集 kfq-quarterly 2024.1 缺失');
  return set;
}
