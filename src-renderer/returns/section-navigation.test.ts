import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from './build-section-rows';
import { edgeInputCell, nextInputCell, whyLocked } from './section-navigation';

const row = (name: string, currentEditable: boolean, lastYearEditable: boolean, lastYearSource: IndicatorRow['lastYearSource'] = 'entered'): IndicatorRow =>
  ({ code: name, name, currentEditable, lastYearEditable, lastYearSource }) as IndicatorRow;

const rows = [row('规上工业增加值', true, true), row('转型项目投资占比', false, false, 'none'), row('工业投资', true, false, 'last-year-return')];

describe('section navigation', () => {
  it('Tab goes to the next input cell, passing over computed cells and rows', () => {
    expect(nextInputCell(rows, { rowIndex: 0, colId: 'current' }, 1)).toEqual({ rowIndex: 0, colId: 'lastYear' });
    expect(nextInputCell(rows, { rowIndex: 0, colId: 'lastYear' }, 1)).toEqual({ rowIndex: 2, colId: 'current' });
    expect(nextInputCell(rows, { rowIndex: 2, colId: 'current' }, 1)).toBeNull();
    expect(nextInputCell(rows, { rowIndex: 2, colId: 'current' }, -1)).toEqual({ rowIndex: 0, colId: 'lastYear' });
  });
  it('finds the first and last input cell of a section', () => {
    expect(edgeInputCell(rows, 1)).toEqual({ rowIndex: 0, colId: 'current' });
    expect(edgeInputCell(rows, -1)).toEqual({ rowIndex: 2, colId: 'current' });
    expect(edgeInputCell([row('x', false, false)], 1)).toBeNull();
  });
  it('says why a cell takes no typing', () => {
    expect(whyLocked(rows[0], 'current', false)).toBeNull();
    expect(whyLocked(rows[1], 'current', false)).toContain('计算');
    expect(whyLocked(rows[2], 'lastYear', false)).toContain('上年同期报表');
    expect(whyLocked(rows[0], 'growth', false)).toContain('不需填写');
    expect(whyLocked(rows[0], 'current', true)).toContain('已报送');
  });
});
