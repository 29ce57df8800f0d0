/**
 * What the 联网报送 end-to-end tests share: the restartable test server of tests/server/harness, and the
 * clerk's steps in the web build — typing a row or a text, validating and exporting a revision.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export { restartableTestServer as testCollectionServer } from '../server/harness';

export const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();
export const submissionStatus = (page: Page) => page.getByTestId('submission-status').textContent();
export const syncBadge = (page: Page) => page.getByTestId('sync-badge').textContent();

export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

/** The first-run settings of a clerk of 晋城开发区 (王芳), up to the return list. */
export async function firstRunAsClerk(page: Page): Promise<void> {
  await page.locator('#setting-zoneId').waitFor({ timeout: 60_000 });
  await page.locator('#setting-zoneId').selectOption('jincheng-kfq');
  await page.locator('#setting-fillerName').fill('王芳');
  await page.locator('#setting-phone').fill('0356-1234567');
  await page.getByRole('button', { name: '保存并开始填报' }).click();
  await page.getByText('晋城开发区 · 报表列表').waitFor();
}

export async function fillRow(page: Page, code: string, current: string, lastYear: string): Promise<void> {
  await cell(page, code, 'current').click();
  await page.keyboard.type(current);
  await page.keyboard.press('Tab');
  await page.keyboard.type(lastYear);
  await page.keyboard.press('Enter');
  await waitSaved(page);
}

export async function fillText(page: Page, code: string, text: string): Promise<void> {
  const box = page.locator(`textarea[data-text-code="${code}"]`);
  await box.fill(text);
  await box.blur();
  await waitSaved(page);
}

export async function validateAndExport(page: Page, revision: number): Promise<void> {
  await page.getByRole('tab', { name: '报送' }).click();
  await expect.poll(() => page.getByRole('region', { name: '校验' }).getByTestId('gate-summary').textContent(), { timeout: 10_000 }).toMatch(/^(无错误|错误 0 条，未说明的提示 0 条)/);
  await page.getByRole('button', { name: '标记为已校验' }).click();
  await expect.poll(() => submissionStatus(page)).toBe('已校验');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `报送（第 ${revision} 版）` }).click();
  await page.getByRole('alertdialog', { name: '确认报送' }).getByRole('button', { name: '确定报送' }).click();
  await (await download).path();
  await expect.poll(() => submissionStatus(page)).toBe('已报送');
}
