import { describe, expect, it } from 'vitest';
import { computeReturn } from '../../src-shared/compute';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { buildPayload, submissionZone } from '../../src-shared/workbook';
import { layoutSubmission } from '../../src-shared/workbook/layout-submission';
import { formatForPrint, sheetRows } from './layout-html';

describe('formatForPrint', () => {
  it.each([
    [62.41, '0.00', '62.41'],
    [19.330783938814535, '0.00', '19.33'],
    [15, '0.00', '15.00'],
    [3, '0', '3'],
    [108780, '#,##0.00', '108,780.00'],
    [12852, '#,##0', '12,852'],
    [2.5, undefined, '2.5'],
    [1234.5678, 'General', '1234.5678'],
  ])('%d with %s → %s', (value, format, text) => {
    expect(formatForPrint(value, format)).toBe(text);
  });
});

describe('sheetRows', () => {
  const set = kfqSet();
  const ret = exampleReturn('jincheng-kfq-2024-q1');
  const zone = submissionZone(ret.zoneId);
  if (!zone) throw new Error('zone missing');
  const payload = buildPayload({ set, ret, computed: computeReturn(set, ret), issues: [], zone, submissionId: 'x', revision: 1, exportedAt: '2024-04-08T08:00:00Z' });
  const [, indicators] = layoutSubmission(payload);
  if (!indicators) throw new Error('no indicator sheet');
  const rows = sheetRows(indicators);

  it('spans merged cells and leaves out the cells they cover', () => {
    expect(rows[0]?.cells).toHaveLength(1);
    expect(rows[0]?.cells[0]).toMatchObject({ text: '晋城开发区主要指标完成情况表', colSpan: 9, style: 'title' });
    expect(rows[1]?.cells.map((c) => c.colSpan)).toEqual([5, 4]);
  });

  it('shows numbers as the workbook formats them', () => {
    const gyzjz = rows.find((r) => r.cells[1]?.text === '规上工业增加值');
    expect(gyzjz?.cells.map((c) => c.text).slice(2, 8)).toEqual(['亿元', '62.41', '52.30', '19.33', '15.00', '4.33']);
    expect(gyzjz?.cells[3]?.numeric).toBe(true);
  });

  it('gives every row all its columns', () => {
    for (const row of rows) expect(row.cells.reduce((n, c) => n + c.colSpan, 0)).toBe(9);
  });
});
