/**
 * A ledger written by LibreOffice: the test has soffice convert a workbook (merged two-row header,
 * 万元, a 合计 row) to .xlsx, then imports what LibreOffice wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { mapLedgerTable, parseLedgerFile } from '../../src-shared/ledger';
import { PROJECTS, titledMergedLedger } from '../fixtures/ledgers/make-ledgers';
import { seedRosterTargets } from './seed-targets';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the LibreOffice ledger test is skipped. Install libreoffice-calc to run it.');

describe.skipIf(!soffice)('a ledger written by LibreOffice', () => {
  it('imports correctly', () => {
    const dir = join(import.meta.dirname, '..', '.tmp', 'ledger-soffice');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'profile'), { recursive: true });
    // LibreOffice rewrites everything: start from an .ods so that the .xlsx is wholly its own.
    const source = join(dir, 'ledger.xlsx');
    writeFileSync(source, titledMergedLedger());
    const convert = (input: string, to: string, outdir: string): void => {
      const r = spawnSync(soffice ?? 'soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', outdir, input], { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    };
    mkdirSync(join(dir, 'ods'), { recursive: true });
    mkdirSync(join(dir, 'out'), { recursive: true });
    convert(source, 'ods', join(dir, 'ods'));
    convert(join(dir, 'ods', 'ledger.ods'), 'xlsx', join(dir, 'out'));
    const bytes = readFileSync(join(dir, 'out', 'ledger.xlsx'));
    expect(XLSX.read(bytes, { type: 'buffer', bookProps: true }).Props?.Application).toMatch(/LibreOffice/);
    const targets = seedRosterTargets();
    const parsed = parseLedgerFile(bytes, { fileName: 'ledger.xlsx', targets });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const table = parsed.value.tables[0];
    if (!table) throw new Error('no table');
    expect(table.headerRows).toEqual([3, 4]);
    const mapped = mapLedgerTable(table, { fileName: 'ledger.xlsx', targets });
    expect(mapped.rows.map((r) => [r.values.$zone, r.values.name, r.values.totalInvestment, r.values.expectedOutput])).toEqual(PROJECTS.map((p) => [p.zone, p.name, p.total / 10000, p.output / 10000]));
    expect(mapped.issues.filter((i) => i.code === 'total-mismatch')).toEqual([]);
  }, 240_000);
});
