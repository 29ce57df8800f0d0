import type { RosterField, ValidationIssue } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import { canConvert } from '../../src-shared/compute/convert-unit';
import { formatGrouped } from '../../src-shared/format';
import { rosterColumnHeader } from '../../src-shared/ledger/targets';

/** How a roster cell reads in the grid: 是 / 否 for flags, numbers to the field's decimals, ISO dates as they are. */
export function rosterCellText(value: RosterCell | undefined, field: RosterField): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.type === 'boolean') return value === true ? '是' : value === false ? '否' : String(value);
  if (field.type === 'number' && typeof value === 'number') return formatGrouped(value, field.decimals ?? 2);
  return String(value);
}

/** What the cell editor starts with: the full-precision number, 是/否, the text. */
export function rosterEditText(value: RosterCell | undefined, field: RosterField): string {
  if (value === null || value === undefined) return '';
  if (field.type === 'boolean') return value === true ? '是' : value === false ? '否' : '';
  return String(value);
}

/** The header of a roster column, with its unit: 总投资（亿元）. */
export function rosterHeader(field: RosterField): string {
  return rosterColumnHeader(field);
}

/** Roster issues by row id and field, for cell marks. */
export function rosterIssueIndex(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const index = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    if (issue.target.kind !== 'roster') continue;
    const key = `${issue.target.rowId}|${issue.target.field}`;
    index.set(key, [...(index.get(key) ?? []), issue]);
  }
  return index;
}

/** A money column (亿元 / 万元 / 元): the 合计 row sums it. */
export function isMoneyField(field: RosterField): boolean {
  return field.type === 'number' && field.unit !== undefined && canConvert(field.unit, '元');
}

/** The 合计 row's figures over the rows shown: how many projects, and each money column's sum (empty cells count nothing). */
export function rosterTotals(fields: readonly RosterField[], rows: readonly Record<string, RosterCell | undefined>[]): { count: number; sums: Record<string, number> } {
  const sums: Record<string, number> = {};
  for (const f of fields) {
    if (!isMoneyField(f)) continue;
    let sum = 0;
    for (const r of rows) {
      const v = r[f.code];
      if (typeof v === 'number' && Number.isFinite(v)) sum += v;
    }
    // Fifteen significant digits: the sum without the binary noise of adding decimals (0.1 + 0.2).
    sums[f.code] = Number(sum.toPrecision(15));
  }
  return { count: rows.length, sums };
}
