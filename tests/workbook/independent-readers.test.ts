/**
 * The exported file opened by readers that share no code with exceljs: openpyxl (through
 * /usr/bin/python3 — the `python3` on PATH may be another interpreter without it) and LibreOffice
 * converting every sheet to CSV. Each suite skips, saying why, only where its reader is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneReturn } from '../../src-shared/model';
import { readSubmissionWorkbook, returnJson, SHEET, VISIBLE_SHEETS, type WrittenSubmission } from '../../src-shared/workbook';
import { generateReturn, TRICKY_TEXTS } from './generate-return';
import { exampleReturns, seedSet } from './fixtures';
import { exportReturn, SUBMISSION_ID } from './helpers';
import { parseCsv } from './csv';
import { computeReturn } from '../../src-shared/compute';

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!hasOpenpyxl) console.warn(`跳过 openpyxl 检查：${PYTHON} 不存在或未安装 openpyxl（apt-get install -y python3-openpyxl）。`);
if (!SOFFICE) console.warn('跳过 LibreOffice 检查：未安装 soffice（apt-get install -y libreoffice-calc）。');

const example = exampleReturns().find((e) => e.name === 'jincheng-kfq-2024-q1.json');
if (!example) throw new Error('seeds/examples/jincheng-kfq-2024-q1.json is missing');
const FORMULA_TEXT = '=1+2';
const ret: ZoneReturn = structuredClone(example.ret);
ret.values['txtProblems'] = { current: FORMULA_TEXT };
ret.cover.phone = '+86 0356 2021234';
const EXPLANATION = '一季度新开工康佳智慧科技城等大项目，工业投资基数低。';
ret.explanations['growth-range:gytz'] = EXPLANATION;
const figures = computeReturn(seedSet(), ret);
const gyzjz = figures.figures['gyzjz'];

let dir = '';
let file = '';
let written: WrittenSubmission;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zr-readers-'));
  written = await exportReturn(ret, figures, [
    { code: 'growth-range', severity: 'warning', key: 'growth-range:gytz', target: { kind: 'indicator', code: 'gytz', column: 'current' }, message: '工业投资同比增长超过 50%，请说明原因。' },
  ]);
  file = join(dir, 'submission.xlsx');
  writeFileSync(file, written.bytes);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fixed(value: number | undefined, decimals: number): string {
  if (value === undefined) throw new Error('expected a figure');
  return value.toFixed(decimals);
}

function valueOf(c: { ok: boolean } & Partial<{ value: number }> | undefined): number | undefined {
  return c && c.ok ? c.value : undefined;
}

describe.skipIf(!hasOpenpyxl)('openpyxl reads the workbook', () => {
  interface Inspection {
    sheets: Array<{
      name: string;
      state: string;
      merges: string[];
      printTitleRows: string | null;
      paperSize: number | null;
      orientation: string;
      fitToPage: boolean | null;
      fitToWidth: number | null;
      fitToHeight: number | null;
      header: Array<string | null>;
      footer: string | null;
      maxRow: number;
    }>;
    cells: Record<string, Record<string, { value: string | number | null; format: string; bold: boolean; border: string | null }>>;
    data: { meta: Record<string, string | number>; return: unknown; sha256: string };
  }
  let inspection: Inspection;
  beforeAll(() => {
    const wanted = { [SHEET.indicators]: ['A1', 'D3', 'B5', 'D5', 'E5', 'F5', 'G5', 'H5', 'I5'], [SHEET.cover]: ['C5', 'C11'], [SHEET.texts]: ['A1'] };
    const output = execFileSync(PYTHON, [join(import.meta.dirname, 'inspect-openpyxl.py'), file, JSON.stringify(wanted)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    inspection = JSON.parse(output);
  });

  it('sees the five visible sheets in order and the data sheet veryHidden', () => {
    expect(inspection.sheets.map((s) => [s.name, s.state])).toEqual([...VISIBLE_SHEETS.map((n) => [n, 'visible']), [SHEET.data, 'veryHidden']]);
  });

  it('sees the page setup: A4, fit to one page wide, print titles, header and footer', () => {
    const table = inspection.sheets.find((s) => s.name === SHEET.indicators);
    expect(table).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitleRows: '$3:$3' });
    expect(table?.header).toEqual(['晋城开发区', '2024年1–3月', SHEET.indicators]);
    expect(table?.footer).toContain('&P');
    expect(table?.footer).toContain('&N');
    // The roster: A3 landscape, one page wide, the header row on every page, the 合计 row last.
    expect(inspection.sheets.find((s) => s.name === SHEET.roster)).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToWidth: 1, printTitleRows: '$3:$3', maxRow: 4 + ret.roster.length });
  });

  it('sees the merged title and section rows', () => {
    const merges = inspection.sheets.find((s) => s.name === SHEET.indicators)?.merges ?? [];
    expect(merges).toContain('A1:I1');
    expect(merges).toContain('A4:I4');
  });

  it('sees values at full precision with the indicator decimals as number format', () => {
    const cells = inspection.cells[SHEET.indicators] ?? {};
    expect(cells['B5']?.value).toBe('规上工业增加值');
    expect(cells['D5']).toMatchObject({ value: ret.values['gyzjz']?.current, format: '#,##0.00' });
    expect(cells['E5']).toMatchObject({ value: ret.values['gyzjz']?.lastYear, format: '#,##0.00' });
    expect(cells['F5']?.format).toBe('#,##0.00');
    expect(cells['F5']?.value).toBe(valueOf(gyzjz?.growthPercent));
    expect(cells['G5']?.value).toBe(15);
    expect(cells['H5']?.value).toBe(valueOf(gyzjz?.gapPoints));
    expect(cells['I5']?.value).toBe(gyzjz?.comparison);
    expect(cells['D3']).toMatchObject({ value: '本期累计', bold: true, border: 'thin' });
    expect(inspection.cells[SHEET.cover]?.['C5']?.value).toBe('晋城开发区');
  });

  it('reads the hidden data: the same return, and a SHA-256 it can recompute', () => {
    expect(inspection.data.meta).toMatchObject({ submissionId: SUBMISSION_ID, revision: 1, indicatorSetId: 'kfq-quarterly', sha256: written.checksum });
    expect(inspection.data.return).toEqual(JSON.parse(JSON.stringify(ret)));
    expect(inspection.data.sha256).toBe(written.checksum);
  });
});

describe.skipIf(!SOFFICE)('LibreOffice converts every sheet to CSV with the expected values', () => {
  const sheets = new Map<string, string[][]>();
  beforeAll(() => {
    const out = join(dir, 'csv');
    // A fresh profile: LibreOffice refuses to run headless against a profile another instance holds.
    const profile = `file://${join(dir, 'lo-profile')}`;
    // Token 9 `true`: write cells as shown, so the number formats are applied by LibreOffice; token 12 `-1`: every sheet.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
    const result = spawnSync(SOFFICE ?? 'soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
    for (const name of readdirSync(out)) {
      const match = /^submission-(.+)\.csv$/.exec(name);
      if (match?.[1]) sheets.set(match[1], parseCsv(readFileSync(join(out, name), 'utf8')));
    }
  }, 180_000);

  function rowOf(sheet: string, name: string): string[] {
    const row = sheets.get(sheet)?.find((r) => r[1] === name);
    if (!row) throw new Error(`no row ${name} in ${sheet}`);
    return row;
  }

  it('finds all six sheets', () => {
    expect([...sheets.keys()].sort()).toEqual([...VISIBLE_SHEETS, SHEET.data].sort());
  });

  it('shows the main table as a reviewer sees it, rounded by the number formats', () => {
    expect(sheets.get(SHEET.indicators)?.[0]?.[0]).toBe('晋城开发区主要指标完成情况表');
    expect(sheets.get(SHEET.indicators)?.[2]).toEqual(['序号', '指标名称', '计量单位', '本期累计', '上年同期', '同比增长（%）', '省定目标（%）', '差距（百分点）', '与目标比较']);
    const gy = rowOf(SHEET.indicators, '规上工业增加值');
    const current = ret.values['gyzjz']?.current;
    expect(gy.slice(2)).toEqual([
      '亿元',
      fixed(typeof current === 'number' ? current : undefined, 2),
      fixed(ret.values['gyzjz']?.lastYear ?? undefined, 2),
      fixed(valueOf(gyzjz?.growthPercent), 2),
      '15.00',
      fixed(valueOf(gyzjz?.gapPoints), 2),
      gyzjz?.comparison ?? '',
    ]);
    const enterprises = rowOf(SHEET.indicators, '新增规上工业企业');
    expect(enterprises[3]).toBe(String(ret.values['xzgsqy']?.current));
  });

  it('shows formula-like text as text, not a computed result', () => {
    const texts = sheets.get(SHEET.texts)?.flat() ?? [];
    expect(texts).toContain(`'${FORMULA_TEXT}`);
    expect(texts).not.toContain('3');
    expect(sheets.get(SHEET.cover)?.find((r) => r[1] === '联系电话：')?.[2]).toBe("'+86 0356 2021234");
  });

  it('shows every roster project and the explanation of the warning', () => {
    const roster = sheets.get(SHEET.roster) ?? [];
    const names = roster.slice(3, 3 + ret.roster.length).map((r) => r[1]);
    expect(names).toEqual(ret.roster.map((r) => r['name']));
    expect(roster[3 + ret.roster.length]?.slice(0, 2)).toEqual(['合计', `${ret.roster.length} 个项目`]);
    const validation = sheets.get(SHEET.validation) ?? [];
    expect(validation.find((r) => r[1] === '提示')?.slice(2)).toEqual(['工业投资（本期）', '工业投资同比增长超过 50%，请说明原因。', EXPLANATION]);
    expect(validation[1]?.[0]).toBe('校验通过：无错误；1 条提示均已填写合理性说明。');
  });
});

describe.skipIf(!SOFFICE)('a workbook opened and saved again by LibreOffice', () => {
  it('still verifies, with the identical return, formula-like and XML-hostile texts included', async () => {
    const { ret: tricky, computed, issues } = generateReturn(seedSet(), { seed: 303, rosterRows: 60 });
    TRICKY_TEXTS.forEach((text, i) => {
      const row = tricky.roster[i];
      if (row) {
        row['name'] = text;
        row['note'] = text;
      }
    });
    tricky.values['txtHighlights'] = { current: TRICKY_TEXTS.join('|') };
    const original = await exportReturn(tricky, computed, issues);
    const input = join(dir, 'resave.xlsx');
    writeFileSync(input, original.bytes);
    const out = join(dir, 'resaved');
    const result = spawnSync(
      SOFFICE ?? 'soffice',
      [`-env:UserInstallation=file://${join(dir, 'lo-profile-resave')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, input],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
    const resaved = new Uint8Array(readFileSync(join(out, 'resave.xlsx')));
    expect(resaved).not.toEqual(original.bytes);
    const read = await readSubmissionWorkbook(resaved);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(read.value.intact).toBe(true);
    expect(returnJson(read.value.ret)).toBe(returnJson(tricky));
  }, 180_000);
});
