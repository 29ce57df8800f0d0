import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { becomeBureau, dropFiles, workbook } from './bureau-files';
import { openApp, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function tampered(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', xml.replace(/(&quot;gyzjz&quot;:\{&quot;current&quot;:)([0-9.]+)/, (_m, a: string, v: string) => `${a}${Number(v) + 1}`));
  return zip.generateAsync({ type: 'uint8array' });
}

const verdictOf = (page: Page, file: string) =>
  page.locator('table[aria-label="收到的报表"] tbody tr').filter({ has: page.locator('td:first-child', { hasText: file }) }).locator('td').nth(5);

describe('the city bureau in the web build', () => {
  it('as 晋城市商务局: drop five workbooks, see verdicts, the board, 108.78亿元 / 20.35% and the ranks', async () => {
    const jincheng2 = await workbook('jincheng-kfq-2024-q1', 2, '2024-04-08T08:00:00.000Z');
    const jincheng1 = await workbook('jincheng-kfq-2024-q1', 1, '2024-04-06T08:00:00.000Z');
    const gaoping = await workbook('gaoping-kfq-2024-q1', 1, '2024-04-07T08:00:00.000Z');
    const qinshui = await workbook('qinshui-kfq-2024-q1', 1, '2024-04-07T09:00:00.000Z');
    const yangcheng = await workbook('yangcheng-kfq-2024-q1', 1, '2024-04-07T10:00:00.000Z');
    const houma = await workbook('houma-kfq-2024-07', 1, '2024-08-05T08:00:00.000Z');

    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await becomeBureau(page);

    await dropFiles(page, [
      { name: '晋城开发区-第2版.xlsx', bytes: jincheng2 },
      { name: '晋城开发区-第1版.xlsx', bytes: jincheng1 },
      { name: '高平开发区-改动过.xlsx', bytes: await tampered(gaoping) },
      { name: '侯马开发区.xlsx', bytes: houma },
      { name: '沁水开发区.xlsx', bytes: qinshui },
    ]);
    await page.getByText('收到 5 个文件，新存入 5 个').waitFor({ timeout: 60_000 });
    expect(await verdictOf(page, '晋城开发区-第2版').textContent()).toBe('采用');
    expect(await verdictOf(page, '晋城开发区-第1版').textContent()).toBe('已被取代');
    expect(await verdictOf(page, '高平开发区-改动过').textContent()).toBe('不予采用');
    expect(await page.locator('tr', { hasText: '高平开发区-改动过' }).textContent()).toContain('校验未通过');
    expect(await page.locator('tr', { hasText: '侯马开发区.xlsx' }).textContent()).toContain('不是晋城市的开发区');
    await screenshot(page, 'bureau-inbox');

    // The two missing zones through the multi-select file picker.
    await page.getByLabel('打开报送工作簿').setInputFiles([
      { name: '高平开发区.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(gaoping) },
      { name: '阳城开发区.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(yangcheng) },
    ]);
    await page.getByText('收到 2 个文件，新存入 2 个').waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: '报送情况' }).click();
    const summary = await page.locator('.board-summary').textContent();
    expect(summary).toMatch(/^应报 \d+ 个，已报 4 个，逾期 \d+ 个$/);
    await screenshot(page, 'bureau-board');

    await page.getByRole('tab', { name: '汇总' }).click();
    const row = page.locator('table[aria-label="城市汇总"] tr[data-code="gyzjz"] td');
    expect(await row.nth(2).textContent()).toBe('108.78');
    expect(await row.nth(4).textContent()).toBe('20.35');
    expect(await row.nth(6).textContent()).toBe('5.35');
    await page.getByLabel('规上工业增加值全省开发区平均增速').fill('0.9');
    await page.getByRole('button', { name: '保存参考数据' }).click();
    await expect.poll(() => row.nth(8).textContent()).toBe('19.45');
    expect(await page.locator('.outcome').textContent()).toContain('4个开发区');
    await screenshot(page, 'bureau-summary');

    await page.getByRole('tab', { name: '排名' }).click();
    const ranks = page.locator('table[aria-label="规上工业增加值排名"] tbody tr');
    expect(await ranks.count()).toBe(4);
    expect(await ranks.first().locator('td').first().textContent()).toBe('晋城开发区');
    await screenshot(page, 'bureau-ranks');

    await page.getByRole('tab', { name: '图表' }).click();
    await page.locator('figure[aria-label="规上工业增加值增速图"] canvas').waitFor({ timeout: 30_000 });
    await screenshot(page, 'bureau-chart');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
