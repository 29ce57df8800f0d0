import { describe, expect, it } from 'vitest';
import { planPaste, type PasteShape } from './plan-paste';

// A return section: 4 indicators, the third one derived; 本期 and 上年同期 editable, growth derived.
const returnShape: PasteShape = {
  rowCount: 4,
  columns: ['name', 'unit', 'current', 'lastYear', 'growth'],
  isEditable: (row, col) => row !== 2 && (col === 'current' || col === 'lastYear'),
};

describe('planPaste', () => {
  it('lays a 2×2 block from the focused cell', () => {
    const plan = planPaste([['1', '2'], ['3', '4']], { rowIndex: 0, colId: 'current' }, returnShape);
    expect(plan.cells).toEqual([
      { rowIndex: 0, colId: 'current', text: '1' },
      { rowIndex: 0, colId: 'lastYear', text: '2' },
      { rowIndex: 1, colId: 'current', text: '3' },
      { rowIndex: 1, colId: 'lastYear', text: '4' },
    ]);
    expect(plan).toMatchObject({ newRows: [], skippedReadOnly: 0, outsideColumns: 0 });
  });

  it('skips derived rows and columns, counting them', () => {
    const plan = planPaste([['1', '2', '9'], ['3', '4', '9'], ['5', '6', '9']], { rowIndex: 1, colId: 'current' }, returnShape);
    expect(plan.cells.map((c) => `${c.rowIndex}:${c.colId}=${c.text}`)).toEqual(['1:current=1', '1:lastYear=2', '3:current=5', '3:lastYear=6']);
    expect(plan.skippedReadOnly).toBe(5);
  });

  it('counts cells right of the last column and hands back rows below the grid', () => {
    const plan = planPaste([['1', '2', '3', '4'], ['5'], ['6', '7']], { rowIndex: 3, colId: 'lastYear' }, returnShape);
    expect(plan.cells).toEqual([{ rowIndex: 3, colId: 'lastYear', text: '1' }]);
    expect(plan.skippedReadOnly).toBe(1);
    expect(plan.outsideColumns).toBe(2);
    expect(plan.newRows).toEqual([[{ colId: 'lastYear', text: '5' }], [{ colId: 'lastYear', text: '6' }, { colId: 'growth', text: '7' }]]);
  });

  it('does nothing when the focused column is not in the grid', () => {
    expect(planPaste([['1']], { rowIndex: 0, colId: 'nope' }, returnShape).cells).toEqual([]);
  });
});
