/** The house styles shipped in seeds/bulletin/, checked against the indicator set on load. */
import type { IndicatorSet } from '../model';
import jincheng from '../../seeds/bulletin/jincheng-2024.json';
import yangquan from '../../seeds/bulletin/yangquan-2024.json';
import linfen from '../../seeds/bulletin/linfen-2024.json';
import yuncheng from '../../seeds/bulletin/yuncheng-2024.json';
import zone from '../../seeds/bulletin/zone-2024.json';
import type { BulletinStyle } from './bulletin-style';
import { parseBulletinStyle } from './parse-bulletin-style';

export const BUILTIN_STYLE_FILES = {
  jincheng: { source: 'seeds/bulletin/jincheng-2024.json', json: jincheng },
  yangquan: { source: 'seeds/bulletin/yangquan-2024.json', json: yangquan },
  linfen: { source: 'seeds/bulletin/linfen-2024.json', json: linfen },
  yuncheng: { source: 'seeds/bulletin/yuncheng-2024.json', json: yuncheng },
  zone: { source: 'seeds/bulletin/zone-2024.json', json: zone },
} as const satisfies Record<string, { source: string; json: unknown }>;

export type BuiltinStyleId = keyof typeof BUILTIN_STYLE_FILES;

export const BUILTIN_STYLE_IDS: BuiltinStyleId[] = ['jincheng', 'yangquan', 'linfen', 'yuncheng', 'zone'];

/** A shipped style that fails its own check is a bug: it throws. */
export function builtinBulletinStyle(id: BuiltinStyleId, set: IndicatorSet): BulletinStyle {
  const { source, json } = BUILTIN_STYLE_FILES[id];
  const r = parseBulletinStyle(json, set, source);
  if (!r.ok) throw new Error(`内置通报样式 ${source} 无效：${r.issues.map((i) => i.message).join('；')}`);
  return r.value;
}

export function builtinBulletinStyles(set: IndicatorSet): BulletinStyle[] {
  return BUILTIN_STYLE_IDS.map((id) => builtinBulletinStyle(id, set));
}

/** The style a city's bureau uses by default: 晋城 → jincheng; otherwise the 晋城 style. */
export function defaultStyleFor(cityName: string): BuiltinStyleId {
  if (cityName.startsWith('阳泉')) return 'yangquan';
  if (cityName.startsWith('临汾')) return 'linfen';
  if (cityName.startsWith('运城')) return 'yuncheng';
  return 'jincheng';
}
