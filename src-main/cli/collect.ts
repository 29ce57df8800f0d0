/**
 * `zone-returns collect <files or folders...> [--city 晋城市] [--period 2024-03-q]`
 * Reads submission workbooks and return JSON files, applies the inbox rules (src-shared/collect),
 * consolidates the accepted returns of one period into the city's figures and prints JSON:
 * accepted, rejected (file and reason), superseded, missing zones, figures, ranks.
 * Exit 0 when it could consolidate, 1 when nothing valid was given, 2 on unreadable input.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { cityFigures, judgeInbox, type ReceivedItem } from '../../src-shared/collect';
import type { Period, ZoneReturn } from '../../src-shared/model';
import { comparePeriods, parsePeriodKey, periodKey, periodLabel, samePeriod } from '../../src-shared/period';
import { parseReturn } from '../../src-shared/return';
import { builtinIndicatorSets, builtinZoneRegistry, compareVersions, findIndicatorSet } from '../../src-shared/seeds';
import { uuidV4 } from '../../src-shared/crypto';
import { MAX_WORKBOOK_BYTES, readSubmissionWorkbook, writeCitySummaryWorkbook } from '../../src-shared/workbook';
import { writeFileAtomic } from '../files/atomic-write';

const USAGE = '用法: zone-returns collect <报送工作簿或报表JSON或文件夹...> [--city 晋城市] [--period 2024-03-q] [-o 汇总.xlsx]';

export interface CollectArgs {
  inputs: string[];
  city?: string;
  period?: Period;
  output?: string;
}

export function parseCollectArgs(args: string[]): CollectArgs | string {
  const out: CollectArgs = { inputs: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--city') {
      const v = args[++i];
      if (!v) return '--city 后面要写城市名称，如「晋城市」。';
      out.city = v;
    } else if (arg === '--period') {
      const v = args[++i] ?? '';
      const p = parsePeriodKey(v);
      if (!p) return `--period 应为期别键，如 2024-03-q（一季度）或 2024-07-m（1–7月），实为「${v}」。`;
      out.period = p;
    } else if (arg === '-o' || arg === '--output') {
      const v = args[++i];
      if (!v) return '-o 后面要写市汇总表的文件名（.xlsx）。';
      out.output = v;
    } else if (arg.startsWith('-')) return `不认识的参数「${arg}」。`;
    else out.inputs.push(arg);
  }
  if (out.inputs.length === 0) return '缺少报送工作簿、报表 JSON 文件或文件夹。';
  return out;
}

/** Files given and the .xlsx/.json files of folders given (one level, sorted). */
function expand(inputs: string[]): { files: string[]; unreadable: { file: string; reason: string }[] } {
  const files: string[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const input of inputs) {
    try {
      if (statSync(input).isDirectory()) {
        for (const name of readdirSync(input).sort()) if (/\.(xlsx|json)$/i.test(name) && !name.startsWith('~$')) files.push(join(input, name));
      } else files.push(input);
    } catch (error) {
      unreadable.push({ file: input, reason: `无法读取（${error instanceof Error ? error.message : String(error)}），请确认文件或文件夹存在` });
    }
  }
  return { files, unreadable };
}

interface Loaded {
  item: ReceivedItem;
  ret?: ZoneReturn;
}

async function load(path: string, key: string): Promise<Loaded | { unreadable: string }> {
  const fileName = basename(path);
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_WORKBOOK_BYTES) return { unreadable: `文件太大（${size} 字节），不是报送工作簿` };
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    return { unreadable: `无法读取（${error instanceof Error ? error.message : String(error)}）` };
  }
  if (extname(path).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    } catch {
      return { item: { key, fileName, intact: false, problems: ['不是有效的 JSON 文件'] } };
    }
    const r = parseReturn(json, fileName);
    if (!r.ok) return { item: { key, fileName, intact: false, problems: r.issues.map((i) => i.message) } };
    const exportedAt = new Date(statSync(path).mtimeMs).toISOString();
    return {
      ret: r.value,
      item: { key, fileName, intact: true, problems: [], identity: { submissionId: `json:${fileName}`, revision: 0, exportedAt, zoneId: r.value.zoneId, period: r.value.period, indicatorSet: r.value.indicatorSet } },
    };
  }
  const read = await readSubmissionWorkbook(bytes, { fileName });
  if (!read.ok) return { item: { key, fileName, intact: false, problems: read.issues.map((i) => i.message) } };
  const { identity, intact, ret } = read.value;
  return { ret, item: { key, fileName, intact, problems: read.issues.map((i) => i.message), identity } };
}

/** The version of a set the bureau uses for a year: the newest built-in one of that id and year. */
export function setVersionFor(setId: string, year: number): string | undefined {
  const sets = builtinIndicatorSets().filter((s) => s.id === setId && s.year === year);
  const fallback = sets.length === 0 ? builtinIndicatorSets().filter((s) => s.id === setId) : sets;
  return fallback.map((s) => s.version).sort(compareVersions).at(-1);
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCollectArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const registry = builtinZoneRegistry();
  const { files, unreadable } = expand(args.inputs);
  const loaded: Loaded[] = [];
  for (const [i, file] of files.entries()) {
    const l = await load(file, `${i}:${file}`);
    if ('unreadable' in l) unreadable.push({ file, reason: l.unreadable });
    else loaded.push(l);
  }
  if (unreadable.length > 0) {
    print({ ok: false, unreadable });
    process.stderr.write(unreadable.map((u) => `${u.file}：${u.reason}`).join('\n') + '\n');
    return 2;
  }

  let cityCode: string | undefined;
  if (args.city !== undefined) {
    cityCode = registry.cities.find((c) => c.name === args.city || c.code === args.city)?.code;
    if (!cityCode) {
      process.stderr.write(`开发区名录中没有城市「${args.city}」。可用：${registry.cities.map((c) => c.name).join('、')}\n`);
      return 2;
    }
  } else {
    // The city of the zones given: the most frequent one among the readable submissions.
    const counts = new Map<string, number>();
    for (const l of loaded) {
      const c = registry.zones.find((z) => z.id === l.item.identity?.zoneId)?.cityCode;
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    cityCode = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  const cityName = registry.cities.find((c) => c.code === cityCode)?.name ?? '';
  const judged = judgeInbox(loaded.map((l) => l.item), { registry, ...(cityCode ? { cityCode } : {}), setVersion: setVersionFor });
  const byKey = new Map(loaded.map((l) => [l.item.key, l]));
  const valid = judged.filter((j) => j.verdict === 'accepted').map((j) => byKey.get(j.key)!);
  const periods = valid.map((l) => l.item.identity!.period).sort(comparePeriods);
  const period = args.period ?? periods.at(-1);
  const rejected = judged.filter((j) => j.verdict === 'rejected').map((j) => ({ file: j.fileName, reason: j.reason }));
  const superseded = judged.filter((j) => j.verdict === 'superseded' || j.verdict === 'duplicate').map((j) => ({ file: j.fileName, verdict: j.verdict, reason: j.reason, by: byKey.get(j.supersededBy ?? '')?.item.fileName }));
  const inPeriod = period ? valid.filter((l) => samePeriod(l.item.identity!.period, period)) : [];
  const accepted = inPeriod.map((l) => ({ file: l.item.fileName, zoneId: l.item.identity!.zoneId, zoneName: registry.zones.find((z) => z.id === l.item.identity!.zoneId)?.name, revision: l.item.identity!.revision, exportedAt: l.item.identity!.exportedAt }));
  const present = new Set(inPeriod.map((l) => l.item.identity!.zoneId));
  const setIds = new Set(inPeriod.map((l) => l.ret!.indicatorSet.id));
  const missing = registry.zones.filter((z) => z.cityCode === cityCode && !present.has(z.id)).map((z) => ({ zoneId: z.id, zoneName: z.name }));
  if (!period || inPeriod.length === 0) {
    print({ ok: false, city: cityName, period: period ? periodKey(period) : null, accepted, rejected, superseded, missing });
    process.stderr.write(`没有可汇总的有效报表${period ? `（${periodLabel(period)}）` : ''}。\n`);
    return 1;
  }
  // One figures table per indicator set used (industrial and tourism zones may use different sets).
  const figures: Record<string, unknown> = {};
  const ranks: Record<string, unknown> = {};
  const outcomes: Record<string, string> = {};
  const problems: unknown[] = [];
  let summaryFile: string | undefined;
  for (const setId of setIds) {
    const rets = inPeriod.map((l) => l.ret!).filter((r) => r.indicatorSet.id === setId);
    const set = findIndicatorSet(setId, rets[0]!.indicatorSet.version);
    if (!set) continue;
    const c = cityFigures(set, rets, { registry });
    if (!c.ok) {
      problems.push(...c.issues);
      continue;
    }
    for (const [code, f] of Object.entries(c.value.figures)) figures[code] = { name: f.name, unit: f.unit, value: f.value, lastYear: f.lastYear, growthPct: f.growthPct, targetPct: f.targetPct, gapPoints: f.gapPoints, zones: f.zones };
    Object.assign(ranks, c.value.ranks);
    Object.assign(outcomes, c.value.outcomes);
    if (args.output !== undefined && cityCode) {
      const w = await writeCitySummaryWorkbook({ format: 'zone-returns/city-summary@1', summaryId: uuidV4(), revision: 1, exportedAt: new Date().toISOString(), city: { code: cityCode, name: cityName }, period, indicatorSet: { id: set.id, version: set.version }, figures: c.value.figures, ranks: c.value.ranks, returns: rets });
      const saved = await writeFileAtomic(args.output, w.bytes);
      if (saved.kind !== 'written') {
        process.stderr.write(`市汇总表未能写入：${saved.message}\n`);
        return 2;
      }
      summaryFile = args.output;
    }
  }
  const ok = Object.keys(figures).length > 0;
  print({ ok, city: cityName, period: periodKey(period), periodLabel: periodLabel(period), accepted, rejected, superseded, missing, figures, ranks, outcomes, problems, ...(summaryFile ? { summaryWorkbook: summaryFile } : {}) });
  const g = figures['gyzjz'] as { value: number | null; growthPct: number | null } | undefined;
  process.stderr.write(
    `${cityName}${periodLabel(period)}：收到 ${files.length} 个文件，采用 ${accepted.length} 份，退回 ${rejected.length} 份，被取代 ${superseded.length} 份，未报 ${missing.length} 个开发区。` +
      (g?.value != null ? `规上工业增加值 ${g.value.toFixed(2)}亿元${g.growthPct != null ? `，同比增长 ${g.growthPct.toFixed(2)}%` : ''}。` : '') +
      '\n',
  );
  return ok ? 0 : 1;
}
