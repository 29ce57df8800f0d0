/**
 * The preview: each mapped row as it will be stored, compared with the rows the app already has
 * (matched by project name and zone), with near-duplicate names flagged and problems attached.
 */
import type { UserIssue } from '../model';
import { issue } from './issues';
import { toHalfWidth } from './normalise-value';
import { ZONE_TARGET_CODE } from './targets';
import type { MappedRow, MappedValue, MappingTarget } from './types';

/** A stored roster row as the preview needs it: its id, zone and field values. */
export interface ExistingRow {
  id: string;
  zoneId: string;
  values: Record<string, MappedValue | undefined>;
}

export type PreviewStatus = 'new' | 'changed' | 'unchanged' | 'invalid';

export interface FieldChange {
  field: string;
  from: MappedValue | undefined;
  to: MappedValue;
}

export interface PreviewRow {
  /** Stable key within this preview: `sheet!row`. */
  key: string;
  sheet: string;
  row: number;
  zoneId: string | null;
  status: PreviewStatus;
  /** The values as they will be stored: the existing row's values overlaid with the mapped ones. */
  values: Record<string, MappedValue>;
  existingId?: string;
  changes: FieldChange[];
  /** Stored rows with a similar (not equal) name in the same zone: maybe the same project. */
  nearDuplicates: Array<{ id: string; name: string }>;
  issues: UserIssue[];
  /** Excluded by default when the row cannot be imported. */
  excluded: boolean;
}

export interface PreviewSummary {
  new: number;
  changed: number;
  unchanged: number;
  invalid: number;
  nearDuplicates: number;
}

export interface Preview {
  rows: PreviewRow[];
  summary: PreviewSummary;
}

export interface DiffOptions {
  /** Fields that identify a project within a zone (the set's `roster.keyFields`). */
  keyFields: string[];
  targets: MappingTarget[];
  /** The zone rows belong to when the ledger has no zone column. */
  defaultZoneId: string | null;
  /** Zone text in a ledger (晋城开发区) → zone id; undefined when unknown. */
  resolveZone?: (text: string) => string | undefined;
  /** false: leave the near-duplicate search out, to run it later with `flagNearDuplicates`. */
  nearDuplicates?: boolean;
}

/** Name as compared: half-width, no spaces or punctuation, lower case. */
export function normaliseName(name: string): string {
  return toHalfWidth(name)
    .toLowerCase()
    .replace(/[\s\u00a0·•.,，。、;；:："'“”‘’()（）\[\]【】《》<>\-—_/\\]+/g, '');
}

/** Two rows of the edit-distance table, reused from call to call (names are short; grown when not). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance (in UTF-16 code units), stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (previousRow.length <= n) {
    previousRow = new Int32Array(n + 1);
    currentRow = new Int32Array(n + 1);
  }
  let prev = previousRow;
  let cur = currentRow;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (ai === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[n] ?? 0;
}

/** Similar enough to ask the clerk: one name inside the other, or a few characters apart. */
export function isNearDuplicate(a: string, b: string): boolean {
  if (a === b || a.length === 0 || b.length === 0) return false;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length >= 4 && longer.includes(shorter)) return true;
  // One typo per seven characters or so; short names must match exactly (甲 and 乙 are not alike).
  const max = Math.floor(longer.length * 0.15);
  if (max === 0) return false;
  return editDistance(a, b, max) <= max;
}

function sameValue(a: MappedValue | undefined, b: MappedValue): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === '')) return true;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

function bigrams(name: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < name.length; i++) out.add(name.slice(i, i + 2));
  return [...out];
}

/**
 * The stored names of one zone, indexed by character pairs, so that near duplicates are looked for
 * among names sharing enough pairs rather than among all of them (20,000 ledger rows against
 * thousands of stored ones would otherwise take tens of seconds).
 */
class NameIndex {
  private readonly names: string[] = [];
  private readonly pairCounts: number[] = [];
  private readonly rows: ExistingRow[] = [];
  private readonly byPair = new Map<string, number[]>();
  private counts = new Int32Array(0);

  add(row: ExistingRow, name: string): void {
    const at = this.names.length;
    const pairs = bigrams(name);
    this.names.push(name);
    this.pairCounts.push(pairs.length);
    this.rows.push(row);
    for (const pair of pairs) {
      const list = this.byPair.get(pair);
      if (list) list.push(at);
      else this.byPair.set(pair, [at]);
    }
  }

  nearDuplicates(name: string): ExistingRow[] {
    if (name.length < 2) return [];
    const pairs = bigrams(name);
    // Most edits a candidate may be away (the longer name sets the allowance, so allow for it).
    const edits = Math.floor(Math.floor(name.length / 0.85) * 0.15);
    // Pairs most names have (项目 ends nearly every name) tell little and cost a pass over all
    // names: they are not counted, and every bar below is lowered by their number, so the search stays exact.
    const common = Math.max(64, this.names.length / 4);
    const informative = pairs.filter((p) => (this.byPair.get(p)?.length ?? 0) <= common);
    const skipped = pairs.length - informative.length;
    // A name a few edits away shares all but two pairs per edit; a name inside this one shares all its
    // own pairs (three or more, as it has four characters or more); this name inside another, all of ours.
    if (Math.min(pairs.length - 2 * edits, 3) - skipped <= 0) return this.rows.filter((_, i) => isNearDuplicate(name, this.names[i] ?? ''));
    if (this.counts.length < this.names.length) this.counts = new Int32Array(this.names.length);
    const touched: number[] = [];
    for (const pair of informative) {
      for (const i of this.byPair.get(pair) ?? []) {
        if (this.counts[i] === 0) touched.push(i);
        this.counts[i] = (this.counts[i] ?? 0) + 1;
      }
    }
    const out: ExistingRow[] = [];
    for (const i of touched) {
      const shared = (this.counts[i] ?? 0) + skipped;
      this.counts[i] = 0;
      const other = this.names[i] ?? '';
      const row = this.rows[i];
      if (!row) continue;
      const edited = shared >= pairs.length - 2 * edits && Math.abs(other.length - name.length) <= edits;
      const inside = other.length >= 4 && other.length < name.length && shared >= (this.pairCounts[i] ?? 0);
      const around = name.length >= 4 && other.length > name.length && shared >= pairs.length;
      if ((edited || inside || around) && isNearDuplicate(name, other)) out.push(row);
    }
    return out;
  }
}

/** Stored names of each zone, indexed for the near-duplicate search. */
function indexByZone(existing: ExistingRow[], nameField: string | undefined): Map<string, NameIndex> {
  const byZone = new Map<string, NameIndex>();
  if (nameField === undefined) return byZone;
  for (const row of existing) {
    let index = byZone.get(row.zoneId);
    if (!index) {
      index = new NameIndex();
      byZone.set(row.zoneId, index);
    }
    index.add(row, normaliseName(String(row.values[nameField] ?? '')));
  }
  return byZone;
}

/** Flags one new row whose name is near a stored name of its own zone (only that zone's names are searched). */
function flagRow(out: PreviewRow, byZone: Map<string, NameIndex>, nameField: string | undefined): void {
  if (nameField === undefined || out.zoneId === null || out.existingId !== undefined) return;
  const values = out.values;
  const name = normaliseName(String(values[nameField] ?? ''));
  for (const candidate of byZone.get(out.zoneId)?.nearDuplicates(name) ?? []) {
    out.nearDuplicates.push({ id: candidate.id, name: String(candidate.values[nameField] ?? '') });
  }
  if (out.nearDuplicates.length > 0) {
    out.issues.push(
      issue('near-duplicate', 'warning', `第 ${out.row} 行「${String(values[nameField] ?? '')}」与已有项目「${out.nearDuplicates.map((d) => d.name).join('」「')}」名称相近，可能是同一个项目。如是，请在预览中这一行选“视为同一项目”（按已有项目更新，名称不变）；如不是，保持“作为新项目”。`, { sheet: out.sheet, row: out.row }, String(values[nameField] ?? '')),
    );
  }
}

/**
 * The near-duplicate search on its own, for a preview made with `nearDuplicates: false`: the
 * preview is shown first, and this runs afterwards (in a worker) and its flags are shown when
 * they arrive. Returns a new preview; the one given is not changed.
 */
export function flagNearDuplicates(preview: Preview, existing: ExistingRow[], opts: Pick<DiffOptions, 'keyFields'>): Preview {
  const byZone = indexByZone(existing, opts.keyFields[0]);
  const rows = preview.rows.map((r) => {
    if (r.status !== 'new') return r;
    const out: PreviewRow = { ...r, nearDuplicates: [], issues: r.issues.filter((i) => i.code !== 'near-duplicate') };
    flagRow(out, byZone, opts.keyFields[0]);
    return out;
  });
  return { rows, summary: { ...preview.summary, nearDuplicates: rows.filter((r) => r.nearDuplicates.length > 0).length } };
}

/**
 * The row as an update of a stored project: the stored values overlaid with the ledger's, its
 * changes, changed or unchanged. `keep` fields keep their stored value (the name of a project
 * the clerk said is the same as a stored one of a similar name).
 */
function asUpdateOf(row: PreviewRow, values: Record<string, MappedValue>, match: ExistingRow, fieldCodes: string[], keep: readonly string[] = []): PreviewRow {
  const merged: Record<string, MappedValue> = {};
  const changes: FieldChange[] = [];
  for (const code of fieldCodes) {
    const old = match.values[code];
    if (old !== undefined) merged[code] = old;
  }
  for (const [k, v] of Object.entries(values)) {
    if (keep.includes(k)) continue;
    if (!sameValue(match.values[k], v)) changes.push({ field: k, from: match.values[k], to: v });
    merged[k] = v;
  }
  return { ...row, existingId: match.id, values: merged, changes, status: changes.length > 0 ? 'changed' : 'unchanged' };
}

/**
 * The clerk's answers to 名称相近: for a row key, the id of the stored project it is the same as
 * (视为同一项目); a row not in the map stays a new project (作为新项目).
 */
export type NearDuplicateChoices = ReadonlyMap<string, string>;

/**
 * The preview with the clerk's 视为同一项目 choices applied: each such row becomes an update of the
 * stored project it was said to be (its stored name kept, the ledger's other values written), as if
 * the names had matched. Rows that cannot be imported and choices naming no candidate are left as they are.
 */
export function applyNearDuplicateChoices(preview: Preview, choices: NearDuplicateChoices, existing: ExistingRow[], opts: Pick<DiffOptions, 'keyFields' | 'targets'>): Preview {
  if (choices.size === 0) return preview;
  const byId = new Map(existing.map((r) => [r.id, r] as const));
  const fieldCodes = opts.targets.map((t) => t.code).filter((c) => c !== ZONE_TARGET_CODE);
  const rows = preview.rows.map((r) => {
    const id = choices.get(r.key);
    const match = id === undefined ? undefined : byId.get(id);
    if (match === undefined || r.status !== 'new' || !r.nearDuplicates.some((d) => d.id === id)) return r;
    const updated = asUpdateOf(r, r.values, match, fieldCodes, opts.keyFields);
    return { ...updated, issues: r.issues.filter((i) => i.code !== 'near-duplicate') };
  });
  const summary: PreviewSummary = { new: 0, changed: 0, unchanged: 0, invalid: 0, nearDuplicates: 0 };
  for (const r of rows) {
    summary[r.status] += 1;
    if (r.nearDuplicates.length > 0) summary.nearDuplicates += 1;
  }
  return { rows, summary };
}

export function diffRows(mapped: MappedRow[], existing: ExistingRow[], opts: DiffOptions): Preview {
  const keyOf = (zoneId: string | null, values: Record<string, MappedValue | undefined>): string =>
    `${zoneId ?? ''}\u0000${opts.keyFields.map((f) => normaliseName(String(values[f] ?? ''))).join('\u0000')}`;
  const nameField = opts.keyFields[0];
  const stored = new Map<string, ExistingRow>();
  for (const row of existing) stored.set(keyOf(row.zoneId, row.values), row);
  const byZone = opts.nearDuplicates === false ? new Map<string, NameIndex>() : indexByZone(existing, nameField);
  const fieldCodes = opts.targets.map((t) => t.code).filter((c) => c !== ZONE_TARGET_CODE);
  const seen = new Map<string, number>();
  const rows: PreviewRow[] = mapped.map((m) => {
    const issues = [...m.issues];
    let zoneId = opts.defaultZoneId;
    const zoneText = m.values[ZONE_TARGET_CODE];
    if (typeof zoneText === 'string' && zoneText !== '') {
      const resolved = opts.resolveZone?.(zoneText);
      if (resolved) zoneId = resolved;
      else issues.push(issue('unknown-zone', 'error', `第 ${m.row} 行的开发区「${zoneText}」不在开发区名录中，这一行不能导入。请改成名录中的名称，或在预览中排除这一行。`, { sheet: m.sheet, row: m.row }, zoneText));
    }
    if (zoneId === null) issues.push(issue('no-zone', 'error', `第 ${m.row} 行不知道属于哪个开发区。请先选择开发区，或在台账中加一列“所属开发区”。`, { sheet: m.sheet, row: m.row }));
    const values: Record<string, MappedValue> = {};
    for (const [k, v] of Object.entries(m.values)) if (k !== ZONE_TARGET_CODE) values[k] = v;
    const key = keyOf(zoneId, values);
    const match = stored.get(key);
    const dupAt = seen.get(key);
    if (dupAt !== undefined && nameField !== undefined && values[nameField]) {
      issues.push(issue('duplicate-in-file', 'warning', `第 ${m.row} 行与第 ${dupAt} 行是同一个项目「${String(values[nameField])}」，导入后以后一行为准。请确认是否重复录入。`, { sheet: m.sheet, row: m.row }, String(values[nameField])));
    }
    seen.set(key, m.row);
    const invalid = issues.some((i) => i.severity === 'error');
    const out: PreviewRow = { key: `${m.sheet}!${m.row}`, sheet: m.sheet, row: m.row, zoneId, status: 'new', values, changes: [], nearDuplicates: [], issues, excluded: invalid };
    if (match) {
      Object.assign(out, asUpdateOf(out, values, match, fieldCodes));
    } else if (opts.nearDuplicates !== false) {
      flagRow(out, byZone, nameField);
    }
    if (invalid) out.status = 'invalid';
    return out;
  });
  const summary: PreviewSummary = { new: 0, changed: 0, unchanged: 0, invalid: 0, nearDuplicates: 0 };
  for (const r of rows) {
    summary[r.status] += 1;
    if (r.nearDuplicates.length > 0) summary.nearDuplicates += 1;
  }
  return { rows, summary };
}
