/**
 * A ledger that records the batch of each list a project was presented in maps each column to
 * its own roster field (签约批次 → batch, 开工批次 → startBatch, 投产批次 → productionBatch),
 * while a ledger with one 批次 column keeps mapping it to batch, and “开工一批” stays the flag.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { mapLedgerTable, parseLedgerFile } from '../../src-shared/ledger';
import { seedRosterTargets } from './seed-targets';

const targets = seedRosterTargets();

function mapped(rows: unknown[][]) {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '台账');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const parsed = parseLedgerFile(bytes, { fileName: '台账.xlsx', targets });
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  const table = parsed.value.tables[0];
  if (!table) throw new Error('no table');
  return mapLedgerTable(table, { fileName: '台账.xlsx', targets });
}

describe('batch columns of a ledger', () => {
  it('maps 签约批次, 开工批次 and 投产批次 to their own fields, and 开工一批 / 投产一批 to the flags', () => {
    const m = mapped([
      ['项目名称', '签约批次', '开工批次', '投产批次', '开工一批', '投产一批', '总投资(亿元)'],
      ['甲项目', '2023年第四次', '2024年第一次', null, '是', '否', 5],
    ]);
    expect(m.mapping.columns.map((c) => c.target)).toEqual(['name', 'batch', 'startBatch', 'productionBatch', 'started', 'producing', 'totalInvestment']);
    expect(m.rows[0]?.values).toMatchObject({ batch: '2023年第四次', startBatch: '2024年第一次', started: true, producing: false });
  });

  it('maps a single 批次 column to the 签约批次', () => {
    const m = mapped([
      ['项目名称', '批次', '是否开工'],
      ['乙项目', '2024年第一次', '是'],
    ]);
    expect(m.mapping.columns.map((c) => c.target)).toEqual(['name', 'batch', 'started']);
  });
});
