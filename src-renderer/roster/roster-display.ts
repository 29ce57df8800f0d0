import type { RosterField, ValidationIssue } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import { formatGrouped } from '../../src-shared/format';

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
  return field.unit !== undefined ? `${field.name}（${field.unit}）` : field.name;
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
