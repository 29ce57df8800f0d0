import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Period } from '../../src-shared/model';
import { dropFiles, openAsBureau, periodReturn, workbook, workbookOf } from './bureau-files';
import { cell, fillRow, firstRunAsClerk, waitSaved } from './sync-harness';
import { captureDownload, openApp, screenshot, SCREENSHOT_DIR, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b: Buffer) => [b.readUInt32BE(16), b.readUInt32BE(20)];
const q = (year: number, endMonth: number): Period => ({ year, endMonth, frequency: 'quarter' });
/** Whether the page has fetched the ECharts chunk since it was loaded (the chunk is lazy: only once a chart is shown). */
const echartsLoaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/echarts-[^/]*\.js$/.test(e.name)));
const chart = (page: Page, label: string) => page.locator(`figure[aria-label="${label}"]`);

async function savePng(page: Page, label: string): Promise<{ fileName: string; bytes: Buffer }> {
  const d = await captureDownload(page, () => chart(page, label).getByRole('button', { name: '保存为 PNG' }).click());
  expect(d.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(d.bytes.length).toBeGreaterThan(5000);
  return d;
}

describe('charts in the web build (1366×768)', () => {
  it('as 晋城市商务局: the trend over 2024 and 2023, growth, ranks; a PNG saved; the print view on one A4 landscape page', async () => {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const z of ['jincheng', 'gaoping', 'qinshui', 'yangcheng'] as const) files.push({ name: `${z}-2024-1季度.xlsx`, bytes: await workbook(`${z}-kfq-2024-q1`, 1, '2024-04-07T08:00:00.000Z') });
    // 1–6月 of 2024 (本期 / 上年同期) and 1–9月 of 2023 for two zones, whose 上年 comes from those returns.
    const q2 = { jincheng: [130.2, 108.6], gaoping: [44.1, 35], qinshui: [31, 27.5], yangcheng: [18.9, 17.2] } as const;
    for (const [z, [current, lastYear]] of Object.entries(q2) as [keyof typeof q2, readonly [number, number]][]) {
      files.push({ name: `${z}-2024-2季度.xlsx`, bytes: await workbookOf(periodReturn(`${z}-kfq-2024-q1`, q(2024, 6), { gyzjz: { current, lastYear } }), 1, '2024-07-07T08:00:00.000Z') });
    }
    files.push({ name: 'jincheng-2023-3季度.xlsx', bytes: await workbookOf(periodReturn('jincheng-kfq-2024-q1', q(2023, 9), { gyzjz: { current: 150 } }), 1, '2023-10-07T08:00:00.000Z') });
    files.push({ name: 'gaoping-2023-3季度.xlsx', bytes: await workbookOf(periodReturn('gaoping-kfq-2024-q1', q(2023, 9), { gyzjz: { current: 50.5 } }), 1, '2023-10-07T08:00:00.000Z') });

    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await openAsBureau(page);
    await dropFiles(page, files);
    await page.getByText(`收到 ${files.length} 个文件，新存入 ${files.length} 个`).waitFor({ timeout: 90_000 });
    expect(await page.locator('table[aria-label="收到的报表"] tbody tr[data-verdict="accepted"]').count()).toBe(files.length);

    expect(await echartsLoaded(page)).toBe(false);
    await page.getByRole('tab', { name: '图表' }).click();
    // The newest period is shown: 2024年1–6月.
    expect(await page.getByLabel('报告期').inputValue()).toBe('2024-06-q');
    for (const label of ['规上工业增加值累计走势图', '规上工业增加值增速图', '规上工业增加值完成量排名图', '规上工业增加值增速排名图']) {
      await chart(page, label).locator('canvas').waitFor({ timeout: 30_000 });
    }
    expect(await page.locator('.notice.warning').count()).toBe(0);
    expect(await echartsLoaded(page)).toBe(true);
    await screenshot(page, 'charts-bureau');

    const png = await savePng(page, '规上工业增加值增速排名图');
    expect(png.fileName).toBe('晋城市_2024年1–6月_规上工业增加值增速排名.png');
    expect(pngSize(png.bytes)).toEqual([1280, 680]);
    writeFileSync(join(SCREENSHOT_DIR, 'charts-saved-growth-rank.png'), png.bytes);
    const trendPng = await savePng(page, '规上工业增加值累计走势图');
    expect(trendPng.fileName).toBe('晋城市_2024年_规上工业增加值累计走势.png');
    writeFileSync(join(SCREENSHOT_DIR, 'charts-saved-trend.png'), trendPng.bytes);
    await expect.poll(() => chart(page, '规上工业增加值累计走势图').getByRole('status').textContent()).toBe('图片已下载：晋城市_2024年_规上工业增加值累计走势.png');

    // Another indicator redraws all four.
    await page.getByLabel('图表指标').selectOption({ label: '工业投资' });
    await chart(page, '工业投资增速排名图').locator('canvas').waitFor();
    await page.getByRole('button', { name: '打印图表', disabled: false }).waitFor();
    await page.getByLabel('图表指标').selectOption({ label: '规上工业增加值' });
    await page.getByRole('button', { name: '打印图表', disabled: false }).waitFor();

    // The print view: the four charts as images, a title, no controls, one A4 landscape page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '保存为 PNG' }).first().isVisible()).toBe(false);
    expect(await page.locator('.chart-print img').count()).toBe(4);
    expect(await page.locator('.chart-print h1').textContent()).toBe('晋城市开发区2024年1–6月规上工业增加值图表');
    await screenshot(page, 'charts-bureau-print-media');
    // No emulation: page.pdf() prints with the print stylesheet, as 打印 does.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SCREENSHOT_DIR, 'charts-print.pdf'), pdf);
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt.
    expect(Math.round(Number(box?.[1]))).toBe(842);
    expect(Math.round(Number(box?.[2]))).toBe(595);
    expect(app.errors).toEqual([]);
  }, 240_000);
});

/** Opens a period of the list, types 规上工业增加值 (本期, and 上年同期 when given), and goes back to the list. */
async function fillGyzjz(page: Page, year: string, key: string, current: string, lastYear?: string): Promise<void> {
  await page.locator('select[aria-label="年度"]').selectOption(year);
  await page.locator(`tr[data-period="${key}"] button`).click();
  if (lastYear !== undefined) await fillRow(page, 'gyzjz', current, lastYear);
  else {
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type(current);
    await page.keyboard.press('Enter');
    await waitSaved(page);
  }
  await page.getByRole('button', { name: '← 返回报表列表' }).click();
  await page.getByText('晋城开发区 · 报表列表').waitFor();
}

describe('the clerk\'s trend (1366×768)', () => {
  it('under the return list: 2024 from its own returns, 上年 from the typed 上年同期 and its 2023 return; saved as PNG', async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await firstRunAsClerk(page);
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.getByRole('region', { name: '趋势' }).getByText('2024年和2023年还没有填报规上工业增加值').waitFor();
    // No chart yet, so no chart code either.
    expect(await echartsLoaded(page)).toBe(false);

    await fillGyzjz(page, '2024', '2024-03-q', '62.41', '52.3');
    await fillGyzjz(page, '2024', '2024-06-q', '130.2', '108.6');
    await fillGyzjz(page, '2023', '2023-09-q', '150');
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    const trend = chart(page, '规上工业增加值累计走势图');
    await trend.locator('canvas').waitFor({ timeout: 30_000 });
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'charts-clerk-trend');
    const png = await savePng(page, '规上工业增加值累计走势图');
    expect(png.fileName).toBe('晋城开发区_2024年_规上工业增加值累计走势.png');
    expect(pngSize(png.bytes)).toEqual([1520, 680]);
    writeFileSync(join(SCREENSHOT_DIR, 'charts-saved-clerk-trend.png'), png.bytes);
    // Another indicator: nothing typed for it yet.
    await page.getByLabel('趋势指标').selectOption({ label: '工业投资' });
    await page.getByRole('region', { name: '趋势' }).getByText('2024年和2023年还没有填报工业投资').waitFor();
    expect(app.errors).toEqual([]);
  }, 240_000);
});
