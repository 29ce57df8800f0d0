/**
 * `zone-returns import-ledger <file> [--sheet 名称] [--mapping mapping.json] [--kind roster|indicators] [--zone id] [--set id]`
 * Reads a ledger (in a worker thread, with the same limits as the app) and prints, as JSON, the
 * mapped rows, every issue, and the mapping used (re-usable as --mapping).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  indicatorLedgerTargets,
  indicatorRowsFromLedger,
  mapLedgerTable,
  normaliseName,
  parseSavedMapping,
  rosterTargets,
  toSavedMapping,
  ZONE_TARGET_CODE,
  type MappedValue,
  type SavedMapping,
} from '../../src-shared/ledger';
import type { IndicatorValue, UserIssue } from '../../src-shared/model';
import { allIndicators, builtinIndicatorSets, builtinZoneRegistry, findIndicatorSet } from '../../src-shared/seeds';
import { parseLedgerInWorker } from '../excel/parse-in-worker';

const USAGE = '用法: zone-returns import-ledger <台账文件> [--sheet 工作表名] [--mapping mapping.json] [--kind roster|indicators] [--zone 开发区id] [--set 指标体系id] [--timeout 秒]';

interface Args {
  file: string;
  sheet?: string;
  mapping?: string;
  kind: 'roster' | 'indicators';
  set?: string;
  zone?: string;
  timeoutMs?: number;
}

function parseArgs(args: string[]): Args | string {
  let file: string | undefined;
  const out: Partial<Args> = { kind: 'roster' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const value = (): string | undefined => {
      i += 1;
      return args[i];
    };
    if (a === '--sheet') {
      const v = value();
      if (v === undefined) return '--sheet 后面要写工作表名。';
      out.sheet = v;
    } else if (a === '--mapping') {
      const v = value();
      if (v === undefined) return '--mapping 后面要写映射文件的路径。';
      out.mapping = v;
    } else if (a === '--kind') {
      const v = value();
      if (v !== 'roster' && v !== 'indicators') return '--kind 只能是 roster（项目台账）或 indicators（指标台账）。';
      out.kind = v;
    } else if (a === '--set') {
      const v = value();
      if (v === undefined) return '--set 后面要写指标体系 id。';
      out.set = v;
    } else if (a === '--zone') {
      const v = value();
      if (v === undefined) return '--zone 后面要写开发区 id（如 jincheng-kfq），表中没有“开发区”一列时用它。';
      out.zone = v;
    } else if (a === '--timeout') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) return '--timeout 后面要写秒数。';
      out.timeoutMs = v * 1000;
    } else if (a.startsWith('--')) {
      return `不认识的参数 ${a}。`;
    } else if (file === undefined) {
      file = a;
    } else {
      return `多余的参数 ${a}：一次只能导入一个文件。`;
    }
  }
  if (file === undefined) return '请给出要导入的台账文件。';
  return { ...out, file, kind: out.kind ?? 'roster' };
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const fileName = basename(args.file);
  const set = args.set ? findIndicatorSet(args.set) : builtinIndicatorSets()[0];
  if (!set) {
    process.stderr.write(`找不到指标体系「${args.set ?? ''}」。\n`);
    return 2;
  }
  let saved: SavedMapping | undefined;
  if (args.mapping !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(args.mapping, 'utf8'));
    } catch (err) {
      print({ file: args.file, ok: false, issues: [{ code: 'bad-mapping', severity: 'error', message: `映射文件「${args.mapping}」无法读取或不是 JSON（${err instanceof Error ? err.message : String(err)}）。`, location: { file: args.mapping } }] });
      return 1;
    }
    const parsed = parseSavedMapping(json, args.mapping);
    if (!parsed.ok) {
      print({ file: args.file, ok: false, issues: parsed.issues });
      return 1;
    }
    saved = parsed.value;
  }
  let bytes: Uint8Array;
  try {
    if (!statSync(args.file).isFile()) throw new Error('不是文件');
    bytes = readFileSync(args.file);
  } catch (err) {
    print({ file: args.file, ok: false, issues: [{ code: 'unreadable', severity: 'error', message: `无法打开文件「${args.file}」（${err instanceof Error ? err.message : String(err)}）。请检查路径。`, location: { file: args.file } }] });
    return 1;
  }
  const targets = args.kind === 'indicators' ? indicatorLedgerTargets(allIndicators(set)) : rosterTargets(set.roster.fields);
  const parsed = await parseLedgerInWorker({ bytes, fileName, targets, ...(args.sheet === undefined ? {} : { sheet: args.sheet }) }, args.timeoutMs === undefined ? {} : { timeoutMs: args.timeoutMs });
  if (!parsed.ok) {
    print({ file: args.file, ok: false, issues: parsed.issues });
    return 1;
  }
  const zones = builtinZoneRegistry().zones;
  const zoneByName = new Map(zones.map((z) => [normaliseName(z.name), z.id]));
  for (const z of zones) zoneByName.set(z.id, z.id);
  const resolveZone = (text: string): string | undefined => zoneByName.get(normaliseName(text));

  const issues: UserIssue[] = [...parsed.value.issues];
  const mappings: Record<string, SavedMapping> = {};
  const rows: Array<Record<string, unknown>> = [];
  for (const table of parsed.value.tables) {
    const mapped = mapLedgerTable(table, { fileName, targets, ...(saved ? { saved, savedSource: 'file' as const } : {}) });
    mappings[table.sheet] = toSavedMapping(mapped.mapping);
    issues.push(...mapped.issues);
    if (args.kind === 'indicators') {
      for (const r of indicatorRowsFromLedger(mapped, allIndicators(set), { defaultZoneId: args.zone ?? null, resolveZone })) {
        issues.push(...r.issues);
        const values: Record<string, IndicatorValue> = r.values;
        rows.push({ sheet: r.sheet, row: r.row, zoneId: r.zoneId, values });
      }
    } else {
      for (const r of mapped.rows) {
        issues.push(...r.issues);
        const values: Record<string, MappedValue> = {};
        for (const [k, v] of Object.entries(r.values)) if (k !== ZONE_TARGET_CODE) values[k] = v;
        const zoneText = r.values[ZONE_TARGET_CODE];
        const row: Record<string, unknown> = { sheet: r.sheet, row: r.row, values };
        if (typeof zoneText === 'string') row.zone = { text: zoneText, id: resolveZone(zoneText) ?? null };
        rows.push(row);
      }
    }
  }
  const first = parsed.value.tables[0];
  print({
    file: args.file,
    ok: true,
    format: parsed.value.format,
    ...(parsed.value.encoding ? { encoding: parsed.value.encoding } : {}),
    indicatorSet: { id: set.id, version: set.version },
    sheets: parsed.value.sheets,
    mapping: first ? mappings[first.sheet] : undefined,
    mappings,
    rows,
    issues,
  });
  return 0;
}
