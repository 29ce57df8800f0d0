/**
 * The 通报起草 screen in Chromium (web build, real browser bridge): a highlighted number shows its
 * source on hover, the gap is listed, the narrative is typed and quoted, and the .docx and the text
 * are downloaded. The screen is mounted by a test entry: it has no tab until the bureau's role exists.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { appUrl, captureDownload, openApp, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function bundle(): Promise<Map<string, { body: string | Uint8Array; type: string }>> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    base: '/__bulletin__/',
    mode: 'production',
    esbuild: { jsx: 'automatic', jsxDev: false },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: { write: false, minify: false, cssCodeSplit: false, lib: { entry: join(import.meta.dirname, 'bulletin-screen-entry.tsx'), formats: ['es'], fileName: 'bulletin' } },
  });
  const files = new Map<string, { body: string | Uint8Array; type: string }>();
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) continue;
    for (const item of result.output) {
      const type = item.fileName.endsWith('.js') ? 'text/javascript; charset=utf-8' : item.fileName.endsWith('.css') ? 'text/css; charset=utf-8' : 'application/octet-stream';
      files.set(item.fileName, { body: item.type === 'chunk' ? item.code : item.source, type });
    }
  }
  return files;
}

describe('通报起草 in the browser', () => {
  it('hover shows the source, the gap is listed, narrative is written, .docx and text download', async () => {
    const files = await bundle();
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    const base = new URL('__bulletin__/', appUrl());
    await page.route(`${base.toString()}**`, (route) => {
      const file = files.get(decodeURIComponent(new URL(route.request().url()).pathname.slice(base.pathname.length)));
      return file ? route.fulfill({ body: typeof file.body === 'string' ? file.body : Buffer.from(file.body), contentType: file.type }) : route.fulfill({ status: 404 });
    });
    const css = [...files.keys()].find((n) => n.endsWith('.css'));
    if (css) await page.addStyleTag({ url: new URL(css, base).toString() });
    await page.addScriptTag({ url: new URL('bulletin.js', base).toString(), type: 'module' });
    await page.waitForSelector('.bulletin-page', { timeout: 20_000 }).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${app?.errors.join('\n')}\n${[...files.keys()].join(', ')}`);
    });

    await page.locator('mark.bulletin-figure', { hasText: /^108\.78$/ }).hover();
    await expect.poll(() => page.locator('.bulletin-source').textContent()).toBe('晋城市（4个开发区合计） · 规上工业增加值 · 2024年1–3月 · 本期累计');
    await page.locator('mark.bulletin-figure', { hasText: /^12852$/ }).first().hover();
    await expect.poll(() => page.locator('.bulletin-source').textContent()).toBe('陵川生态文化旅游示范区 · 固定资产投资 · 2024年1–3月 · 本期累计');
    expect(await page.locator('.bulletin-gaps').textContent()).toContain('【缺：全省开发区平均增速（工业投资）】');

    const measures = page.getByPlaceholder('在此撰写“主要举措”');
    await measures.fill('一是聚焦发展提档升级，推动改革创新。');
    await page.locator('.bulletin-narrative', { has: measures }).locator('summary').click();
    await page.locator('.bulletin-narrative', { has: measures }).getByRole('button', { name: '引用' }).first().click();
    expect(await measures.inputValue()).toBe('一是聚焦发展提档升级，推动改革创新。\n修订出台《支持企业高质量发展的若干意见》，明确4方面13条具体举措；开展“政府+链主企业+园区”招商。');
    await page.locator('mark.bulletin-figure', { hasText: /^20\.35$/ }).hover();
    await screenshot(page, 'bulletin-screen');

    const text = await captureDownload(page, () => page.getByRole('button', { name: '导出纯文本' }).click());
    expect(text.fileName).toBe('晋城市开发区2024年第一季度主要经济指标运行情况.txt');
    const body = text.bytes.toString('utf8');
    expect(body).toContain('累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点；');
    expect(body).toContain('　　一是聚焦发展提档升级，推动改革创新。\r\n　　修订出台');
    await expect.poll(() => page.locator('.notice').textContent()).toContain('已下载');

    // The .docx is made by the docx library inside the browser; Python's zipfile reads its text.
    const docx = await captureDownload(page, () => page.getByRole('button', { name: '导出 Word 文档' }).click());
    expect(docx.fileName).toBe('晋城市开发区2024年第一季度主要经济指标运行情况.docx');
    const path = join(mkdtempSync(join(tmpdir(), 'bulletin-e2e-')), 'b.docx');
    writeFileSync(path, docx.bytes);
    const read = spawnSync('/usr/bin/python3', ['-c', "import zipfile,sys,re; x=zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode(); print(''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', x)))", path], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    expect(read.stdout).toContain('一是聚焦发展提档升级，推动改革创新。');
    expect(read.stdout).toContain('【缺：全省开发区平均增速（工业投资）】');
    expect(app.errors).toEqual([]);
  });
});
