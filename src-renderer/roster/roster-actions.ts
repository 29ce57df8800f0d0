import type { RosterRow } from '../../src-shared/model';
import type { RosterCell } from '../db';
import type { RosterRowChange } from './paste-into-roster';

/** One saved change of the roster, with what undoing it needs. */
export type RosterAction =
  | { kind: 'update'; before: RosterRowChange[]; after: RosterRowChange[] }
  | { kind: 'add'; rows: RosterRow[] }
  | { kind: 'delete'; rows: RosterRow[] };

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
      return { kind: 'delete', rows: action.rows };
    case 'delete':
      return { kind: 'add', rows: action.rows };
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
      return [...rows, ...action.rows.filter((r) => !present.has(r.id))];
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
