/**
 * 通报 in the bureau's app (web build, Chromium, 1366×768), driven as 晋城市商务局 would: receive the
 * four industrial zones' workbooks of 2024 Q1, enter 全省开发区平均增速 in 汇总, open 通报, hover a
 * figure for its source, write and quote the narrative (kept over a reload), download text and .docx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropFiles, workbook, becomeBureau } from './bureau-files';
import { captureDownload, openApp, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('通报 in the bureau app', () => {
  it('as 晋城市商务局: four workbooks, 0.9 in 汇总, the drafted sentence with 19.45, the source on hover, the .docx', async () => {
    const files = [
      { name: '晋城开发区.xlsx', bytes: await workbook('jincheng-kfq-2024-q1', 1, '2024-04-06T08:00:00.000Z') },
      { name: '高平开发区.xlsx', bytes: await workbook('gaoping-kfq-2024-q1', 1, '2024-04-07T08:00:00.000Z') },
      { name: '沁水开发区.xlsx', bytes: await workbook('qinshui-kfq-2024-q1', 1, '2024-04-07T09:00:00.000Z') },
      { name: '阳城开发区.xlsx', bytes: await workbook('yangcheng-kfq-2024-q1', 1, '2024-04-07T10:00:00.000Z') },
    ];
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await becomeBureau(page);
    await dropFiles(page, files);
    await page.getByText('收到 4 个文件，新存入 4 个').waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByLabel('规上工业增加值全省开发区平均增速').fill('0.9');
    await page.getByRole('button', { name: '保存参考数据' }).click();
    await expect.poll(() => page.locator('table[aria-label="城市汇总"] tr[data-code="gyzjz"] td').nth(8).textContent()).toBe('19.45');

    const tabs = await page.getByRole('tab').allTextContents();
    expect(tabs.indexOf('通报')).toBe(tabs.indexOf('图表') + 1);
    await page.getByRole('tab', { name: '通报' }).click();
    await page.locator('.bulletin-page').waitFor({ timeout: 20_000 });
    expect(await page.getByLabel(/样式/).inputValue()).toBe('jincheng');
    const opening = await page.locator('.bulletin-page').textContent();
    expect(opening).toContain('累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点');
    expect(await page.locator('.bulletin-gaps').textContent()).toContain('【缺：全省开发区平均增速（工业投资）】');

    await page.locator('mark.bulletin-figure', { hasText: /^108\.78$/ }).hover();
    await expect.poll(() => page.locator('.bulletin-source').textContent()).toBe('晋城市（4个开发区合计） · 规上工业增加值 · 2024年1–3月 · 本期累计');

    const measures = page.getByPlaceholder('在此撰写“主要举措”');
    await measures.fill('一是聚焦发展提档升级，推动改革创新。');
    const editor = page.locator('.bulletin-narrative', { has: measures });
    await editor.locator('summary').click();
    expect(await editor.locator('.bulletin-material li').count()).toBeGreaterThan(0);
    await editor.getByRole('button', { name: '引用' }).first().click();
    const typed = await measures.inputValue();
    expect(typed.startsWith('一是聚焦发展提档升级，推动改革创新。\n')).toBe(true);
    await page.locator('mark.bulletin-figure', { hasText: /^20\.35$/ }).first().hover();
    await screenshot(page, 'bureau-bulletin');

    // The narrative is kept: after a reload it is back in 通报.
    await page.reload();
    await page.getByRole('tab', { name: '通报' }).click();
    await expect.poll(() => page.getByPlaceholder('在此撰写“主要举措”').inputValue(), { timeout: 20_000 }).toBe(typed);

    const text = await captureDownload(page, () => page.getByRole('button', { name: '导出纯文本' }).click());
    expect(text.fileName).toBe('晋城市开发区2024年第一季度主要经济指标运行情况.txt');
    expect(text.bytes.toString('utf8')).toContain('累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点；');

    // The .docx is made by the docx library inside the browser; Python's zipfile reads its text.
    const docx = await captureDownload(page, () => page.getByRole('button', { name: '导出 Word 文档' }).click());
    expect(docx.fileName).toBe('晋城市开发区2024年第一季度主要经济指标运行情况.docx');
    const path = join(mkdtempSync(join(tmpdir(), 'bureau-bulletin-e2e-')), 'b.docx');
    writeFileSync(path, docx.bytes);
    const read = spawnSync('/usr/bin/python3', ['-c', "import zipfile,sys,re; x=zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode(); print(''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', x)))", path], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toContain('一是聚焦发展提档升级，推动改革创新。');
    expect(read.stdout).toContain('高于全省开发区平均增速（0.9%）19.45个百分点');
    expect(app.errors).toEqual([]);
  }, 180_000);
});
