/**
 * Ledger import in the web build: pick a ledger, fix one column mapping, see the preview, leave a
 * row out, import, see the roster and the rates change, undo the batch.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { e2eLedger, multiSheetLedger, renamedPdf } from '../fixtures/ledgers/make-ledgers';
import { openApp, pickFile, screenshot, type OpenedApp } from './harness';
import { firstRunSettings, openQ1of2024 } from './clerk-steps';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const measure = (page: Page, code: string) => page.locator(`[data-measure="${code}"] b`);
const rosterNames = (page: Page) => page.locator('.roster-grid .ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]');

async function rosterTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '项目台账' }).click();
  await page.getByLabel('项目台账表格').waitFor();
}

describe('importing a ledger in the web build', () => {
  it('picks a ledger, fixes a mapping, previews, imports, and undoes the batch', async () => {
    app = await openApp();
    const { page } = app;
    await firstRunSettings(page);
    await openQ1of2024(page);
    await rosterTab(page);
    await expect.poll(() => measure(page, 'qySignedCount').textContent()).toBe('0 个');

    await page.getByRole('tab', { name: '导入台账' }).click();
    // A file that is not a spreadsheet: a clear message, nothing else happens.
    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), { name: '台账.xlsx', bytes: renamedPdf() });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('实际上是PDF 文件');

    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), { name: '2024年三个一批台账.xlsx', bytes: e2eLedger() });
    const mapping = page.getByTestId('mapping-table');
    await mapping.waitFor();
    const target = (header: string) => page.getByLabel(`「${header}」导入为`);
    expect(await target('计划总投资(万元)').inputValue()).toBe('totalInvestment');
    // 年度投资额 matches no synonym: the clerk maps it to 当年完成投资.
    expect(await target('年度投资额(万元)').inputValue()).toBe('');
    await target('年度投资额(万元)').selectOption('investmentThisYear');

    await expect.poll(() => page.getByTestId('preview-summary').textContent()).toContain('新增 4');
    const row = (n: number) => page.locator(`[data-testid="preview-table"] tr[data-row="${n}"]`);
    // 万元 in the ledger, 亿元 in the roster; the hand-mapped column is converted too.
    expect(await row(3).locator('td').allTextContents()).toEqual(expect.arrayContaining(['甲新材料项目', '12.5', '3']));
    await page.getByLabel('导入第 6 行').uncheck();
    await screenshot(page, 'import-preview');
    await expect.poll(() => page.getByTestId('import-run').textContent()).toContain('导入 3 个');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增 3 个项目');
    await expect.poll(() => page.getByTestId('import-history').locator('tbody tr').count()).toBe(1);

    await rosterTab(page);
    await expect.poll(async () => (await rosterNames(page).allTextContents()).map((t) => t.trim())).toEqual(['甲新材料项目', '乙装备项目', '丙文旅项目']);
    await expect.poll(() => measure(page, 'qySignedCount').textContent()).toBe('3 个');
    // 签约项目开工率, weighted by investment: 12.5 / (12.5 + 6 + 2).
    await expect.poll(() => measure(page, 'rateSignedStarted').textContent()).toBe('60.98%');
    await screenshot(page, 'import-roster');

    await page.getByRole('tab', { name: '导入台账' }).click();
    await page.getByTestId('import-history').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('已撤销');
    await rosterTab(page);
    await expect.poll(() => rosterNames(page).count()).toBe(0);
    await expect.poll(() => measure(page, 'qySignedCount').textContent()).toBe('0 个');

    // The same ledger again: the mapping the clerk fixed is remembered.
    await page.getByRole('tab', { name: '导入台账' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), { name: '2024年三个一批台账.xlsx', bytes: e2eLedger() });
    await expect.poll(() => target('年度投资额(万元)').inputValue()).toBe('investmentThisYear');
    expect(app.errors).toEqual([]);
  });

  it('imports every sheet of a workbook in one batch, each sheet mapped on its own', async () => {
    app = await openApp();
    const { page } = app;
    await firstRunSettings(page);
    await page.getByRole('tab', { name: '导入台账' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '选择台账文件…' }).click(), { name: '沁水台账.xlsx', bytes: multiSheetLedger() });
    const sheet = page.getByLabel('工作表', { exact: true });
    await sheet.waitFor();
    // 填表说明 holds no table, so it is not offered; the two ledgers are, one by one or together.
    expect(await sheet.locator('option').allTextContents()).toEqual(['签约项目（3 行）', '第二批（2 行）', '全部工作表（2 张，共 5 行）']);
    await sheet.selectOption('all');
    await expect.poll(() => page.getByTestId('preview-summary').textContent()).toContain('新增 5');
    const sheetsOfRows = async () => page.locator('[data-testid="preview-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-sheet')));
    expect(await sheetsOfRows()).toEqual(['签约项目', '签约项目', '签约项目', '第二批', '第二批']);
    // Each sheet keeps its own mapping: 第二批 has 是否签约, which the first sheet does not.
    const editing = page.getByLabel('修改映射的工作表');
    await editing.selectOption({ label: '第二批' });
    expect(await page.getByLabel('「是否签约」导入为').inputValue()).toBe('signed');
    await page.getByLabel('导入「第二批」第 3 行').uncheck();
    await screenshot(page, 'import-all-sheets');
    await expect.poll(() => page.getByTestId('import-run').textContent()).toContain('导入 4 个');
    await page.getByTestId('import-run').click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('新增 4 个项目');
    expect(await page.getByTestId('import-history').locator('tbody tr').first().textContent()).toContain('全部工作表：签约项目、第二批');

    await rosterTab(page);
    await expect.poll(async () => (await rosterNames(page).allTextContents()).map((t) => t.trim()).sort()).toEqual(['沁水新能源储能项目', '沁水煤层气液化项目', '运城铝基新材料项目', '阳城光伏玻璃项目'].sort());
    expect(app.errors).toEqual([]);
  });
});
