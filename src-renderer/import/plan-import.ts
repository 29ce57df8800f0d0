/**
 * From the preview the clerk sees to what the database writes: rows to insert, fields to change,
 * indicator values to set. Pure, so the preview and the import can never disagree.
 */
import { diffRows, normaliseName, type ExistingRow, type LedgerTable, type IndicatorLedgerRow, type MappedLedger, type MappingTarget, type Preview, type PreviewRow } from '../../src-shared/ledger';
import type { RosterRow, UserIssue, Zone } from '../../src-shared/model';
import type { NewRosterRow, RowPatch, ValueCell } from '../db';

export function existingRowsOf(rows: RosterRow[], zoneId: string): ExistingRow[] {
  return rows.map((r) => {
    const values: ExistingRow['values'] = {};
    for (const [k, v] of Object.entries(r)) if (k !== 'id') values[k] = v ?? null;
    return { id: r.id, zoneId, values };
  });
}

/** Zone text in a ledger → zone id, by name (spacing and full-width forms ignored) or id. */
export function zoneResolver(zones: Zone[]): (text: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const z of zones) {
    byName.set(normaliseName(z.name), z.id);
    byName.set(normaliseName(z.id), z.id);
  }
  return (text) => byName.get(normaliseName(text));
}

/**
 * The preview for the clerk's zone (`nearDuplicates: false`: without the near-duplicate search, which
 * the import screen runs afterwards in a worker): rows of another zone (a city-wide ledger) are excluded and
 * say why, since an import writes into one zone's ledger.
 */
export function previewForZone(mapped: MappedLedger, existing: ExistingRow[], opts: { zone: Zone; zones: Zone[]; keyFields: string[]; targets: MappingTarget[]; nearDuplicates?: boolean }): Preview {
  const resolveZone = zoneResolver(opts.zones.length > 0 ? opts.zones : [opts.zone]);
  const preview = diffRows(mapped.rows, existing, { keyFields: opts.keyFields, targets: opts.targets, defaultZoneId: opts.zone.id, resolveZone, nearDuplicates: opts.nearDuplicates });
  const names = new Map(opts.zones.map((z) => [z.id, z.name]));
  const rows = preview.rows.map((r): PreviewRow => {
    if (r.zoneId === null || r.zoneId === opts.zone.id) return r;
    const other: UserIssue = {
      code: 'other-zone',
      severity: 'warning',
      message: `第 ${r.row} 行属于「${names.get(r.zoneId) ?? r.zoneId}」，不是本开发区（${opts.zone.name}），不导入。如需导入，请在设置中切换开发区后再导入这份台账。`,
      location: { sheet: r.sheet, row: r.row },
    };
    return { ...r, excluded: true, issues: [...r.issues, other] };
  });
  return { rows, summary: preview.summary };
}

export interface RosterPlan {
  insert: NewRosterRow[];
  update: RowPatch[];
  /** Rows left out (by the clerk, or because they cannot be imported). */
  skipped: number;
}

/** `isExcluded` decides per preview row (the clerk's choice, defaulting to the row's own `excluded`). */
export function planRosterImport(preview: Preview, isExcluded: (row: PreviewRow) => boolean, newId: () => string): RosterPlan {
  const insert: NewRosterRow[] = [];
  const update: RowPatch[] = [];
  // Two ledger rows for the same project: the later one wins, as the preview said.
  const updateById = new Map<string, RowPatch>();
  let skipped = 0;
  for (const row of preview.rows) {
    if (isExcluded(row) || row.status === 'invalid') {
      skipped += 1;
      continue;
    }
    if (row.status === 'unchanged') continue;
    if (row.status === 'changed' && row.existingId !== undefined) {
      const fields: RowPatch['fields'] = {};
      for (const c of row.changes) fields[c.field] = c.to;
      const patch = updateById.get(row.existingId) ?? { id: row.existingId, fields: {} };
      Object.assign(patch.fields, fields);
      updateById.set(row.existingId, patch);
      continue;
    }
    const record: NewRosterRow = { id: newId() };
    for (const [k, v] of Object.entries(row.values)) if (v !== null) record[k] = v;
    insert.push(record);
  }
  update.push(...updateById.values());
  return { insert, update, skipped };
}

/** Indicator values of the clerk's zone from a ledger of indicator values, as cells of one return. */
export function planValueImport(rows: IndicatorLedgerRow[], zoneId: string): { cells: ValueCell[]; issues: UserIssue[] } {
  const mine = rows.filter((r) => r.zoneId === zoneId);
  const cells: ValueCell[] = [];
  const issues: UserIssue[] = [];
  if (mine.length === 0) {
    issues.push({ code: 'zone-not-in-ledger', severity: 'error', message: '表中没有本开发区的一行。请确认“开发区”一列写的是本开发区的名称。' });
  }
  if (mine.length > 1) {
    issues.push({ code: 'zone-twice', severity: 'warning', message: `表中有 ${mine.length} 行属于本开发区（第 ${mine.map((r) => r.row).join('、')} 行），以最后一行为准。` });
  }
  const last = mine[mine.length - 1];
  if (last) {
    for (const [code, v] of Object.entries(last.values)) {
      if (typeof v.current === 'number') cells.push({ code, column: 'current', value: v.current });
      if (typeof v.lastYear === 'number') cells.push({ code, column: 'lastYear', value: v.lastYear });
    }
    if (!cells.some((c) => c.column === 'current')) {
      issues.push({
        code: 'no-current-values',
        severity: 'warning',
        message: `这份表里没有读到任何本期数${cells.length > 0 ? `（只有 ${cells.length} 个上年同期数）` : ''}：没有一列被认作“本期”。如本期数在某一列（如“1-3月累计”“本年累计”），请在上面的列映射中把它选为“本期”。`,
      });
    }
  }
  return { cells, issues };
}

/** What the batch record names as the sheet of an import of several sheets. */
export function sheetsLabel(sheets: string[]): string {
  return sheets.length === 1 ? (sheets[0] ?? '') : `全部工作表：${sheets.join('、')}`;
}

/**
 * Several sheets of one workbook, each mapped on its own, as one ledger for one preview and one
 * import: the rows in sheet order (their keys name their sheet), every sheet's issues. A project
 * on two sheets is one project, the later row winning, as for two rows of one sheet.
 */
export function mergeSheets(mapped: MappedLedger[]): MappedLedger | null {
  const first = mapped[0];
  if (first === undefined) return null;
  if (mapped.length === 1) return first;
  return {
    sheet: sheetsLabel(mapped.map((m) => m.sheet)),
    mapping: first.mapping,
    rows: mapped.flatMap((m) => m.rows),
    issues: mapped.flatMap((m) => m.issues),
    percentColumns: [],
  };
}

/** A row of the ledger that an import leaves out, and why. `key` is its preview row, if it has one. */
export interface SkippedRow {
  sheet: string;
  row: number;
  reason: string;
  key?: string;
}

function shortReason(row: PreviewRow, excludedByClerk: boolean): string {
  const problem = row.issues.find((i) => i.severity === 'error') ?? row.issues.find((i) => i.code === 'other-zone');
  // The message's first sentence, without the row it names (the list names it).
  if (problem) return `${problem.message.replace(/^第 \d+ 行/, '').replace(/^[，,：:\s]+/, '').split('。')[0] ?? ''}。`;
  return excludedByClerk ? '在预览中取消了勾选' : '不能导入';
}

/**
 * Every ledger row an import leaves out, in sheet order, with its reason: rows of the preview that
 * cannot be imported or that the clerk (or the zone check) left out, and the rows the reader
 * skipped (blank, repeated header, notes) and the 合计 / 小计 rows, which the preview does not list.
 */
export function skippedRows(preview: Preview | null, isExcluded: (row: PreviewRow) => boolean, tables: readonly LedgerTable[]): SkippedRow[] {
  const out: SkippedRow[] = [];
  for (const t of tables) {
    for (const s of t.skipped) out.push({ sheet: t.sheet, row: s.row, reason: s.reason });
    for (const total of t.totals) out.push({ sheet: t.sheet, row: total.row, reason: total.label === total.kind ? `${total.kind}行，不是项目` : `${total.kind}行（${total.label}），不是项目` });
  }
  for (const r of preview?.rows ?? []) {
    if (r.status !== 'invalid' && !isExcluded(r)) continue;
    out.push({ sheet: r.sheet, row: r.row, reason: shortReason(r, r.status !== 'invalid' && !r.excluded), key: r.key });
  }
  const order = new Map(tables.map((t, i) => [t.sheet, i] as const));
  return out.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
}
