/**
 * The bureau's tools at 1366×768 in the web build: a whole folder opened and one dropped, the
 * 收件箱 table readable with long reasons wrapping, 退回修改 and 计入汇总 in the item's audit lines,
 * the 报送情况 board printed (A4 landscape, counts line on top, no buttons) and exported as a
 * workbook read by openpyxl, the 市汇总表 downloaded and read back by its own reader and LibreOffice,
 * and the reference figures typed in, refused when bad, imported from a sheet and used by the
 * comparison columns and the bulletin.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readCitySummaryWorkbook } from '../../src-shared/workbook';
import { becomeBureau, workbook } from './bureau-files';
import { captureDownload, openApp, screenshot, SCREENSHOT_DIR, type OpenedApp } from './harness';

const PYTHON = '/usr/bin/python3';
let app: OpenedApp | undefined;
const dir = mkdtempSync(join(tmpdir(), 'zr-bureau-tools-'));
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Drops a folder as Chromium gives one from the file manager: an item whose entry is a directory. */
async function dropFolder(page: Page, folder: string, files: { path: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map((f) => ({ path: f.path, data: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate(({ folder, list }) => {
    type Entry = { isFile: boolean; isDirectory: boolean; name: string; fullPath: string; file?: (ok: (f: File) => void) => void; createReader?: () => { readEntries: (ok: (e: Entry[]) => void) => void } };
    const fileEntry = (path: string, data: string): Entry => {
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const name = path.split('/').at(-1)!;
      return { isFile: true, isDirectory: false, name, fullPath: `/${folder}/${path}`, file: (ok) => ok(new File([bytes], name)) };
    };
    const dirEntry = (path: string, children: Entry[]): Entry => ({
      isFile: false, isDirectory: true, name: path.split('/').at(-1)!, fullPath: `/${path}`,
      createReader: () => { let done = false; return { readEntries: (ok) => { const batch = done ? [] : children; done = true; setTimeout(() => ok(batch), 0); } }; },
    });
    const top = list.filter((f) => !f.path.includes('/')).map((f) => fileEntry(f.path, f.data));
    const subs = new Map<string, Entry[]>();
    for (const f of list.filter((x) => x.path.includes('/'))) {
      const sub = f.path.split('/')[0]!;
      subs.set(sub, [...(subs.get(sub) ?? []), fileEntry(f.path, f.data)]);
    }
    const root = dirEntry(folder, [...top, ...[...subs].map(([sub, children]) => dirEntry(`${folder}/${sub}`, children))]);
    const dataTransfer = { items: [{ kind: 'file', type: '', webkitGetAsEntry: () => root }], files: [], types: ['Files'] };
    const target = document.querySelector('.app')!;
    for (const type of ['dragover', 'drop']) {
      const ev = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: dataTransfer });
      target.dispatchEvent(ev);
    }
  }, { folder, list: payload });
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

describe('the bureau’s tools at 1366×768', () => {
  it('folder, drop, 收件箱 layout, audit lines, board print and workbook, 市汇总表 export, reference figures', async () => {
    const folder = join(dir, '一季度报送');
    mkdirSync(join(folder, '沁水'), { recursive: true });
    writeFileSync(join(folder, '晋城开发区-第2版.xlsx'), await workbook('jincheng-kfq-2024-q1', 2, '2024-04-08T08:00:00.000Z'));
    writeFileSync(join(folder, '高平开发区.xlsx'), await workbook('gaoping-kfq-2024-q1', 1, '2024-04-07T08:00:00.000Z'));
    writeFileSync(join(folder, '沁水', '沁水开发区.xlsx'), await workbook('qinshui-kfq-2024-q1', 1, '2024-04-07T09:00:00.000Z'));
    writeFileSync(join(folder, '沁水', '说明.txt'), '不是报表');
    writeFileSync(join(folder, '~$高平开发区.xlsx'), 'lock');

    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await becomeBureau(page);

    // 1. A whole folder through the browser's folder picker: subfolders read, other files and lock files left out.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '打开文件夹…' }).click()]);
    await chooser.setFiles(folder);
    await page.getByText('文件夹「一季度报送」：收到 3 个文件，新存入 3 个').waitFor({ timeout: 60_000 });
    const names = await page.locator('table[aria-label="收到的报表"] tbody tr td:first-child').allTextContents();
    expect(names.sort()).toEqual(['晋城开发区-第2版.xlsx', '沁水/沁水开发区.xlsx', '高平开发区.xlsx'].sort());

    // 2. A folder dropped on the window: walked through its subfolder; the older revision is kept as superseded.
    await dropFolder(page, '补报', [
      { path: '阳城开发区.xlsx', bytes: await workbook('yangcheng-kfq-2024-q1', 1, '2024-04-07T10:00:00.000Z') },
      { path: '旧版/晋城开发区-第1版.xlsx', bytes: await workbook('jincheng-kfq-2024-q1', 1, '2024-04-06T08:00:00.000Z') },
      { path: '旧版/备注.docx', bytes: new Uint8Array([1, 2]) },
    ]);
    await page.getByText('收到 2 个文件，新存入 2 个').waitFor({ timeout: 60_000 });
    const row = (file: string) => page.locator('table[aria-label="收到的报表"] tbody tr').filter({ has: page.locator('td:first-child', { hasText: file }) });
    expect(await row('补报/旧版/晋城开发区-第1版.xlsx').locator('td').nth(5).textContent()).toBe('已被取代');
    expect(await row('补报/阳城开发区.xlsx').locator('td').nth(5).textContent()).toBe('采用');

    // 3. 退回修改 with a long reason, and 计入汇总 off and on again: each an audit line in the item's detail.
    const reason = '规上工业增加值与统计局反馈的快报数相差较大，工业投资中康佳智慧科技城项目的入库时间与台账不符，请核实后重新报送第3版，并在情况说明中写明原因。';
    page.once('dialog', (d) => void d.accept(reason));
    await row('高平开发区.xlsx').getByRole('button', { name: '退回修改' }).click();
    await expect.poll(() => row('高平开发区.xlsx').locator('td').nth(5).textContent()).toBe('已退回');
    const qinshui = row('沁水/沁水开发区.xlsx');
    await qinshui.getByLabel('计入汇总').click();
    await expect.poll(() => qinshui.textContent()).toContain('不计入汇总');
    await qinshui.getByLabel('计入汇总').click();
    await expect.poll(() => qinshui.getByLabel('计入汇总').isChecked()).toBe(true);
    await row('高平开发区.xlsx').getByRole('button', { name: '详情' }).click();
    const detail = page.getByTestId('inbox-detail');
    await expect.poll(() => detail.getByRole('list', { name: '市局操作记录' }).textContent()).toContain(`晋城市商务局 退回修改，原因：${reason}`);
    await qinshui.getByRole('button', { name: '详情' }).click();
    await expect.poll(() => detail.locator('li').allTextContents()).toEqual([expect.stringMatching(/ 晋城市商务局 改为不计入汇总$/), expect.stringMatching(/ 晋城市商务局 改为计入汇总$/)]);
    await row('高平开发区.xlsx').getByRole('button', { name: '详情' }).click();

    // 4. Every column readable at 1366 wide: no header cut off, no sideways scrolling, the long reason wraps.
    const layout = await page.evaluate(() => {
      const table = document.querySelector('table[aria-label="收到的报表"]') as HTMLTableElement;
      const heads = [...table.querySelectorAll('thead th')].map((th) => ({ text: th.textContent, cut: th.scrollWidth > th.clientWidth, width: th.getBoundingClientRect().width }));
      const cells = [...table.querySelectorAll('tbody tr[data-verdict] td')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent);
      const reasonCell = [...table.querySelectorAll('tbody td.reason')].find((td) => td.textContent?.startsWith('退回原因')) as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(reasonCell).lineHeight);
      return { heads, cut: cells, pageWidth: document.documentElement.scrollWidth, tableRight: table.getBoundingClientRect().right, reasonLines: Math.round(reasonCell.clientHeight / lineHeight) };
    });
    expect(layout.heads.filter((h) => h.cut)).toEqual([]);
    expect(layout.cut).toEqual([]);
    expect(layout.pageWidth).toBeLessThanOrEqual(1366);
    expect(layout.tableRight).toBeLessThanOrEqual(1366);
    expect(layout.reasonLines).toBeGreaterThan(1);
    expect(layout.heads.find((h) => h.text === '说明')!.width).toBeGreaterThan(250);
    await screenshot(page, 'bureau-tools-inbox-1366');

    // 5. 报送情况: printed on A4 landscape with the counts line on top and no buttons; exported as a workbook.
    await page.getByRole('tab', { name: '报送情况' }).click();
    const summaryLine = (await page.locator('.board-summary').textContent()) ?? '';
    expect(summaryLine).toMatch(/^应报 \d+ 个，已报 3 个，逾期 \d+ 个，退回 1 个$/);
    await screenshot(page, 'bureau-tools-board');
    const pdfPath = join(dir, 'board.pdf');
    writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = run('/usr/bin/pdfinfo', [pdfPath]);
    expect(info).toMatch(/Pages:\s+1\n/);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
    expect(w).toBeGreaterThan(h!); // landscape
    expect(Math.round(w!)).toBe(842);
    const printed = run('/usr/bin/pdftotext', ['-layout', pdfPath, '-']);
    const lines = printed.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines[0]).toBe('晋城市开发区2024年报送情况');
    expect(lines[1]!.replace(/\s+/g, ' ')).toBe(summaryLine);
    for (const word of ['打印', '导出工作簿', '收件箱', '开发区指标汇总']) expect(printed).not.toContain(word);
    expect(printed).toContain('已退回（第1版，2024-04-07 16:00）');
    run('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', pdfPath, join(SCREENSHOT_DIR, 'bureau-tools-board-print')]);

    const boardFile = await captureDownload(page, () => page.getByRole('button', { name: '导出工作簿' }).click());
    expect(boardFile.fileName).toBe('晋城市开发区2024年报送情况.xlsx');
    const boardXlsx = join(dir, boardFile.fileName);
    writeFileSync(boardXlsx, boardFile.bytes);
    const rows = JSON.parse(run(PYTHON, ['-c', 'import json,sys,openpyxl; ws=openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps([[c.value for c in r] for r in ws.iter_rows()], ensure_ascii=False))', boardXlsx])) as (string | null)[][];
    expect(rows[1]![0]).toBe(summaryLine);
    expect(rows.find((r) => r[0] === '晋城开发区')![1]).toBe('已报送（第2版，2024-04-08 16:00）');
    expect(rows.find((r) => r[0] === '高平开发区')![1]).toBe('已退回（第1版，2024-04-07 16:00）');
    expect(rows.at(-1)![0]).toBe('合计');

    // 6. Reference figures: a bad value is refused and nothing stored; a bad sheet names file, row and column; a good sheet is stored.
    await page.getByRole('tab', { name: '汇总' }).click();
    const gyzjz = page.locator('table[aria-label="城市汇总"] tr[data-code="gyzjz"] td');
    expect(await gyzjz.nth(2).textContent()).toBe('108.78'); // 退回 does not by itself take 高平 out of the total
    await page.getByLabel('规上工业增加值全省开发区平均增速').fill('0.9');
    await page.getByLabel('规上工业增加值全省完成量排名').fill('三');
    await page.getByRole('button', { name: '保存参考数据' }).click();
    await page.getByRole('alert').getByText('参考数据未保存：「规上工业增加值」的全省完成量排名「三」应为正整数名次（如 3）。').waitFor();
    expect(await gyzjz.nth(7).textContent()).toBe('—');
    const badCsv = join(dir, '参考-有误.csv');
    writeFileSync(badCsv, '指标,全省平均增速,全省排名\n规上工业增加值,0.9,3\n工业投资,约10,5\n');
    await page.getByLabel('导入参考数据表').setInputFiles(badCsv);
    await page.getByRole('alert').getByText('参考-有误.csv第3行「全省平均增速」列（B列）「约10」不是数值。', { exact: false }).waitFor();
    expect(await gyzjz.nth(7).textContent()).toBe('—');
    const sheet = XLSX.utils.aoa_to_sheet([['指标', '全省平均增速', '全省排名', '增速排名'], ['规上工业增加值', '0.9%', '第3位', 1], ['工业投资', 10.9, 5, '']]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '参考');
    const goodXlsx = join(dir, '全省参考.xlsx');
    writeFileSync(goodXlsx, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    await page.getByLabel('导入参考数据表').setInputFiles(goodXlsx);
    await page.getByText('已从「全省参考.xlsx」导入 2 个指标的参考数据').waitFor();
    expect(await gyzjz.nth(7).textContent()).toBe('0.90');
    expect(await gyzjz.nth(9).textContent()).toBe('完成量第3位，增速第1位');
    expect(await page.getByLabel('规上工业增加值全省完成量排名').inputValue()).toBe('3');
    expect(await page.getByLabel('工业投资全省开发区平均增速').inputValue()).toBe('10.9');

    // 7. The form after an import: one more rank typed in and saved; the 全省排名 column follows.
    await page.getByLabel('规上工业增加值全省增速排名').fill('2');
    await page.getByRole('button', { name: '保存参考数据' }).click();
    await page.getByText('已保存2024年1–3月的参考数据。').waitFor();
    expect(await gyzjz.nth(9).textContent()).toBe('完成量第3位，增速第2位');
    await screenshot(page, 'bureau-tools-summary');

    // 8. 市汇总表 downloaded: its payload reads back with the checksum; LibreOffice prints it on one page.
    const summary = await captureDownload(page, () => page.getByRole('button', { name: '导出市汇总表' }).click());
    expect(summary.fileName).toBe('晋城市2024年1–3月市汇总表.xlsx');
    const back = await readCitySummaryWorkbook(new Uint8Array(summary.bytes), summary.fileName);
    expect(back.ok && back.value.checksumOk).toBe(true);
    if (!back.ok) throw new Error('unreadable');
    expect(back.value.payload.returns.map((r) => r.zoneId).sort()).toEqual(['gaoping-kfq', 'jincheng-kfq', 'qinshui-kfq', 'yangcheng-kfq']);
    expect(back.value.payload.figures['gyzjz']?.growthPct?.toFixed(2)).toBe('20.35');
    expect(back.value.payload.figures['gyzjz']?.provinceAvgPct).toBe(0.9);
    const summaryXlsx = join(dir, 'summary.xlsx');
    writeFileSync(summaryXlsx, summary.bytes);
    run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, summaryXlsx]);
    const summaryPdf = join(dir, 'summary.pdf');
    expect(run('/usr/bin/pdfinfo', [summaryPdf])).toMatch(/Pages:\s+1\n/);
    expect(run('/usr/bin/pdftotext', ['-layout', summaryPdf, '-'])).toContain('合计');
    run('/usr/bin/pdftoppm', ['-png', '-r', '60', '-singlefile', summaryPdf, join(SCREENSHOT_DIR, 'bureau-tools-summary-print')]);

    await page.getByRole('tab', { name: '通报' }).click();
    await expect.poll(() => page.locator('.bulletin-screen').textContent(), { timeout: 30_000 }).toContain('全省开发区平均增速（0.9%）');
    expect(readdirSync(SCREENSHOT_DIR)).toContain('bureau-tools-board-print.png');
    expect(app.errors).toEqual([]);
  }, 240_000);
});
