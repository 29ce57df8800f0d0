import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDownload, openApp, pickFile, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();

async function openQ1of2024(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '填报' }).click();
  // The tab shows the return open before, or the list when none is.
  await page.locator('select[aria-label="年度"], .return-form').first().waitFor();
  const back = page.getByRole('button', { name: '← 返回报表列表' });
  if (await back.isVisible()) await back.click();
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.locator('tr[data-period="2024-03-q"] button').click();
  await cell(page, 'gyzjz', 'current').waitFor();
}

async function typeInto(page: Page, code: string, text: string): Promise<void> {
  await cell(page, code, 'current').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

describe('backup and restore in the web build', () => {
  it('backs up, changes a value, restores the backup after confirming, and shows the original again', async () => {
    app = await openApp();
    const { page } = app;
    await page.locator('#setting-zoneId').selectOption('gaoping-kfq');
    await page.locator('#setting-fillerName').fill('李明');
    await page.getByRole('button', { name: '保存并开始填报' }).click();
    await openQ1of2024(page);
    await typeInto(page, 'gyzjz', '56.7');
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    const backup = await captureDownload(page, () => page.getByRole('button', { name: '备份到文件…' }).click());
    expect(backup.fileName).toMatch(/^开发区填报备份-\d{8}-\d{4}\./);
    expect(backup.bytes.length).toBeGreaterThan(100);
    await page.getByText(/已备份到文件/).waitFor();
    await screenshot(page, 'backup-panel');

    // Change the value after the backup.
    await openQ1of2024(page);
    await typeInto(page, 'gyzjz', '99');
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');

    // Restore asks first; cancelling changes nothing.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: backup.fileName, bytes: backup.bytes });
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(backup.fileName);
    await screenshot(page, 'restore-confirm');
    await page.getByRole('button', { name: '取消' }).click();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: backup.fileName, bytes: backup.bytes });
    await page.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(/已从“.*”恢复/).waitFor();

    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');
    // And it is the database that holds it, not the screen: reload and look again.
    await page.reload();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');
    expect(app.errors).toEqual([]);
  });
});
