import type { RosterRow } from '../../src-shared/model';
import type { RosterCell } from '../db';
import type { RosterRowChange } from './paste-into-roster';

/** One saved change of the roster, with what undoing it needs. */
export type RosterAction =
  | { kind: 'update'; before: RosterRowChange[]; after: RosterRowChange[] }
  | { kind: 'add'; rows: RosterRow[]; place?: RowPlaces }
  | { kind: 'delete'; rows: RosterRow[]; place?: RowPlaces };

/**
 * Where deleted rows stood, so that undoing the delete puts them back there: `index` in the list
 * as shown when they were deleted, `position` in the stored ledger order (from the delete's receipt).
 */
export interface RowPlaces {
  index: Record<string, number>;
  position?: Record<string, number>;
}

/** The delete action for `doomed`, remembering where each stood in `rows`. */
export function deleteAction(rows: readonly RosterRow[], doomed: readonly RosterRow[]): RosterAction {
  const ids = new Set(doomed.map((r) => r.id));
  const index: Record<string, number> = {};
  rows.forEach((r, i) => {
    if (ids.has(r.id)) index[r.id] = i;
  });
  return { kind: 'delete', rows: [...doomed], place: { index } };
}

/** The update action for `changes`, remembering the fields' values in `rows` before it. */
export function updateAction(rows: readonly RosterRow[], changes: readonly RosterRowChange[]): RosterAction {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const before = changes.map((c): RosterRowChange => {
    const row = byId.get(c.rowId);
    const old: Record<string, RosterCell> = {};
    for (const field of Object.keys(c.changes)) {
      const v = row?.[field];
      old[field] = v === undefined ? null : v;
    }
    return { rowId: c.rowId, changes: old };
  });
  return { kind: 'update', before, after: changes.map((c) => ({ rowId: c.rowId, changes: { ...c.changes } })) };
}

/** The action that takes `action` back: a deleted row is added again with its id and fields. */
export function invertRosterAction(action: RosterAction): RosterAction {
  switch (action.kind) {
    case 'update':
      return { kind: 'update', before: action.after, after: action.before };
    case 'add':
      return { ...action, kind: 'delete' };
    case 'delete':
      return { ...action, kind: 'add' };
  }
}

/** The rows as they look after `action` (what the screen shows before the database confirms). */
export function applyRosterAction(rows: readonly RosterRow[], action: RosterAction): RosterRow[] {
  switch (action.kind) {
    case 'update': {
      const byId = new Map(action.after.map((c) => [c.rowId, c.changes]));
      return rows.map((r) => {
        const change = byId.get(r.id);
        return change === undefined ? r : { ...r, ...change };
      });
    }
    case 'add': {
      const present = new Set(rows.map((r) => r.id));
      const added = action.rows.filter((r) => !present.has(r.id));
      const index = action.place?.index;
      if (index === undefined) return [...rows, ...added];
      // Back where they stood, lowest place first, so that each index is counted with the rows before it.
      const next = [...rows];
      const placed = added.map((r) => ({ row: r, at: index[r.id] })).sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
      for (const { row, at } of placed) next.splice(at === undefined ? next.length : Math.min(at, next.length), 0, row);
      return next;
    }
    case 'delete': {
      const gone = new Set(action.rows.map((r) => r.id));
      return rows.filter((r) => !gone.has(r.id));
    }
  }
}

/** A short Chinese description for the status line. */
export function describeRosterAction(action: RosterAction): string {
  switch (action.kind) {
    case 'update':
      return `修改 ${action.after.length} 个项目`;
    case 'add':
      return `新增 ${action.rows.length} 个项目`;
    case 'delete':
      return `删除 ${action.rows.length} 个项目`;
  }
}
