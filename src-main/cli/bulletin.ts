/**
 * `zone-returns bulletin <报送工作簿.xlsx | 报表.json …> [--style 样式] [--reference 参照.json|.xlsx] [-o 通报.docx] [--text]`:
 * consolidates the returns, drafts the bulletin's figure sentences in the bureau's house style,
 * writes a .docx and/or prints the text. Gaps (figures that cannot be computed) are listed on stderr.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import {
  BUILTIN_STYLE_IDS,
  builtinBulletinStyle,
  bulletinDocx,
  bulletinInputForZone,
  bulletinInputFromReturns,
  bulletinText,
  defaultStyleFor,
  draftBulletin,
  parseBulletinStyle,
  parseReferenceFigures,
  readReferenceWorkbook,
  type BulletinStyle,
  type ReferenceFigures,
} from '../../src-shared/bulletin';
import type { IndicatorSet, Result, UserIssue } from '../../src-shared/model';
import { builtinZoneRegistry } from '../../src-shared/seeds';
import { writeFileAtomic } from '../files/atomic-write';
import { gatherReturns } from './bulletin-inputs';

const USAGE = `用法: zone-returns bulletin <报送工作簿.xlsx | 报表.json …> [--style ${BUILTIN_STYLE_IDS.join('|')}|样式.json] [--reference 参照.json|参照.xlsx] [-o 通报.docx] [--text]`;

interface Args {
  files: string[];
  style?: string;
  reference?: string;
  output?: string;
  text: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], text: false };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i] ?? '';
    const next = () => {
      const n = argv[++i];
      return n === undefined || n.startsWith('-') ? undefined : n;
    };
    if (v === '--text') a.text = true;
    else if (v === '--style' || v === '--reference' || v === '-o' || v === '--output') {
      const n = next();
      if (n === undefined) return `${v} 后缺少文件名。`;
      if (v === '--style') a.style = n;
      else if (v === '--reference') a.reference = n;
      else a.output = n;
    } else if (v.startsWith('-')) return `未知参数 ${v}。`;
    else a.files.push(v);
  }
  return a.files.length === 0 ? '缺少报表文件。' : a;
}

function readJson(path: string): Result<unknown> {
  try {
    return { ok: true, value: JSON.parse(readFileSync(path, 'utf8')), issues: [] };
  } catch (error) {
    return { ok: false, issues: [{ code: 'bad-file', severity: 'error', message: `无法读取 ${basename(path)}（${error instanceof Error ? error.message : String(error)}）。`, location: { file: basename(path) } }] };
  }
}

function loadStyle(spec: string, set: IndicatorSet): Result<BulletinStyle> {
  const builtin = BUILTIN_STYLE_IDS.find((id) => id === spec);
  if (builtin) return { ok: true, value: builtinBulletinStyle(builtin, set), issues: [] };
  const json = readJson(spec);
  return json.ok ? parseBulletinStyle(json.value, set, spec) : json;
}

function loadReference(path: string, set: IndicatorSet): Result<ReferenceFigures> {
  const registry = builtinZoneRegistry();
  if (['.xlsx', '.xls', '.csv'].includes(extname(path).toLowerCase())) {
    try {
      return readReferenceWorkbook(new Uint8Array(readFileSync(path)), set, registry, basename(path));
    } catch (error) {
      return { ok: false, issues: [{ code: 'bad-file', severity: 'error', message: `无法读取 ${basename(path)}（${error instanceof Error ? error.message : String(error)}）。` }] };
    }
  }
  const json = readJson(path);
  return json.ok ? parseReferenceFigures(json.value, set, basename(path), registry.zones.map((z) => z.id)) : json;
}

function failWith(issues: UserIssue[]): number {
  process.stdout.write(JSON.stringify({ ok: false, issues }, null, 2) + '\n');
  process.stderr.write(issues.map((i) => i.message).join('\n') + '\n');
  return 1;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const gathered = await gatherReturns(args.files);
  if (!gathered.ok) return failWith(gathered.issues);
  const { set, returns } = gathered.value;
  const registry = builtinZoneRegistry();
  const firstZone = registry.zones.find((z) => z.id === returns[0]?.zoneId);
  const cityName = registry.cities.find((c) => c.code === firstZone?.cityCode)?.name ?? '';
  const style = loadStyle(args.style ?? defaultStyleFor(cityName), set);
  if (!style.ok) return failWith(style.issues);
  let reference: ReferenceFigures = {};
  if (args.reference) {
    const ref = loadReference(args.reference, set);
    if (!ref.ok) return failWith(ref.issues);
    reference = ref.value;
  }
  // The zone style drafts a zone's own bulletin from its one return, named after the zone.
  const only = returns.length === 1 ? returns[0] : undefined;
  const input =
    style.value.id === 'zone' && only
      ? bulletinInputForZone(set, only, { registry, reference })
      : bulletinInputFromReturns(set, returns, { registry, reference, ...(style.value.cityZoneTypes ? { cityZoneTypes: style.value.cityZoneTypes } : {}) });
  if (!input.ok) return failWith(input.issues);
  const draft = draftBulletin(input.value, style.value);
  const text = bulletinText(draft);
  if (args.output) {
    const target = resolve(args.output);
    const saved = await writeFileAtomic(target, await bulletinDocx(draft));
    if (saved.kind !== 'written') return failWith([{ code: 'write-failed', severity: 'error', message: saved.message, location: { file: basename(target) } }]);
  }
  if (args.text || !args.output) process.stdout.write(text);
  else process.stdout.write(JSON.stringify({ ok: true, file: resolve(args.output), title: draft.title, style: `${draft.styleId} ${draft.styleVersion}`, gaps: draft.gaps }, null, 2) + '\n');
  if (draft.gaps.length > 0) process.stderr.write(`通报中有 ${draft.gaps.length} 处缺数（【缺：…】）：\n${draft.gaps.map((g) => `  ${g.text}：${g.reason}`).join('\n')}\n`);
  return 0;
}
