/**
 * The roster and the ledger import as a clerk on a 1366×768 laptop meets them (issue 13): the
 * 合计 row and the filtered count, the figures folded away for more rows, a rate's — explained,
 * 导出台账 and its way back in; period words in a value ledger, the return written to, the rows
 * not imported named and linked, near-duplicate names decided per row, and a header found by its
 * header words rather than by a data row full of statuses.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { diffRows, mapLedgerTable, parseLedgerFile, rosterTargets } from '../../src-shared/ledger';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import { captureDownload, openApp, pickFile, screenshot, type OpenedApp } from './harness';
import { firstRunSettings, openQ1of2024 } from './clerk-steps';

const VIEWPORT = { width: 1366, height: 768 };
let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

type Cell = string | number | null;
function xlsx(sheets: Array<{ name: string; rows: Cell[][] }>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** 25 signed projects of the first 2024 activity; 项目24 and 项目25 have no 总投资. */
function bigLedger(): Uint8Array {
  const rows: Cell[][] = [['项目名称', '签约批次', '总投资（亿元）', '签约', '开工']];
  for (let i = 1; i <= 25; i++) rows.push([`项目${String(i).padStart(2, '0')}`, '2024年第一次', i <= 23 ? i : null, '是', i % 2 === 0 ? '是' : '否']);
  return xlsx([{ name: '台账', rows }]);
}

async function importLedger(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByRole('tab', { name: '导入台账' }).click();
  await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), { name, bytes });
  await page.getByTestId('mapping-table').waitFor();
}

async function rosterTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '项目台账' }).click();
  await page.getByLabel('项目台账表格').waitFor();
}

const totalCell = (page: Page, col: string) => page.locator(`.roster-grid .ag-row-pinned [col-id="${col}"]`);

/** Project rows drawn wholly inside the grid's body and inside the window. */
function rowsFullyInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    // AG Grid 36: the scrolling rows sit in .ag-grid-scrolling-container (the pinned 合计 row outside it).
    const body = document.querySelector('.roster-grid .ag-grid-scrolling-container');
    if (!body) throw new Error('no grid body');
    const box = body.getBoundingClientRect();
    const bottom = Math.min(box.bottom, window.innerHeight);
    const ids = new Set<string>();
    for (const row of body.querySelectorAll('.ag-row[row-id]')) {
      const r = row.getBoundingClientRect();
      if (r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= bottom + 0.5) ids.add(row.getAttribute('row-id') ?? '');
    }
    return ids.size;
  });
}

describe('the roster at 1366×768', () => {
  it('has a 合计 row following filters, folds its figures for 15+ rows, explains a —, and exports a ledger that imports back', async () => {
    app = await openApp({ viewport: VIEWPORT });
    const { page } = app;
    await firstRunSettings(page);
    await openQ1of2024(page);
    await importLedger(page, '台账25.xlsx', bigLedger());
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增 25 个项目');

    await rosterTab(page);
    await expect.poll(() => page.getByTestId('roster-count').textContent()).toBe('共 25 个项目');
    // 1 + 2 + … + 23 = 276 亿元, the two empty amounts counting nothing.
    await expect.poll(() => totalCell(page, 'name').textContent()).toBe('合计（25 个项目）');
    await expect.poll(() => totalCell(page, 'totalInvestment').textContent()).toBe('276.00');

    // A — says why: two signed projects have no 总投资.
    const rate = page.locator('.roster-measures [data-measure="rateSignedStarted"]');
    await expect.poll(() => rate.locator('b').textContent()).toBe('—');
    expect(await rate.getAttribute('title')).toBe('签约项目开工率无法计算：计入「签约项目计划总投资」的 2 个项目缺少「总投资」（项目「项目24」、项目「项目25」），请在项目台账中补填');
    await rate.hover();
    await screenshot(page, 'roster-13-total-and-reason');

    // Filtered: the count says so and the 合计 sums the rows shown.
    await page.locator('input[aria-label="项目名称 Filter Input"]').fill('项目0');
    await expect.poll(() => page.getByTestId('roster-count').textContent()).toBe('筛选后 9 / 25 个项目');
    await expect.poll(() => totalCell(page, 'name').textContent()).toBe('合计（9 个项目）');
    await expect.poll(() => totalCell(page, 'totalInvestment').textContent()).toBe('45.00');
    await screenshot(page, 'roster-13-filtered');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByTestId('roster-count').textContent()).toBe('共 25 个项目');

    // Folded figures: at least 15 project rows in view; the rates stay in the folded line.
    await page.locator('.roster-measures-panel > summary').click();
    await expect.poll(() => page.locator('.roster-measures-panel').getAttribute('open')).toBeNull();
    await expect.poll(() => rowsFullyInView(page)).toBeGreaterThanOrEqual(15);
    expect(await page.locator('.measures-folded [data-measure="rateSignedStarted"]').getAttribute('title')).toContain('2 个项目缺少「总投资」');
    await screenshot(page, 'roster-13-folded');
    // Remembered: folded again after a reload.
    await page.reload();
    await rosterTab(page);
    await page.locator('.roster-measures-panel').waitFor();
    expect(await page.locator('.roster-measures-panel').getAttribute('open')).toBeNull();
    await expect.poll(() => rowsFullyInView(page)).toBeGreaterThanOrEqual(15);

    // 导出台账: a ledger the import reads back as the same roster.
    const file = await captureDownload(page, () => page.getByRole('button', { name: '导出台账' }).click());
    expect(file.fileName).toMatch(/^晋城开发区_项目台账_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('已导出台账');
    const fields = builtinIndicatorSets().find((s) => s.year === 2024)?.roster.fields ?? [];
    const targets = rosterTargets(fields);
    const parsed = parseLedgerFile(new Uint8Array(file.bytes), { fileName: file.fileName, targets });
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    const table = parsed.value.tables[0];
    if (!table) throw new Error('no table');
    const mapped = mapLedgerTable(table, { fileName: file.fileName, targets });
    expect(mapped.rows).toHaveLength(25);
    const reimported = diffRows(mapped.rows, [], { keyFields: ['name'], targets, defaultZoneId: 'jincheng-kfq' });
    expect(reimported.rows[23]?.values).toMatchObject({ name: '项目24', batch: '2024年第一次', totalInvestment: null, signed: true, started: true });
    expect(reimported.rows[22]?.values).toMatchObject({ name: '项目23', totalInvestment: 23, signed: true, started: false });
    if (existsSync('/usr/bin/python3')) {
      const dir = mkdtempSync(join(tmpdir(), 'zr-e2e-ledger-'));
      try {
        writeFileSync(join(dir, 'l.xlsx'), file.bytes);
        const out = execFileSync('/usr/bin/python3', ['-c', 'import sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(ws.freeze_panes, ws.auto_filter.ref, ws["A1"].value, ws["B1"].value, ws["C2"].value, ws["G2"].value)', join(dir, 'l.xlsx')], { encoding: 'utf8' });
        expect(out.trim()).toMatch(/^B2 A1:[A-Z]+26 项目名称 签约批次 None 是$/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // And back in through 导入台账: nothing new, nothing changed.
    await importLedger(page, file.fileName, new Uint8Array(file.bytes));
    await expect.poll(() => page.getByTestId('preview-summary').textContent()).toContain('新增 0 · 更新 0 · 未变 25');
    expect(app.errors).toEqual([]);
  });
});

describe('the ledger import at 1366×768', () => {
  it('reads 1-6月累计 as 本期, warns that it is not the return’s period, names the return and speaks of values', async () => {
    app = await openApp({ viewport: VIEWPORT });
    const { page } = app;
    await firstRunSettings(page);
    await openQ1of2024(page);
    await page.getByRole('tab', { name: '导入台账' }).click();
    await page.getByLabel('导入内容').selectOption('indicators');
    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), {
      name: '主要指标.xlsx',
      bytes: xlsx([{ name: '主要指标', rows: [['指标名称', '计量单位', '1-6月累计', '上年1-6月'], ['规上工业增加值', '亿元', 45.2, 38.1], ['固定资产投资', '亿元', 20, 18]] }]),
    });
    await page.getByTestId('mapping-table').waitFor();
    expect(await page.getByLabel('「1-6月累计」导入为').inputValue()).toBe('$current');
    expect(await page.getByLabel('「上年1-6月」导入为').inputValue()).toBe('$lastYear');
    await expect.poll(() => page.getByTestId('import-issues').textContent()).toContain('「1-6月累计」列（C 列）是1–6月的数，而当前报表是 2024年1–3月');
    await expect.poll(() => page.getByTestId('values-target').textContent()).toContain('写入当前报表「晋城开发区 · 2024年一季度」');
    await expect.poll(() => page.getByTestId('import-run').textContent()).toMatch(/^写入当前报表「晋城开发区 · 2024年一季度」：\d+ 个指标值$/);
    await screenshot(page, 'import-13-values-period');
    const cells = Number(/：(\d+) 个/.exec((await page.getByTestId('import-run').textContent()) ?? '')?.[1]);
    expect(cells).toBeGreaterThan(0);
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain(`已写入 ${cells} 个指标值到「晋城开发区 · 2024年一季度」`);
    expect(await page.getByTestId('import-done').textContent()).not.toContain('新增');

    // A ledger with only last year's column: said plainly.
    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), {
      name: '上年.xlsx',
      bytes: xlsx([{ name: '上年', rows: [['指标名称', '计量单位', '去年同期'], ['规上工业增加值', '亿元', 38.1]] }]),
    });
    await expect.poll(() => page.getByTestId('import-issues').textContent()).toContain('这份表里没有读到任何本期数');
    await screenshot(page, 'import-13-no-current');
    expect(app.errors).toEqual([]);
  });

  it('names the rows not imported with links into the preview, decides near-duplicates per row, and finds the header by its words', async () => {
    app = await openApp({ viewport: VIEWPORT });
    const { page } = app;
    await firstRunSettings(page);
    await importLedger(page, '已有.xlsx', xlsx([{ name: '台账', rows: [['项目名称', '总投资（亿元）'], ['康佳智慧科技城项目', 50], ['江苏国强智能光伏装备制造项目', 30]] }]));
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增 2 个项目');

    // The header names only two known columns; the first data row holds four status words.
    const rows: Cell[][] = [
      ['项目名称', '总投资（亿元）', '所属开发区', '一季度', '二季度', '三季度', '四季度'],
      ['康佳智慧科技城', 55, '晋城开发区', '已开工', '未开工', '已开工', '是'],
      ['江苏国强智能光伏装备制造项口', 31, '晋城开发区', '否', '否', '否', '否'],
      ['高平丝麻纺织产业园项目', 8, '高平开发区', null, null, null, null],
      [null, 3, '晋城开发区', null, null, null, null],
      ['全新项目', 1, '晋城开发区', null, null, null, null],
      ['合计', 98, null, null, null, null, null],
    ];
    await importLedger(page, '第二批.xlsx', xlsx([{ name: '第二批', rows }]));
    expect(await page.locator('.import-screen .toolbar .muted', { hasText: '表头在第' }).textContent()).toContain('表头在第 1 行');

    const skipped = page.getByTestId('skipped-rows');
    await expect.poll(() => skipped.locator('summary').textContent()).toContain('未导入 3 行');
    const items = await skipped.locator('li').allTextContents();
    expect(items[0]).toMatch(/^「第二批」第 4 行：属于「高平开发区」，不是本开发区/);
    expect(items[1]).toMatch(/^「第二批」第 5 行：缺少「项目名称」/);
    expect(items[2]).toMatch(/^「第二批」第 7 行：合计行/);
    // A link selects that row in the preview and brings it into view.
    await skipped.getByRole('button', { name: '「第二批」第 5 行' }).click();
    const fifth = page.locator('[data-testid="preview-table"] tr[data-row="5"]');
    await expect.poll(() => fifth.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => fifth.evaluate((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    await screenshot(page, 'import-13-skipped-link');

    // 名称相近, per row: the first is the same project, the second a new one.
    // (新增 counts the other zone's row too, left out as the list says.)
    await expect.poll(() => page.getByTestId('preview-summary').textContent()).toContain('新增 4 · 更新 0');
    await page.getByLabel('第 2 行与已有项目名称相近').selectOption({ label: '视为同一项目：「康佳智慧科技城项目」' });
    await expect.poll(() => page.getByTestId('preview-summary').textContent()).toContain('新增 3 · 更新 1');
    expect(await page.getByLabel('第 3 行与已有项目名称相近').inputValue()).toBe('');
    await screenshot(page, 'import-13-near-duplicates');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增 2 个项目，更新 1 个项目，未导入 3 行');
    expect(await page.getByTestId('skipped-rows').locator('li').count()).toBe(3);

    await rosterTab(page);
    const names = async () => (await page.locator('.roster-grid .ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]').allTextContents()).map((t) => t.trim()).sort();
    await expect.poll(names).toEqual(['全新项目', '康佳智慧科技城项目', '江苏国强智能光伏装备制造项口', '江苏国强智能光伏装备制造项目'].sort());
    await expect.poll(() => page.getByTestId('roster-count').textContent()).toBe('共 4 个项目');
    expect(app.errors).toEqual([]);
  });
});
