import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_TABS, BUREAU_TABS } from '../../src-renderer/app/app-tabs';
import { openApp, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();

describe('帮助 on F1 (1366×768)', () => {
  it('opens over the return form on F1, names every tab of the clerk and the bureau, closes on Esc with the cell still focused', async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.locator('#setting-zoneId').selectOption('gaoping-kfq');
    await page.locator('#setting-fillerName').fill('李明');
    await page.getByRole('button', { name: '保存并开始填报' }).click();
    await page.getByRole('tab', { name: '填报' }).click();
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.locator('tr[data-period="2024-03-q"] button').click();
    await cell(page, 'gyzjz', 'current').click();

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: /帮助/ });
    await help.waitFor();
    const text = await help.innerText();
    for (const tab of [...APP_TABS, ...BUREAU_TABS]) expect(text, `帮助 names the tab ${tab.label}`).toContain(tab.label);
    for (const step of ['选择开发区和报告期', 'Ctrl+V', '导入台账', '导出报送工作簿', '发件箱', '自动备份', '联网报送', 'Esc']) expect(text).toContain(step);
    // It fits the screen and scrolls inside itself.
    const box = await help.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= 768 && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
    await screenshot(page, 'help-f1-1366');
    // What the clerk sees on the screen itself (the harness's shots are of the whole page).
    await page.screenshot({ path: join(import.meta.dirname, 'screenshots', 'help-f1-1366-screen.png') });
    // F1 did not start editing the cell under the dialog.
    expect(await page.locator('.ag-cell-inline-editing').count()).toBe(0);

    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Focus is back in the grid: typing goes into the cell.
    await page.keyboard.type('12.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'gyzjz', 'current').textContent()).toBe('12.50');

    // The 帮助 button opens the same page; the table of contents jumps to a section.
    await page.getByRole('button', { name: '帮助' }).click();
    await help.waitFor();
    await help.getByRole('link', { name: /备份与恢复/ }).click();
    await expect.poll(async () => {
      const section = await help.locator('#help-backup').boundingBox();
      return section !== null && section.y < 400;
    }).toBe(true);
    await help.getByRole('button', { name: /关闭/ }).click();
    await help.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });
});
