import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { readSubmissionWorkbook, SHEET } from '../../src-shared/workbook';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { captureDownload, openApp, pasteWithKeyboard, pickFile, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();

async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

async function fillRow(page: Page, code: string, current: string, lastYear: string): Promise<void> {
  await cell(page, code, 'current').click();
  await page.keyboard.type(current);
  await page.keyboard.press('Tab');
  await page.keyboard.type(lastYear);
  await page.keyboard.press('Enter');
  await waitSaved(page);
  // The grid shows what it stored, with the indicator's two decimals.
  await expect.poll(() => cell(page, code, 'current').textContent()).toBe(Number(current).toFixed(2));
  await expect.poll(() => cell(page, code, 'lastYear').textContent()).toBe(Number(lastYear).toFixed(2));
}

async function fillText(page: Page, code: string, text: string): Promise<void> {
  const box = page.locator(`textarea[data-text-code="${code}"]`);
  await box.fill(text);
  await box.blur();
  await waitSaved(page);
}

const status = (page: Page) => page.getByTestId('submission-status').textContent();
const EXPLANATION = '一季度两家企业新投产，增加值大幅增长。';

async function workbookOf(bytes: Uint8Array) {
  const read = await readSubmissionWorkbook(bytes);
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('\n'));
  return read.value;
}

describe('submitting a return in the web build', () => {
  it('validates, explains a warning, exports, finds the return locked, reopens it, and exports revision 2', async () => {
    app = await openApp();
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.locator('#setting-zoneId').selectOption('jincheng-kfq');
    await page.locator('#setting-fillerName').fill('张明');
    await page.getByRole('button', { name: '保存并开始填报' }).click();
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.locator('tr[data-period="2024-03-q"] button').click();
    await cell(page, 'gyzjz', 'current').waitFor();

    // Everything the set requires, with 规上工业增加值 up 91%: one warning (outside −30%…60%).
    await fillRow(page, 'gyzjz', '100', '52.3');
    await fillRow(page, 'gytz', '16.92', '10.85');
    await fillRow(page, 'zxxmtz', '15.7', '10');
    await fillRow(page, 'gyzcz', '248.6', '211.4');
    await fillText(page, 'txtHighlights', '=引进康佳智慧科技城项目');
    await fillText(page, 'txtMeasures', '开展“政府+链主企业+园区”招商。');

    await page.getByRole('tab', { name: '报送' }).click();
    await expect.poll(() => status(page)).toBe('填报中');
    const checks = page.getByRole('region', { name: '校验' });
    await expect.poll(() => checks.getByTestId('gate-summary').textContent(), { timeout: 10_000 }).toBe('错误 0 条，未说明的提示 1 条。');

    // 已校验 is refused while the warning has no 合理性说明.
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => page.getByTestId('submission-message').textContent()).toContain('没有填写合理性说明');
    expect(await status(page)).toBe('填报中');

    // Explain it, then 已校验.
    const warning = checks.locator('.issue-warning').first();
    expect(await warning.locator('.issue-place').textContent()).toBe('规上工业增加值·本期');
    await warning.locator('textarea').fill(EXPLANATION);
    await warning.locator('textarea').blur();
    await expect.poll(() => checks.getByTestId('gate-summary').textContent(), { timeout: 10_000 }).toBe('无错误；提示均已填写合理性说明。');
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => status(page)).toBe('已校验');
    await screenshot(page, 'submission-validated');

    // Export revision 1: the browser downloads it; the return is locked.
    await page.getByRole('button', { name: '报送（第 1 版）' }).click();
    const first = await captureDownload(page, () => page.getByRole('alertdialog', { name: '确认报送' }).getByRole('button', { name: '确定报送' }).click());
    expect(first.fileName).toBe('晋城开发区_2024年1–3月_报送_第1版.xlsx');
    // exceljs ran in the screen's Web Worker, not on the page's thread.
    expect(page.workers().map((w) => w.url()).some((url) => /workbook\.worker/.test(url))).toBe(true);
    await expect.poll(() => status(page)).toBe('已报送');
    const book1 = await workbookOf(new Uint8Array(first.bytes));
    expect(book1).toMatchObject({ intact: true, revision: 1 });
    expect(book1.identity.zoneName).toBe('晋城开发区');
    expect(book1.ret.values['gyzjz']).toEqual({ current: 100, lastYear: 52.3 });
    expect(book1.ret.values['txtHighlights']?.current).toBe('=引进康佳智慧科技城项目');
    expect(Object.values(book1.ret.explanations)).toEqual([EXPLANATION]);
    expect(page.getByRole('region', { name: '发件箱' }).locator('tbody tr')).toBeDefined();
    await expect.poll(() => page.getByRole('region', { name: '发件箱' }).locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'submission-exported');

    // The return is read-only in 填报.
    await page.getByRole('button', { name: '打开报表' }).click();
    await page.getByText(/本报表第 \d+ 版已于.*报送，已锁定，只能查看/).waitFor();
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('100.00');
    expect(await page.locator('textarea[data-text-code="txtHighlights"]').getAttribute('readonly')).not.toBeNull();
    await screenshot(page, 'submission-locked-return');

    // The roster is the zone's ledger and may grow after the export; the submitted return still
    // shows what was sent (no signed project), while the roster screen counts the new one.
    expect(await cell(page, 'qySignedCount', 'current').textContent()).toBe('0');
    await page.getByRole('tab', { name: '项目台账' }).click();
    const roster = page.getByLabel('项目台账表格');
    await roster.waitFor();
    await roster.click({ position: { x: 600, y: 200 } });
    await pasteWithKeyboard(app, '戊新材料项目\t2024年第一次\t新材料\t5\t1\t2\t是\t否\t否\t否\r\n');
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);
    await expect.poll(() => page.locator('[data-measure="qySignedCount"] b').textContent()).toBe('1 个');
    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByText(/本报表第 \d+ 版已于.*报送，已锁定，只能查看/).waitFor();
    expect(await cell(page, 'qySignedCount', 'current').textContent()).toBe('0');

    // Reopen with a reason, change a figure, validate again and export revision 2.
    await page.getByRole('tab', { name: '报送' }).click();
    await expect.poll(() => status(page)).toBe('已报送');
    await page.getByRole('button', { name: '退回修改' }).click();
    await expect.poll(() => page.getByTestId('submission-message').textContent()).toContain('请填写退回修改的原因');
    await page.getByLabel('退回原因').fill('市局要求核对工业投资');
    await page.getByRole('button', { name: '退回修改' }).click();
    await expect.poll(() => status(page)).toBe('退回修改');
    await page.getByText('退回原因：市局要求核对工业投资').waitFor();
    expect(await page.getByTestId('last-change').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 张明 改为“退回修改”$/);

    await page.getByRole('button', { name: '打开报表' }).click();
    await cell(page, 'gytz', 'current').click();
    await page.keyboard.type('17.02');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await page.getByRole('tab', { name: '报送' }).click();
    await expect.poll(() => status(page)).toBe('退回修改');
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => status(page)).toBe('已校验');
    await page.getByRole('button', { name: '报送（第 2 版）' }).click();
    const second = await captureDownload(page, () => page.getByRole('alertdialog', { name: '确认报送' }).getByRole('button', { name: '确定报送' }).click());
    expect(second.fileName).toBe('晋城开发区_2024年1–3月_报送_第2版.xlsx');
    await expect.poll(() => status(page)).toBe('已报送');
    const book2 = await workbookOf(new Uint8Array(second.bytes));
    expect(book2).toMatchObject({ intact: true, revision: 2 });
    expect(book2.ret.values['gytz']?.current).toBe(17.02);
    expect(book2.identity.submissionId).not.toBe(book1.identity.submissionId);

    // The outbox lists both, the first marked as superseded by revision 2.
    const outbox = page.getByRole('region', { name: '发件箱' });
    await expect.poll(() => outbox.locator('tbody tr').count()).toBe(2);
    expect(await outbox.locator('tr[data-revision="1"]').textContent()).toContain('已有更新版本（第 2 版）');
    expect(await outbox.locator('tr[data-revision="2"]').textContent()).toContain('最新');
    expect(await outbox.locator('tr[data-revision="2"]').textContent()).toContain(book2.checksum.stored.slice(0, 16));

    // 核对报送工作簿: the first file is intact; the same file changed by hand is caught, cell named.
    const verify = page.getByRole('region', { name: '核对报送工作簿' });
    await pickFile(page, () => verify.getByRole('button', { name: '选择工作簿…' }).click(), { name: first.fileName, bytes: first.bytes });
    await expect.poll(() => verify.getByTestId('verification').getAttribute('data-verdict')).toBe('intact');
    expect(await verify.getByTestId('verification').textContent()).toContain('第 1 版');
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(new Uint8Array(second.bytes).buffer);
    const table = edited.getWorksheet(SHEET.indicators);
    if (!table) throw new Error('no indicator sheet');
    table.getCell('D5').value = 120;
    const editedBytes = new Uint8Array(await edited.xlsx.writeBuffer());
    await pickFile(page, () => verify.getByRole('button', { name: '选择工作簿…' }).click(), { name: '改过的.xlsx', bytes: editedBytes });
    await expect.poll(() => verify.getByTestId('verification').getAttribute('data-verdict')).toBe('changed');
    expect(await verify.getByTestId('verification').textContent()).toContain('「主要指标」表 D5 单元格（规上工业增加值 · 本期累计）应为 100，实为 120');
    await screenshot(page, 'submission-verify');

    // Print: the preview is the workbook's form; the print stylesheet sends only it to paper.
    await page.getByRole('button', { name: '打印预览' }).click();
    const preview = page.getByRole('region', { name: '打印稿' });
    await preview.locator(`[data-sheet="${SHEET.indicators}"]`).getByText('规上工业增加值', { exact: true }).waitFor();
    expect(await preview.locator(`[data-sheet="${SHEET.cover}"]`).textContent()).toContain('第 2 版');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: '发件箱' }).isVisible()).toBe(false);
    expect(await preview.isVisible()).toBe(true);
    await screenshot(page, 'submission-print');
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(app.errors).toEqual([]);
  });
});
