/**
 * Generated returns for the round-trip tests: random values at full precision, long and
 * formula-like texts, empty optional fields, large rosters, and matching random figures and
 * validation issues. Seeded, so a failure can be replayed.
 */
import type { Computed, ComputedReturn, Indicator, IndicatorFigures, IndicatorSet, RosterRow, ValidationIssue, ZoneReturn, ZoneType } from '../../src-shared/model';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed: number;
  zoneId?: string;
  zoneType?: ZoneType;
  rosterRows?: number;
  /** Characters of the longest text section; beyond 32,767 the workbook must split it. */
  longText?: number;
}

/** Texts a clerk or a ledger might hand us that a spreadsheet could take for a formula, or choke on. */
export const TRICKY_TEXTS = [
  '=1+2',
  '=HYPERLINK("http://example.com","点击")',
  '+86 0356 2021234',
  '-12.5',
  '@SUM(A1:A3)',
  '\t制表符开头',
  '\r回车开头',
  '\r\n回车换行开头',
  '普通文字 =不是公式',
  '_x0041_ 和 _x005F_ 字面量',
  '控制字符\u0001\u0008\u000b\u001f结尾',
  '表情 😀 与生僻字 𠀀𪚥',
  '单独的代理项 \ud800 和 \udc00',
  'U+FFFF \uffff U+FFFE \ufffe',
  ' 前后空格 ',
  '"引号" \'单引号\' <尖括号> & 和号',
  '多行\n第二行\n\n第四行',
  '',
];

const CHINESE = '开发区规上工业增加值同比增长签约开工投产项目招商引资标准地厂房承诺制代办赋权奖补资金产出强度主导产业光机电装备制造新材料';

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function chineseText(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.03) out += '\n';
    else if (r < 0.1) out += '，';
    else if (r < 0.12) out += pick(random, TRICKY_TEXTS);
    else out += CHINESE.charAt(Math.floor(random() * CHINESE.length));
  }
  return out.slice(0, length);
}

function randomNumber(random: () => number, indicator: { kind?: string; decimals?: number }): number {
  const magnitude = Math.pow(10, Math.floor(random() * 7) - 2);
  const value = random() * magnitude;
  if (indicator.kind === 'integer') return Math.floor(value);
  // Full precision as a clerk's formula might leave it, not rounded to the display decimals.
  return random() < 0.5 ? value : Math.round(value * 100) / 100;
}

function indicatorsOf(set: IndicatorSet, zoneType: ZoneType): Indicator[] {
  return set.sections.flatMap((s) => s.indicators).filter((i) => i.zoneTypes.includes(zoneType));
}

function randomComputed(random: () => number): Computed {
  if (random() < 0.15) return { ok: false, reason: pick(random, ['division-by-zero', 'missing-input', 'not-a-number'] as const), detail: '上年同期为 0，无法计算增长' };
  return { ok: true, value: (random() - 0.3) * Math.pow(10, Math.floor(random() * 4)) };
}

export function generateReturn(set: IndicatorSet, options: GenerateOptions): { ret: ZoneReturn; computed: ComputedReturn; issues: ValidationIssue[] } {
  const random = rng(options.seed);
  const zoneType = options.zoneType ?? 'industrial';
  const indicators = indicatorsOf(set, zoneType);
  const values: ZoneReturn['values'] = {};
  const figures: ComputedReturn['figures'] = {};
  let longTextGiven = false;

  for (const indicator of indicators) {
    const roll = random();
    if (indicator.source === 'entered') {
      if (roll < 0.1) continue; // left empty
      if (indicator.kind === 'text') {
        let content: string;
        if (!longTextGiven && options.longText !== undefined) {
          content = chineseText(random, options.longText);
          longTextGiven = true;
        } else content = random() < 0.3 ? pick(random, TRICKY_TEXTS) : chineseText(random, 1 + Math.floor(random() * 400));
        values[indicator.code] = { current: content };
      } else {
        const entry: ZoneReturn['values'][string] = { current: roll < 0.15 ? null : randomNumber(random, indicator) };
        if (indicator.compareLastYear) {
          const r = random();
          if (r < 0.7) entry.lastYear = randomNumber(random, indicator);
          else if (r < 0.8) entry.lastYear = null;
        }
        values[indicator.code] = entry;
      }
    }

    const figure: IndicatorFigures = { code: indicator.code, current: randomComputed(random) };
    if (indicator.kind === 'text') {
      const current = values[indicator.code]?.current;
      figure.current = { ok: true, text: typeof current === 'string' ? current : '' };
    } else if (indicator.source === 'entered') {
      const current = values[indicator.code]?.current;
      figure.current = typeof current === 'number' ? { ok: true, value: current } : { ok: false, reason: 'missing-input', detail: '未填写' };
    }
    if (indicator.compareLastYear) {
      figure.lastYear = randomComputed(random);
      figure.growthPercent = randomComputed(random);
      if (indicator.targetGrowthPercent !== undefined) {
        figure.targetGrowthPercent = indicator.targetGrowthPercent;
        const gap = randomComputed(random);
        figure.gapPoints = gap;
        if (gap.ok) figure.comparison = gap.value > 0 ? '高于' : gap.value < 0 ? '低于' : '持平';
      }
    }
    figures[indicator.code] = figure;
  }

  const roster: RosterRow[] = [];
  const rosterRows = options.rosterRows ?? Math.floor(random() * 30);
  for (let r = 0; r < rosterRows; r += 1) {
    const row: RosterRow = { id: `row-${options.seed}-${r}` };
    for (const field of set.roster.fields) {
      if (random() < 0.1 && !field.required) continue;
      switch (field.type) {
        case 'text':
          row[field.code] = random() < 0.1 ? pick(random, TRICKY_TEXTS) : chineseText(random, 2 + Math.floor(random() * 30));
          break;
        case 'number':
          row[field.code] = random() < 0.05 ? null : randomNumber(random, field);
          break;
        case 'boolean':
          row[field.code] = random() < 0.5;
          break;
        case 'date':
          row[field.code] = `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
          break;
      }
    }
    roster.push(row);
  }

  const issues: ValidationIssue[] = [];
  const explanations: Record<string, string> = {};
  const issueCount = Math.floor(random() * 8);
  for (let i = 0; i < issueCount; i += 1) {
    const indicator = pick(random, indicators);
    const severity = random() < 0.3 ? 'error' : 'warning';
    const key = `issue-${i}-${indicator.code}`;
    const target: ValidationIssue['target'] =
      roster.length > 0 && random() < 0.3
        ? { kind: 'roster', rowId: pick(random, roster).id, field: pick(random, set.roster.fields).code }
        : random() < 0.1
          ? { kind: 'return' }
          : { kind: 'indicator', code: indicator.code, column: random() < 0.5 ? 'current' : 'lastYear' };
    issues.push({ code: severity === 'error' ? 'part-of' : 'growth-range', severity, key, target, message: `${indicator.name}的数值需要核实（${i}）` });
    if (severity === 'warning' && random() < 0.8) explanations[key] = random() < 0.2 ? pick(random, TRICKY_TEXTS) : chineseText(random, 10 + Math.floor(random() * 200));
  }

  const cover: ZoneReturn['cover'] = {};
  if (random() < 0.8) cover.unitHead = '王建国';
  if (random() < 0.8) cover.statisticsHead = random() < 0.2 ? '=李秀英' : '李秀英';
  if (random() < 0.8) cover.filler = '张明';
  if (random() < 0.8) cover.phone = random() < 0.3 ? '+86-356-2021234' : '0356-2021234';
  if (random() < 0.8) cover.reportDate = '2024-04-08';

  const ret: ZoneReturn = {
    format: 'zone-returns/return@1',
    indicatorSet: { id: set.id, version: set.version },
    zoneId: options.zoneId ?? 'jincheng-kfq',
    period: { year: 2024, endMonth: pick(random, [3, 6, 9, 12]), frequency: 'quarter' },
    values,
    roster,
    explanations,
    cover,
  };
  return { ret, computed: { figures }, issues };
}
