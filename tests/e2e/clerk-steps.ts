/** Steps of a clerk's first minutes shared by the import and roster e2e files. */
import type { Page } from 'playwright-core';

/** The first-run settings of 晋城开发区's clerk 王芳 (no phone), up to the return list. */
export async function firstRunSettings(page: Page): Promise<void> {
  await page.locator('#setting-zoneId').selectOption('jincheng-kfq');
  await page.locator('#setting-fillerName').fill('王芳');
  await page.getByRole('button', { name: '保存并开始填报' }).click();
  await page.getByText('晋城开发区 · 报表列表').waitFor();
}

/** Opens the 2024 一季度 return from the list and waits for its first grid row. */
export async function openQ1of2024(page: Page): Promise<void> {
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.locator('tr[data-period="2024-03-q"] button').click();
  await page.locator('.ag-row[row-id="gyzjz"]').first().waitFor();
}
