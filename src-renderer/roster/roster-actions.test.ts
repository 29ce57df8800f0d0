import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../src-shared/model';
import { applyRosterAction, deleteAction, describeRosterAction, invertRosterAction, updateAction, type RosterAction } from './roster-actions';

const rows: RosterRow[] = [
  { id: 'a', name: '甲', totalInvestment: 5, signed: true },
  { id: 'b', name: '乙', totalInvestment: 3 },
];

describe('roster actions', () => {
  it('remembers the old values of an update, empty fields as null', () => {
    const action = updateAction(rows, [{ rowId: 'b', changes: { totalInvestment: 4, signed: true } }]);
    expect(action).toEqual({
      kind: 'update',
      before: [{ rowId: 'b', changes: { totalInvestment: 3, signed: null } }],
      after: [{ rowId: 'b', changes: { totalInvestment: 4, signed: true } }],
    });
  });

  it.each<[string, RosterAction]>([
    ['an update', updateAction(rows, [{ rowId: 'a', changes: { name: '甲项目', totalInvestment: 6 } }])],
    ['an add', { kind: 'add', rows: [{ id: 'c', name: '丙' }] }],
    ['a delete', { kind: 'delete', rows: [rows[1] ?? { id: 'b' }] }],
  ])('applying %s and then its inverse gives the rows back (as sets of rows)', (_name, action) => {
    const after = applyRosterAction(rows, action);
    expect(after).not.toEqual(rows);
    const back = applyRosterAction(after, invertRosterAction(action));
    const byId = (list: RosterRow[]) => [...list].sort((x, y) => x.id.localeCompare(y.id)).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null)));
    expect(byId(back)).toEqual(byId(rows));
  });

  it('inverts an add into a delete of the same rows and back', () => {
    const add: RosterAction = { kind: 'add', rows: [{ id: 'c', name: '丙' }] };
    expect(invertRosterAction(add)).toEqual({ kind: 'delete', rows: [{ id: 'c', name: '丙' }] });
    expect(invertRosterAction(invertRosterAction(add))).toEqual(add);
  });

  it('puts deleted rows back where they stood when the delete is undone', () => {
    const four: RosterRow[] = [...rows, { id: 'c', name: '丙' }, { id: 'd', name: '丁' }];
    const doomed = four.filter((r) => r.id === 'a' || r.id === 'c');
    const del = deleteAction(four, doomed);
    const after = applyRosterAction(four, del);
    expect(after.map((r) => r.id)).toEqual(['b', 'd']);
    expect(applyRosterAction(after, invertRosterAction(del)).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    // Redo deletes them again, and a second undo still knows their places.
    const again = applyRosterAction(applyRosterAction(after, invertRosterAction(del)), invertRosterAction(invertRosterAction(del)));
    expect(again.map((r) => r.id)).toEqual(['b', 'd']);
  });

  it('describes an action in Chinese', () => {
    expect(describeRosterAction({ kind: 'delete', rows })).toBe('删除 2 个项目');
  });
});
