/**
 * The bureau's workbooks read by readers that share no code with exceljs: the 报送情况 board
 * through openpyxl (/usr/bin/python3), the 市汇总表 through its own payload reader and LibreOffice
 * (printed to PDF: one landscape page with every zone and the 合计 row).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cityFigures, completenessBoard } from '../../src-shared/collect';
import { parsePeriodKey } from '../../src-shared/period';
import { builtinZoneRegistry, exampleReturn, kfqSet } from '../../src-shared/seeds';
import { readCitySummaryWorkbook, writeBoardWorkbook, writeCitySummaryWorkbook } from '../../src-shared/workbook';

const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOTEXT = '/usr/bin/pdftotext';
const dir = mkdtempSync(join(tmpdir(), 'zr-bureau-wb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const set = kfqSet();
const registry = builtinZoneRegistry();
const zones = registry.zones.filter((z) => z.cityCode === '140500');
const q1 = parsePeriodKey('2024-03-q')!;
const q2 = parsePeriodKey('2024-06-q')!;

describe('the 报送情况 workbook', () => {
  it.skipIf(!hasOpenpyxl)('has the counts line, zones × periods with revision and time, and a counts row, as openpyxl reads it', async () => {
    const [a, b, c] = zones;
    const board = completenessBoard(set, zones, 2024, [
      { zoneId: a!.id, period: q1, revision: 2, exportedAt: '2024-04-08T08:00:00.000Z' },
      { zoneId: b!.id, period: q1, revision: 1, exportedAt: '2024-04-07T01:30:00.000Z', returned: true },
      { zoneId: c!.id, period: q2, revision: 1, exportedAt: '2024-07-06T02:00:00.000Z' },
    ], '2024-08-01');
    const file = join(dir, '报送情况.xlsx');
    writeFileSync(file, await writeBoardWorkbook({ board, title: '晋城市开发区2024年报送情况', asOf: '2024-08-01' }));
    const py = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['报送情况']
rows = [[c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({'rows': rows, 'landscape': ws.page_setup.orientation, 'paper': ws.page_setup.paperSize, 'fitWidth': ws.page_setup.fitToWidth}, ensure_ascii=False))
`;
    const out = spawnSync(PYTHON, ['-c', py, file], { encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const read = JSON.parse(out.stdout) as { rows: (string | null)[][]; landscape: string; paper: number; fitWidth: number };
    expect(read.landscape).toBe('landscape');
    expect(Number(read.paper)).toBe(9);
    expect(read.rows[0]![0]).toBe('晋城市开发区2024年报送情况');
    expect(read.rows[1]![0]).toBe(board.summary);
    expect(board.summary).toBe(`应报 ${zones.length * 2} 个，已报 2 个，逾期 ${zones.length * 2 - 3} 个，退回 1 个`);
    expect(read.rows[3]).toEqual(['开发区', '2024年1–3月', '2024年1–6月', '2024年1–9月', '2024年1–12月']);
    const row = (name: string) => read.rows.find((r) => r[0] === name)!;
    // 16:00 in Beijing is 08:00 UTC.
    expect(row(a!.name).slice(1, 3)).toEqual(['已报送（第2版，2024-04-08 16:00）', expect.stringMatching(/^逾期未报（2024-0\d-\d\d到期）$/)]);
    expect(row(b!.name)[1]).toBe('已退回（第1版，2024-04-07 09:30）');
    expect(row(c!.name)[2]).toBe('已报送（第1版，2024-07-06 10:00）');
    expect(row(a!.name)[3]).toBe('未到期');
    expect(read.rows.filter((r) => zones.some((z) => z.name === r[0]))).toHaveLength(zones.length);
    expect(read.rows.at(-1)).toEqual(['合计', `已报 1 个，逾期 ${zones.length - 2} 个，退回 1 个`, `已报 1 个，逾期 ${zones.length - 1} 个`, '未到期', '未到期']);
  });
});

describe('the 市汇总表 as the UI exports it', () => {
  const rets = ['jincheng-kfq-2024-q1', 'gaoping-kfq-2024-q1', 'qinshui-kfq-2024-q1', 'yangcheng-kfq-2024-q1'].map((n) => exampleReturn(n as Parameters<typeof exampleReturn>[0]));
  it.skipIf(!SOFFICE || !existsSync(PDFTOTEXT))('reads back with its checksum and prints on one landscape page with every zone and 合计', async () => {
    const c = cityFigures(set, rets, { registry });
    if (!c.ok) throw new Error('consolidate');
    const { bytes } = await writeCitySummaryWorkbook({ format: 'zone-returns/city-summary@1', summaryId: 's', revision: 1, exportedAt: '2024-04-12T00:00:00.000Z', city: { code: '140500', name: '晋城市' }, period: q1, indicatorSet: { id: set.id, version: set.version }, figures: c.value.figures, ranks: c.value.ranks, returns: rets });
    const back = await readCitySummaryWorkbook(bytes);
    expect(back.ok && back.value.checksumOk).toBe(true);
    const file = join(dir, '晋城市汇总表.xlsx');
    writeFileSync(file, bytes);
    const profile = `file://${join(dir, 'lo-profile')}`;
    const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const pdf = join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
    const text = spawnSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages).toHaveLength(1);
    for (const name of ['晋城开发区', '高平开发区', '沁水开发区', '阳城开发区', '合计', '108.78', '20.35']) expect(text).toContain(name);
  }, 150_000);
});
