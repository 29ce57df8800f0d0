/**
 * `zone-returns check <return.json> [--last-year <return.json>] [--set <indicator-set.json>] [--registry <zones.json>] [--zone-type industrial|tourism|agricultural]`
 * Reads a return in the canonical JSON form, computes every figure and validates it; prints
 * `{ return, figures, issues, summary, fileIssues? }` as JSON. Exit 0: no hard errors (warnings may remain);
 * 1: hard errors; 2: the file cannot be read or is not a valid return (messages on stderr in Chinese).
 * `--set` checks with an indicator set from a file instead of the built-in ones (a new year's set is data),
 * and refuses a malformed set with the JSON path of each problem. The set must be of the return's year.
 * The zone's type comes from the registry (built-in, or `--registry`); `--zone-type` is only for a zone
 * the registry does not hold yet (then `unknown-zone` is a warning), and may not contradict the registry.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { computeReturn } from '../../src-shared/compute';
import type { IndicatorSet, Result, UserIssue, ZoneReturn, ZoneType } from '../../src-shared/model';
import { dueDate, periodKey, periodLabel } from '../../src-shared/period';
import { parseReturn } from '../../src-shared/return';
import { builtinZoneRegistry, checkSetForPeriod, findIndicatorSet, parseIndicatorSet, parseZoneRegistry, ZONE_TYPE_NAMES, ZONE_TYPES } from '../../src-shared/seeds';
import { hasHardErrors, unexplainedWarnings, validateReturn } from '../../src-shared/validate';

const USAGE =
  '用法: zone-returns check <报表.json> [--last-year <上年同期报表.json>] [--set <指标集.json>] [--registry <开发区名录.json>] [--zone-type industrial|tourism|agricultural]\n' +
  '  --set       用指标集文件代替内置指标集（须与报表的指标集编号、版本和年份一致）\n' +
  '  --registry  用开发区名录文件代替内置名录（如市商务局从「设置 → 开发区名录」导出的文件）\n' +
  '  --zone-type 仅用于名录中还没有的开发区：按该类型检查，并提示“不在名录中”；不能与名录中的类型矛盾';
const MAX_BYTES = 50 * 1024 * 1024;

interface CheckArgs {
  input: string;
  lastYear?: string;
  zoneType?: ZoneType;
  set?: string;
  registry?: string;
}

export function parseCheckArgs(args: string[]): CheckArgs | string {
  let input: string | undefined;
  let lastYear: string | undefined;
  let zoneType: ZoneType | undefined;
  let set: string | undefined;
  let registry: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--last-year') {
      lastYear = args[++i];
      if (lastYear === undefined) return '--last-year 后面要写上年同期报表的 JSON 文件名。';
    } else if (arg === '--zone-type') {
      const t = args[++i];
      const known = ZONE_TYPES.find((x) => x === t);
      if (!known) return `--zone-type 只能是 ${ZONE_TYPES.map((x) => `${x}（${ZONE_TYPE_NAMES[x]}）`).join('、')}，实为「${t ?? ''}」。`;
      zoneType = known;
    } else if (arg === '--registry') {
      registry = args[++i];
      if (registry === undefined) return '--registry 后面要写开发区名录的 JSON 文件名。';
    } else if (arg === '--set') {
      set = args[++i];
      if (set === undefined) return '--set 后面要写指标集的 JSON 文件名。';
    } else if (arg.startsWith('-')) {
      return `不认识的参数「${arg}」。`;
    } else if (input === undefined) {
      input = arg;
    } else {
      return `多余的参数「${arg}」：一次只检查一张报表。`;
    }
  }
  if (input === undefined) return '缺少要检查的报表文件（JSON）。';
  const parsed: CheckArgs = { input };
  if (lastYear !== undefined) parsed.lastYear = lastYear;
  if (zoneType !== undefined) parsed.zoneType = zoneType;
  if (set !== undefined) parsed.set = set;
  if (registry !== undefined) parsed.registry = registry;
  return parsed;
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `第${line}行第${offset - before.lastIndexOf('\n')}列`;
}

/**
 * Where JSON.parse stopped. V8 gives `at position N` for some errors and only a quoted excerpt
 * (`Unexpected token '}', ...""zoneId": }" is not valid JSON`) for others, so the excerpt is found in the text.
 */
export function syntaxErrorOffset(message: string, text: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const excerpt = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!excerpt) return undefined;
  const [, token = '', context = ''] = excerpt;
  const at = text.indexOf(context);
  const inContext = context.lastIndexOf(token);
  return at >= 0 && inContext >= 0 ? at + inContext : undefined;
}

type Loaded<T> = Result<T>;

/** Reads a JSON file; `what` names it in messages (报表文件, 指标集文件). */
function loadJson<T>(path: string, what: string, parse: (json: unknown, file: string) => Result<T>): Loaded<T> {
  const file = basename(path);
  const problem = (code: string, message: string): Loaded<T> => ({ ok: false, issues: [{ code, severity: 'error', message, location: { file } }] });
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_BYTES) return problem('too-large', `${what} ${file} 太大（${size} 字节），不是本程序的 JSON 文件。请确认选择的文件。`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? '文件不存在' : error instanceof Error ? error.message : String(error);
    return problem('unreadable', `无法读取${what} ${file}（${reason}）。请检查文件名和路径。`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const offset = error instanceof Error ? syntaxErrorOffset(error.message, text) : undefined;
    const where = offset !== undefined ? `，位置在${lineColumn(text, offset)}` : '';
    return problem('not-json', `${what} ${file} 不是有效的 JSON${where}。请用本程序导出的文件，或改正该处的格式。`);
  }
  return parse(json, file);
}

const loadReturn = (path: string): Loaded<ZoneReturn> => loadJson(path, '报表文件', parseReturn);

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function refuse(issues: UserIssue[]): number {
  for (const i of issues.filter((x) => x.severity === 'error')) process.stderr.write(`${i.message}\n`);
  print({ ok: false, issues });
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseCheckArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const loaded = loadReturn(args.input);
  if (!loaded.ok) return refuse(loaded.issues);
  const ret = loaded.value;
  const file = basename(args.input);

  let set: IndicatorSet | undefined;
  if (args.set !== undefined) {
    const loadedSet = loadJson(args.set, '指标集文件', parseIndicatorSet);
    if (!loadedSet.ok) return refuse(loadedSet.issues);
    set = loadedSet.value;
    if (set.id !== ret.indicatorSet.id || set.version !== ret.indicatorSet.version) {
      return refuse([{ code: 'set-mismatch', severity: 'error', message: `报表文件 ${file} 使用指标集「${ret.indicatorSet.id} ${ret.indicatorSet.version}」，而 ${basename(args.set)} 是「${set.id} ${set.version}」，请选择对应的指标集。`, location: { file, path: '$.indicatorSet' } }]);
    }
  } else {
    set = findIndicatorSet(ret.indicatorSet.id, ret.indicatorSet.version);
  }
  if (!set) {
    return refuse([{ code: 'unknown-indicator-set', severity: 'error', message: `报表文件 ${file} 的 $.indicatorSet：本程序没有指标集「${ret.indicatorSet.id} ${ret.indicatorSet.version}」，请升级程序或改用对应版本的报表。`, location: { file, path: '$.indicatorSet' } }]);
  }
  const forPeriod = checkSetForPeriod(set, ret.period);
  if (!forPeriod.ok) return refuse(forPeriod.issues.map((i) => ({ ...i, message: `报表文件 ${file}：${i.message}`, location: { file, path: '$.indicatorSet' } })));
  let lastYearReturn: ZoneReturn | undefined;
  if (args.lastYear !== undefined) {
    const ly = loadReturn(args.lastYear);
    if (!ly.ok) return refuse(ly.issues);
    lastYearReturn = ly.value;
    if (lastYearReturn.zoneId !== ret.zoneId || lastYearReturn.period.year !== ret.period.year - 1 || lastYearReturn.period.endMonth !== ret.period.endMonth) {
      return refuse([{ code: 'not-last-year', severity: 'error', message: `上年同期报表 ${basename(args.lastYear)} 不是${ret.zoneId} ${periodLabel({ ...ret.period, year: ret.period.year - 1 })}的报表，请选择正确的文件。`, location: { file: basename(args.lastYear) } }]);
    }
  }

  let registry = builtinZoneRegistry();
  if (args.registry !== undefined) {
    const loadedRegistry = loadJson(args.registry, '开发区名录文件', parseZoneRegistry);
    if (!loadedRegistry.ok) return refuse(loadedRegistry.issues);
    registry = loadedRegistry.value;
  }
  const zone = registry.zones.find((z) => z.id === ret.zoneId);
  if (zone && args.zoneType && args.zoneType !== zone.type) {
    return refuse([{ code: 'zone-type-conflict', severity: 'error', message: `开发区名录中「${zone.name}」是${ZONE_TYPE_NAMES[zone.type]}开发区，--zone-type 却指定为${ZONE_TYPE_NAMES[args.zoneType]}；请去掉 --zone-type，或先在名录中改正该开发区的类型。`, location: { file, path: '$.zoneId' } }]);
  }
  const zoneType = zone?.type ?? args.zoneType;
  const zoneTypeFrom = zone ? 'registry' : args.zoneType ? 'option' : 'default';
  const opts = { ...(zoneType ? { zoneType } : {}), ...(lastYearReturn ? { lastYearReturn } : {}), registry, zoneTypeGiven: zoneTypeFrom === 'option' };
  const computed = computeReturn(set, ret, opts);
  const issues = validateReturn(set, ret, computed, opts);
  const errors = issues.filter((i) => i.severity === 'error').length;

  print({
    return: {
      file,
      indicatorSet: ret.indicatorSet,
      zoneId: ret.zoneId,
      zoneName: zone?.name ?? null,
      zoneType: zoneType ?? 'industrial',
      // Where the type came from: the registry, --zone-type (zone not in the registry), or the default.
      zoneTypeFrom,
      registryVersion: registry.version,
      period: ret.period,
      periodKey: periodKey(ret.period),
      periodLabel: periodLabel(ret.period),
      dueDate: dueDate(set, ret.period),
    },
    figures: computed.figures,
    issues,
    summary: { errors, warnings: issues.length - errors, unexplainedWarnings: unexplainedWarnings(issues).length },
    // Problems of the file's form that did not stop reading it (an unknown key, dropped).
    ...(loaded.issues.length > 0 ? { fileIssues: loaded.issues } : {}),
  });
  return hasHardErrors(issues) ? 1 : 0;
}
