/**
 * Which column goes to which target: chosen automatically from the header text, or from a
 * mapping remembered for ledgers with the same header, or from a mapping file, or by the clerk.
 */
import type { Result, Unit, UserIssue } from '../model';
import { issue } from './issues';
import { headerParts, matchScore } from './match-header';
import type { ColumnAssignment, LedgerColumn, LedgerMapping, LedgerTable, MappingTarget, SavedMapping } from './types';
import { unitFromSpelling } from './units';

/**
 * A ledger's header signature: its flattened header texts in order, normalised. Ledgers with the
 * same columns get the same signature, whatever their rows, title or sheet name.
 */
export function headerSignature(columns: LedgerColumn[]): string {
  const text = columns.map((c) => headerParts(c.header).join('/')).join('|');
  // FNV-1a, 32 bit, twice with different seeds: short, stable, and collisions are only a wrong suggestion.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `h1:${columns.length}:${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

export function autoMapColumns(table: LedgerTable, targets: MappingTarget[]): LedgerMapping {
  const candidates: Array<{ column: number; target: string; score: number }> = [];
  table.columns.forEach((col, i) => {
    if (col.isIndex || col.hidden) return;
    for (const t of targets) {
      const score = matchScore(col.header, t);
      if (score > 0) candidates.push({ column: i, target: t.code, score });
    }
  });
  // Best pairs first; on a tie the column further left wins (the main column comes first).
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const taken = new Set<string>();
  const chosen = new Map<number, string>();
  for (const c of candidates) {
    if (taken.has(c.target) || chosen.has(c.column)) continue;
    taken.add(c.target);
    chosen.set(c.column, c.target);
  }
  return {
    signature: headerSignature(table.columns),
    columns: table.columns.map((col, i) => ({ column: i, header: col.header, target: chosen.get(i) ?? null, source: 'auto' as const })),
  };
}

/** Applies a remembered or file mapping: entries keyed by header text or by column letter win over the automatic choice. */
export function applySavedMapping(table: LedgerTable, targets: MappingTarget[], saved: SavedMapping, source: 'saved' | 'file'): Result<LedgerMapping> {
  const auto = autoMapColumns(table, targets);
  const known = new Set(targets.map((t) => t.code));
  const issues: UserIssue[] = [];
  const byKey = new Map<string, string | null>(Object.entries(saved.columns));
  const units = new Map<string, Unit>(Object.entries(saved.units ?? {}));
  const used = new Set<string>();
  const columns: ColumnAssignment[] = auto.columns.map((a) => {
    const col = table.columns[a.column];
    if (!col) return a;
    const keys = [col.header, col.letter, headerParts(col.header).join(' / ')];
    const key = keys.find((k) => byKey.has(k));
    const unitKey = keys.find((k) => units.has(k));
    const scaleKey = keys.find((k) => saved.percentScales?.[k] !== undefined);
    const out: ColumnAssignment = { ...a };
    if (key !== undefined) {
      used.add(key);
      const target = byKey.get(key) ?? null;
      if (target !== null && !known.has(target)) {
        issues.push(issue('mapping-unknown-target', 'warning', `映射中的字段「${target}」不在当前指标体系中，「${col.header}」列未导入。请在列映射中重新选择。`, { column: col.letter }, target));
        out.target = null;
      } else {
        out.target = target;
      }
      out.source = source;
    }
    if (unitKey !== undefined) {
      const unit = units.get(unitKey);
      if (unit) out.sourceUnit = unit;
    }
    const scale = scaleKey === undefined ? undefined : saved.percentScales?.[scaleKey];
    if (scale) out.percentScale = scale;
    return out;
  });
  // A target given to a column by the saved mapping is taken away from any column that only had it automatically.
  const explicit = new Set(columns.filter((c) => c.source === source && c.target !== null).map((c) => c.target));
  for (const c of columns) {
    if (c.source === 'auto' && c.target !== null && explicit.has(c.target)) c.target = null;
  }
  for (const key of byKey.keys()) {
    if (!used.has(key)) issues.push(issue('mapping-column-missing', 'warning', `映射中的列「${key}」在这份台账中找不到，已忽略。`, undefined, key));
  }
  return { ok: true, value: { signature: auto.signature, columns }, issues };
}

/** Changes one column's target; a target can be given to one column only, so it is taken from any other. */
export function setColumnTarget(mapping: LedgerMapping, column: number, target: string | null): LedgerMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column === column) return { ...c, target, source: 'user' as const };
      if (target !== null && c.target === target) return { ...c, target: null, source: 'user' as const };
      return c;
    }),
  };
}

export function setColumnUnit(mapping: LedgerMapping, column: number, unit: Unit | undefined): LedgerMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column !== column) return c;
      const { sourceUnit: _dropped, ...rest } = c;
      return unit ? { ...rest, sourceUnit: unit, source: 'user' as const } : { ...rest, source: 'user' as const };
    }),
  };
}

export function setColumnPercentScale(mapping: LedgerMapping, column: number, scale: 'fraction' | 'percent' | undefined): LedgerMapping {
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column !== column) return c;
      const { percentScale: _dropped, ...rest } = c;
      return scale ? { ...rest, percentScale: scale, source: 'user' as const } : { ...rest, source: 'user' as const };
    }),
  };
}

/** The mapping in its remembered form, keyed by header text. */
export function toSavedMapping(mapping: LedgerMapping): SavedMapping {
  const columns: Record<string, string | null> = {};
  const units: Record<string, Unit> = {};
  const percentScales: Record<string, 'fraction' | 'percent'> = {};
  for (const c of mapping.columns) {
    columns[c.header] = c.target;
    if (c.sourceUnit) units[c.header] = c.sourceUnit;
    if (c.percentScale) percentScales[c.header] = c.percentScale;
  }
  const out: SavedMapping = { format: 'zone-returns/ledger-mapping@1', signature: mapping.signature, columns };
  if (Object.keys(units).length > 0) out.units = units;
  if (Object.keys(percentScales).length > 0) out.percentScales = percentScales;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a mapping file (`--mapping mapping.json`); also accepts a bare `{ "表头": "字段" }` object. */
export function parseSavedMapping(json: unknown, source = 'mapping.json'): Result<SavedMapping> {
  const bad = (path: string, message: string): Result<SavedMapping> => ({
    ok: false,
    issues: [issue('bad-mapping', 'error', `映射文件「${source}」${message}`, { file: source, path })],
  });
  if (!isRecord(json)) return bad('$', '不是一个 JSON 对象。格式示例：{"columns": {"项目名称": "name", "投资额(万元)": "totalInvestment"}}');
  const rawColumns = 'columns' in json ? json.columns : json;
  if (!isRecord(rawColumns)) return bad('$.columns', '的 columns 应是“表头 → 字段代码”的对象。');
  const columns: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(rawColumns)) {
    if (k === 'format' || k === 'signature' || k === 'units' || k === 'percentScales') continue;
    if (v !== null && typeof v !== 'string') return bad(`$.columns.${k}`, `中「${k}」的值应是字段代码或 null。`);
    columns[k] = v;
  }
  const out: SavedMapping = { format: 'zone-returns/ledger-mapping@1', columns };
  if (typeof json.signature === 'string') out.signature = json.signature;
  if ('units' in json && json.units !== undefined) {
    if (!isRecord(json.units)) return bad('$.units', '的 units 应是“表头 → 单位”的对象。');
    const units: Record<string, Unit> = {};
    for (const [k, v] of Object.entries(json.units)) {
      const unit = typeof v === 'string' ? unitFromSpelling(v) : undefined;
      if (!unit) return bad(`$.units.${k}`, `中「${k}」的单位「${String(v)}」无法识别（可用：亿元、万元、元、%、亩、平方米、万平方米…）。`);
      units[k] = unit;
    }
    out.units = units;
  }
  if ('percentScales' in json && json.percentScales !== undefined) {
    if (!isRecord(json.percentScales)) return bad('$.percentScales', '的 percentScales 应是“表头 → fraction 或 percent”的对象。');
    const scales: Record<string, 'fraction' | 'percent'> = {};
    for (const [k, v] of Object.entries(json.percentScales)) {
      if (v !== 'fraction' && v !== 'percent') return bad(`$.percentScales.${k}`, `中「${k}」应为 fraction（小数，0.2035 = 20.35%）或 percent（百分数，20.35）。`);
      scales[k] = v;
    }
    out.percentScales = scales;
  }
  return { ok: true, value: out, issues: [] };
}
