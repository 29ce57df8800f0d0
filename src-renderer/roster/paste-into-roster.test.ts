import { describe, expect, it } from 'vitest';
import type { RosterField, RosterRow } from '../../src-shared/model';
import { pasteIntoRoster } from './paste-into-roster';

const fields: RosterField[] = [
  { code: 'name', name: '项目名称', type: 'text', synonyms: [] },
  { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: [] },
  { code: 'signed', name: '签约', type: 'boolean', synonyms: [] },
];

const rows: RosterRow[] = [
  { id: 'r1', name: '甲项目', totalInvestment: 5, signed: true },
  { id: 'r2', name: '乙项目', totalInvestment: 3, signed: false },
];

describe('pasteIntoRoster', () => {
  it('appends a pasted ledger block to an empty roster, skipping blank lines', () => {
    const result = pasteIntoRoster('丙项目\t12.5\t是\r\n\r\n丁项目\t"1,200"\t否\r\n', null, [], fields);
    expect(result.newRows).toEqual([
      { name: '丙项目', totalInvestment: 12.5, signed: true },
      { name: '丁项目', totalInvestment: 1200, signed: false },
    ]);
    expect(result.updates).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('overwrites displayed rows from the focused cell and appends the rest', () => {
    const result = pasteIntoRoster('6\t是\n3\t否\n9\t是\n', { rowIndex: 0, colId: 'totalInvestment' }, rows, fields);
    expect(result.updates).toEqual([{ rowId: 'r1', changes: { totalInvestment: 6 } }]);
    expect(result.newRows).toEqual([{ totalInvestment: 9, signed: true }]);
  });

  it('follows the displayed order (a sorted roster) and reports unreadable cells', () => {
    const sorted = [rows[1], rows[0]].filter((r): r is RosterRow => r !== undefined);
    const result = pasteIntoRoster('也许\nx', { rowIndex: 0, colId: 'signed' }, sorted, fields);
    expect(result.updates).toEqual([{ rowId: 'r1', changes: { signed: false } }]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('签约');
  });

  it('counts cells right of the last column', () => {
    expect(pasteIntoRoster('a\tb\tc\td', { rowIndex: 0, colId: 'totalInvestment' }, rows, fields).skipped).toBe(2);
  });

  it('leaves out a copied header row and total rows, counting them', () => {
    const result = pasteIntoRoster('项目名称\t总投资（亿元）\t是否签约\n丙项目\t2\t是\n合计\t2\t\n', null, [], [...fields.slice(0, 2), { code: 'signed', name: '签约', type: 'boolean', synonyms: ['是否签约'] }]);
    expect(result.newRows).toEqual([{ name: '丙项目', totalInvestment: 2, signed: true }]);
    expect(result.droppedRows).toBe(2);
  });

  it('keeps a first row that is a project, not a header', () => {
    const result = pasteIntoRoster('项目名称示范园\t3\t否\n', null, [], fields);
    expect(result.newRows).toEqual([{ name: '项目名称示范园', totalInvestment: 3, signed: false }]);
    expect(result.droppedRows).toBe(0);
  });
});
