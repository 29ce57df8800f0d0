/**
 * 导出台账: the roster written as the clerk's own ledger, read back by the ledger import (the
 * same roster again) and by openpyxl (an independent reader: header, types, frozen header,
 * autofilter, widths).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRows, mapLedgerTable, parseLedgerFile, rosterColumnHeader } from '../../src-shared/ledger';
import type { RosterRow } from '../../src-shared/model';
import { rosterLedgerFileName, writeRosterLedger } from '../../src-shared/workbook/roster-ledger';
import { seedRosterTargets, seedSet } from './seed-targets';

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
if (!hasOpenpyxl) console.warn(`跳过 openpyxl 检查：${PYTHON} 不存在或未安装 openpyxl（apt-get install -y python3-openpyxl）。`);

const fields = seedSet().roster.fields;
const rows: RosterRow[] = [
  { id: 'r1', name: '康佳智慧科技城项目', batch: '2024年第一次', industry: '电子信息', totalInvestment: 50.125, investmentThisYear: 3.5, expectedOutput: 120, signed: true, started: true, producing: false, reachedDesign: null, signDate: '2024-03-15', startDate: '2024-04-01', industrial: true, strategicEmerging: false, keyChain: true, note: '一期\n二期另报', plannedInvestmentThisYear: 8 },
  { id: 'r2', name: '江苏国强光伏装备项目', batch: '2024年第一次', totalInvestment: 0, signed: false, started: false, industrial: false },
  { id: 'r3', name: '丙文旅项目', totalInvestment: 1234.5678, expectedOutput: 0.01, signed: true, note: '-待核实', signDate: '2023-12-31' },
];

async function written(): Promise<Uint8Array> {
  return writeRosterLedger(fields, rows);
}

describe('导出台账', () => {
  it('reads back through the ledger import as the same roster', async () => {
    const bytes = await written();
    const targets = seedRosterTargets();
    const parsed = parseLedgerFile(bytes, { fileName: 'ledger.xlsx', targets });
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('；'));
    const table = parsed.value.tables[0];
    if (!table) throw new Error('no table');
    expect(table.headerRows).toEqual([1]);
    const mapped = mapLedgerTable(table, { fileName: 'ledger.xlsx', targets });
    // Every column maps to its field by its header alone.
    expect(mapped.mapping.columns.map((c) => c.target)).toEqual(fields.map((f) => f.code));
    expect(mapped.issues).toEqual([]);
    const existing = rows.map((r) => {
      const { id, ...values } = r;
      return { id, zoneId: 'jincheng-kfq', values };
    });
    const preview = diffRows(mapped.rows, existing, { keyFields: ['name'], targets, defaultZoneId: 'jincheng-kfq' });
    // The one difference is the import's own rule: a line break in a text cell reads as a space.
    // The text guarded in the file against reading as a formula ('-待核实) comes back as it was.
    expect(preview.rows.map((r) => [r.existingId, r.status, r.changes.map((c) => `${c.field}:${String(c.to)}`)])).toEqual([
      ['r1', 'changed', ['note:一期 二期另报']],
      ['r2', 'unchanged', []],
      ['r3', 'unchanged', []],
    ]);
    const same = diffRows(mapped.rows, existing.map((e) => (e.id === 'r1' ? { ...e, values: { ...e.values, note: '一期 二期另报' } } : e)), { keyFields: ['name'], targets, defaultZoneId: 'jincheng-kfq' });
    expect(same.rows.every((r) => r.status === 'unchanged')).toBe(true);
  });

  it('is read by openpyxl with its header, 是/否, numbers, dates, frozen header, autofilter and widths', async () => {
    if (!hasOpenpyxl) return;
    const dir = mkdtempSync(join(tmpdir(), 'zr-roster-ledger-'));
    try {
      const file = join(dir, 'ledger.xlsx');
      writeFileSync(file, await written());
      const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
def v(c):
    x = c.value
    if isinstance(x, datetime.datetime): return 'date:' + x.strftime('%Y-%m-%d')
    return x
print(json.dumps({
  'sheets': wb.sheetnames,
  'header': [c.value for c in ws[1]],
  'rows': [[v(c) for c in row] for row in ws.iter_rows(min_row=2)],
  'formats': [c.number_format for c in ws[2]],
  'freeze': ws.freeze_panes,
  'filter': ws.auto_filter.ref,
  'widths': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)],
}, ensure_ascii=False))
`;
      const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const got = JSON.parse(run.stdout) as { sheets: string[]; header: string[]; rows: unknown[][]; formats: string[]; freeze: string; filter: string; widths: number[] };
      expect(got.sheets).toEqual(['项目台账']);
      expect(got.header).toEqual(fields.map(rosterColumnHeader));
      expect(got.header).toContain('总投资（亿元）');
      const col = (code: string) => fields.findIndex((f) => f.code === code);
      const first = got.rows[0] ?? [];
      expect(first[col('name')]).toBe('康佳智慧科技城项目');
      expect(first[col('totalInvestment')]).toBe(50.125);
      expect(first[col('signed')]).toBe('是');
      expect(first[col('producing')]).toBe('否');
      expect(first[col('reachedDesign')]).toBeNull();
      expect(first[col('signDate')]).toBe('date:2024-03-15');
      expect(got.formats[col('totalInvestment')]).toBe('#,##0.00');
      expect(got.rows[1]?.[col('totalInvestment')]).toBe(0);
      expect(got.rows[2]?.[col('totalInvestment')]).toBe(1234.5678);
      expect(got.freeze).toBe('B2');
      expect(got.filter).toBe(`A1:${String.fromCharCode(64 + fields.length)}${rows.length + 1}`);
      expect(got.widths.every((w) => w >= 8 && w <= 50)).toBe(true);
      expect(got.widths[col('name')]).toBeGreaterThan(got.widths[col('signed')] ?? 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file after the zone and the day', () => {
    expect(rosterLedgerFileName('晋城开发区', '2024-05-06')).toBe('晋城开发区_项目台账_2024-05-06.xlsx');
    expect(rosterLedgerFileName('a/b', '2024-05-06')).toBe('a_b_项目台账_2024-05-06.xlsx');
  });
});
