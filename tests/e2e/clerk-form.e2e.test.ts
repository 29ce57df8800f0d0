import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as runVerify } from '../../src-main/cli/verify';
import { judgeInbox } from '../../src-shared/collect';
import { readReceivedFile } from '../../src-shared/collect/read-received';
import { parsePeriodKey } from '../../src-shared/period';
import { builtinZoneRegistry } from '../../src-shared/seeds';
import { readSubmissionWorkbook, SHEET, VISIBLE_SHEETS } from '../../src-shared/workbook';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { captureDownload, openApp, screenshot, type OpenedApp } from './harness';
import { captureOutput } from '../cli/capture';
import { firstRunAsClerk } from './sync-harness';

// The return form, 报送 and zones on the common county-office laptop screen (issue 13).
const LAPTOP = { width: 1366, height: 768 };

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();
const indicator = (page: Page) => page.getByTestId('save-indicator');
const waitSaved = async (page: Page): Promise<void> => {
  await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
};
const coverSummary = (page: Page) => page.locator('.cover-panel summary').textContent();

async function openPeriod(page: Page, key: string): Promise<void> {
  const year = String(parsePeriodKey(key)?.year);
  if ((await page.locator('select[aria-label="年度"]').inputValue()) !== year) await page.locator('select[aria-label="年度"]').selectOption(year);
  await page.locator(`tr[data-period="${key}"] button`).click();
  await cell(page, 'gyzjz', 'current').waitFor();
}

async function typeInto(page: Page, code: string, col: string, text: string): Promise<void> {
  await cell(page, code, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await waitSaved(page);
}

/** From now on IndexedDB refuses every write as a full disk does (QuotaExceededError), or no longer. */
async function fillTheDisk(page: Page, full: boolean): Promise<void> {
  await page.evaluate((on) => {
    const w = window as unknown as { __zrPut?: unknown; __zrAdd?: unknown };
    const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => IDBRequest>;
    if (w.__zrPut === undefined) {
      w.__zrPut = proto.put;
      w.__zrAdd = proto.add;
    }
    const refuse = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = on ? refuse : (w.__zrPut as (...args: unknown[]) => IDBRequest);
    proto.add = on ? refuse : (w.__zrAdd as (...args: unknown[]) => IDBRequest);
  }, full);
}

/**
 * The order the browser shows a date field's segments in (it follows the system's language, not the
 * page's): a throwaway field is typed 01022003 and read back.
 */
async function dateFieldOrder(page: Page): Promise<'ymd' | 'mdy' | 'dmy'> {
  await page.evaluate(() => {
    const probe = document.createElement('input');
    probe.type = 'date';
    probe.id = 'date-order-probe';
    document.body.append(probe);
  });
  await page.locator('#date-order-probe').click({ position: { x: 8, y: 8 } });
  await page.keyboard.type('01022003');
  const value = await page.locator('#date-order-probe').inputValue();
  await page.evaluate(() => document.getElementById('date-order-probe')?.remove());
  return value === '2003-01-02' ? 'mdy' : value === '2003-02-01' ? 'dmy' : 'ymd';
}

describe('the return form at 1366×768', () => {
  it('saves 报出日期 as soon as it is a whole date, walking its segments with Tab; a half date is neither saved nor lost', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openPeriod(page, '2024-03-q');
    await page.locator('.cover-panel summary').click();
    const date = page.locator('input[data-cover="reportDate"]');
    const order = await dateFieldOrder(page);
    // Tab walks the field's own segments (年 / 月 / 日) before it leaves the field.
    await date.click({ position: { x: 8, y: 8 } });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cover'))).toBe('reportDate');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    // Typed in the order the field shows its segments; a finished month or day moves on by itself, the year is left with Tab.
    const keys = order === 'ymd' ? ['2024', 'Tab', '04', '08'] : order === 'mdy' ? ['04', '08', '2024'] : ['08', '04', '2024'];
    for (const key of keys) {
      if (key === 'Tab') await page.keyboard.press('Tab');
      else await page.keyboard.type(key);
    }
    // Saved while the field still has the focus: no click elsewhere.
    await expect.poll(() => coverSummary(page), { timeout: 10_000 }).toContain('报出日期 2024-04-08');
    await waitSaved(page);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cover'))).toBe('reportDate');
    await screenshot(page, 'form13-report-date-saved');

    // The day is taken away (half a date), then another field is saved: the stored date stays.
    await page.keyboard.press('Backspace');
    await expect.poll(() => date.evaluate((el) => (el as HTMLInputElement).validity.badInput)).toBe(true);
    await page.locator('input[data-cover="statisticsHead"]').click();
    await page.keyboard.type('刘统计');
    await page.locator('input[data-cover="unitHead"]').click();
    await waitSaved(page);
    await expect.poll(() => page.locator('.cover-panel .notice.error').textContent()).toContain('报出日期还没有填完整');
    expect(await coverSummary(page)).toContain('报出日期 2024-04-08');
    // What was typed of the date is still in the box (year and month), not wiped.
    expect(await date.evaluate((el) => (el as HTMLInputElement).validity.badInput)).toBe(true);
    await screenshot(page, 'form13-report-date-half');

    await page.reload();
    await cell(page, 'gyzjz', 'current').waitFor({ timeout: 30_000 });
    expect(await coverSummary(page)).toContain('报出日期 2024-04-08');
    await page.locator('.cover-panel summary').click();
    expect(await page.locator('input[data-cover="statisticsHead"]').inputValue()).toBe('刘统计');
    expect(await page.locator('input[data-cover="reportDate"]').inputValue()).toBe('2024-04-08');
  });

  it('keeps 保存失败 shown for a refused 文字材料 text until that text is saved, though a cell is saved after it', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openPeriod(page, '2024-03-q');
    await typeInto(page, 'gyzjz', 'current', '108.78');

    await fillTheDisk(page, true);
    const box = page.locator('textarea[data-text-code="txtMeasures"]');
    await box.fill('开展“政府+链主企业+园区”招商。');
    await box.blur();
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^保存失败/);
    await fillTheDisk(page, false);
    // Another save succeeds; the text is still unsaved, and the header goes on saying so.
    await cell(page, 'gytz', 'current').click();
    await page.keyboard.type('16.92');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'gytz', 'current').textContent()).toBe('16.92');
    // The cell's save has committed (it is in the database after a moment), yet the header stays on the failure.
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).not.toMatch(/^保存中/);
    expect(await indicator(page).textContent()).toMatch(/^保存失败/);
    expect(await indicator(page).textContent()).not.toContain('已保存');
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'form13-text-still-unsaved');

    // Saving the text itself ends the failure.
    await box.focus();
    await box.blur();
    await waitSaved(page);
    await page.reload();
    await cell(page, 'gyzjz', 'current').waitFor({ timeout: 30_000 });
    expect(await page.locator('textarea[data-text-code="txtMeasures"]').inputValue()).toBe('开展“政府+链主企业+园区”招商。');
  });

  it('shows thousands separators in the grid, takes 108780 and 108,780 typed, and exports numbers with a #,##0.00 format', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openPeriod(page, '2024-03-q');
    await typeInto(page, 'jbFunds', 'current', '108780');
    await expect.poll(() => cell(page, 'jbFunds', 'current').textContent()).toBe('108,780.00');
    await typeInto(page, 'jbFunds', 'current', '108,780.5');
    await expect.poll(() => cell(page, 'jbFunds', 'current').textContent()).toBe('108,780.50');
    await typeInto(page, 'jbFunds', 'current', '108780');
    await expect.poll(() => cell(page, 'jbFunds', 'current').textContent()).toBe('108,780.00');
    // The editor starts with the full number, not the shown text.
    await cell(page, 'jbFunds', 'current').dblclick();
    expect(await page.locator('.ag-cell-inline-editing input').inputValue()).toBe('108780');
    await page.keyboard.press('Escape');
    await cell(page, 'jbFunds', 'current').scrollIntoViewIfNeeded();
    await screenshot(page, 'form13-thousands-grid');

    await page.getByRole('tab', { name: '报送' }).click();
    const draft = await captureDownload(page, () => page.getByRole('button', { name: '导出草稿' }).click());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(draft.bytes).buffer);
    const sheet = workbook.getWorksheet(SHEET.indicators);
    let found: { value: unknown; numFmt: string } | undefined;
    sheet?.eachRow((row) => {
      row.eachCell((c) => {
        if (c.value === 108780) found = { value: c.value, numFmt: c.numFmt };
      });
    });
    expect(found).toEqual({ value: 108780, numFmt: '#,##0.00' });
  });
});

describe('报送 at 1366×768', () => {
  it('导出草稿 is marked and refused as a draft everywhere; 报送 says what it does, asks once, submits and locks', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openPeriod(page, '2024-03-q');
    await typeInto(page, 'gyzjz', 'current', '108.78');
    await typeInto(page, 'gyzjz', 'lastYear', '90.39');
    await typeInto(page, 'gytz', 'current', '16.92');
    await typeInto(page, 'gytz', 'lastYear', '10.85');
    await typeInto(page, 'zxxmtz', 'current', '15.7');
    await typeInto(page, 'zxxmtz', 'lastYear', '10');
    await typeInto(page, 'gyzcz', 'current', '248.6');
    await typeInto(page, 'gyzcz', 'lastYear', '211.4');
    for (const [code, text] of [['txtHighlights', '引进康佳智慧科技城项目'], ['txtMeasures', '开展“政府+链主企业+园区”招商。']] as const) {
      const box = page.locator(`textarea[data-text-code="${code}"]`);
      await box.fill(text);
      await box.blur();
      await waitSaved(page);
    }

    await page.getByRole('tab', { name: '报送' }).click();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('填报中');
    // The period is named as the return list names it.
    expect(await page.getByLabel('报告期').locator('option:checked').textContent()).toMatch(/^2024年一季度（2024年1–3月累计/);

    // 导出草稿: no lock, no outbox.
    const draft = await captureDownload(page, () => page.getByRole('button', { name: '导出草稿' }).click());
    expect(draft.fileName).toBe('晋城开发区_2024年1–3月_草稿_第1版.xlsx');
    await expect.poll(() => page.getByTestId('submission-message').textContent()).toContain('草稿');
    expect(await page.getByTestId('submission-status').textContent()).toBe('填报中');
    expect(await page.getByRole('region', { name: '发件箱' }).locator('tbody tr').count()).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(draft.bytes).buffer);
    for (const name of VISIBLE_SHEETS) expect(book.getWorksheet(name)?.headerFooter.oddHeader, name).toContain('草稿');
    const read = await readSubmissionWorkbook(new Uint8Array(draft.bytes));
    expect(read.ok && read.value).toMatchObject({ draft: true, intact: true });

    // zone-returns verify and the bureau's collection refuse it as a draft.
    const dir = mkdtempSync(join(tmpdir(), 'zr-e2e-draft-'));
    try {
      const path = join(dir, draft.fileName);
      writeFileSync(path, draft.bytes);
      const verified = await captureOutput(runVerify, [path]);
      expect(verified.code).toBe(1);
      expect(verified.stderr).toContain('草稿，不是报送');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const received = await readReceivedFile(new Uint8Array(draft.bytes), draft.fileName);
    const period = parsePeriodKey(received.identity?.periodKey ?? '');
    if (received.identity === undefined || period === undefined) throw new Error('draft not readable');
    const judged = judgeInbox([{ key: 'd', fileName: draft.fileName, intact: received.intact, problems: received.problems, identity: { ...received.identity, period } }], { registry: builtinZoneRegistry(), cityCode: '140500' });
    expect(judged[0]).toMatchObject({ verdict: 'rejected', reason: expect.stringContaining('草稿') });

    // Explain what is left to explain, then 已校验.
    const checks = page.getByRole('region', { name: '校验' });
    for (const box of await checks.locator('.issue-warning textarea').all()) {
      await box.fill('一季度两家企业新投产，增加值增长较快。');
      await box.blur();
    }
    await expect.poll(() => checks.getByTestId('gate-summary').textContent(), { timeout: 10_000 }).toMatch(/^无错误/);
    await page.getByRole('button', { name: '标记为已校验' }).click();
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('已校验');

    // 报送 says what it will do and asks once; 取消 does nothing.
    await page.getByRole('button', { name: '报送（第 1 版）' }).click();
    const confirm = page.getByRole('alertdialog', { name: '确认报送' });
    expect(await confirm.textContent()).toContain('报送后本期报表将锁定，生成第 1 版报送工作簿。');
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(page, 'form13-submit-confirm');
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('submission-status').textContent()).toBe('已校验');
    await page.getByRole('button', { name: '报送（第 1 版）' }).click();
    const sent = await captureDownload(page, () => page.getByRole('alertdialog', { name: '确认报送' }).getByRole('button', { name: '确定报送' }).click());
    expect(sent.fileName).toBe('晋城开发区_2024年1–3月_报送_第1版.xlsx');
    await expect.poll(() => page.getByTestId('submission-status').textContent()).toBe('已报送');
    expect(await page.getByRole('region', { name: '发件箱' }).locator('tbody tr').count()).toBe(1);
    const submitted = await readSubmissionWorkbook(new Uint8Array(sent.bytes));
    expect(submitted.ok && submitted.value).toMatchObject({ draft: false, intact: true, revision: 1 });

    // The lock banner says who can open it again, as the program allows.
    await page.getByRole('button', { name: '打开报表' }).click();
    const banner = page.locator('.readonly-banner');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toMatch(/^本报表第 1 版已于 \d{4}-\d{2}-\d{2} 报送，已锁定，只能查看/);
    expect(text).toContain('在“报送”页填写原因后点“退回修改”');
    expect(text).toContain('市商务局退回修改时');
    await screenshot(page, 'form13-lock-banner');
  });
});

describe('the return list and zones at 1366×768', () => {
  it('opens on the newest set year with returns; browsing another zone never changes 本开发区; each zone keeps its own cover people', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    // No return yet: the newest year with an indicator set, never this calendar year without one.
    const year = page.locator('select[aria-label="年度"]');
    expect(await page.getByText('没有', { exact: false }).filter({ hasText: '适用的指标集' }).count()).toBe(0);
    const opened = Number(await year.inputValue());
    expect(await page.locator('.return-list tbody tr').count()).toBeGreaterThan(0);
    expect(opened).toBeLessThanOrEqual(new Date().getFullYear());

    // Zone B from the list's dropdown: the home zone stays 晋城 in the header and in 设置.
    await page.getByLabel('开发区', { exact: true }).selectOption('gaoping-kfq');
    await page.getByText('高平开发区 · 报表列表').waitFor();
    expect(await page.locator('.app-header .zone-name').textContent()).toBe('晋城开发区');
    expect(await page.getByTestId('browsing-zone').textContent()).toContain('高平开发区');
    await screenshot(page, 'form13-browsing-zone');
    await openPeriod(page, '2024-03-q');
    // B's first return: none of 晋城's people.
    expect(await coverSummary(page)).toContain('填表人 —');
    await page.locator('.cover-panel summary').click();
    await page.locator('input[data-cover="filler"]').fill('赵六');
    await page.locator('input[data-cover="phone"]').click();
    await page.keyboard.type('0356-7654321');
    await page.locator('input[data-cover="unitHead"]').click();
    await waitSaved(page);
    await page.getByRole('tab', { name: '项目台账' }).click();
    await page.getByText('高平开发区 · 项目台账', { exact: false }).waitFor();
    await page.getByRole('tab', { name: '设置' }).click();
    expect(await page.locator('#setting-zoneId').inputValue()).toBe('jincheng-kfq');

    // B's next return starts with B's people; A's with A's.
    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByText('高平开发区 · 报表列表').waitFor();
    await openPeriod(page, '2024-06-q');
    await expect.poll(() => coverSummary(page)).toContain('填表人 赵六，联系电话 0356-7654321');
    await page.getByRole('button', { name: '← 返回报表列表' }).click();
    await page.getByLabel('开发区', { exact: true }).selectOption('jincheng-kfq');
    await page.getByText('晋城开发区 · 报表列表').waitFor();
    expect(await page.getByTestId('browsing-zone').count()).toBe(0);
    await openPeriod(page, '2024-06-q');
    await expect.poll(() => coverSummary(page)).toContain('填表人 王芳，联系电话 0356-1234567');

    // After a reload: still 晋城 at home, and the list opens on the year that has returns.
    await page.getByRole('button', { name: '← 返回报表列表' }).click();
    await page.reload();
    await page.getByText('晋城开发区 · 报表列表').waitFor({ timeout: 30_000 });
    await expect.poll(() => year.inputValue()).toBe('2024');
    expect(await page.locator('tr[data-period="2024-06-q"] td').first().textContent()).toBe('2024年上半年');
    await page.getByRole('tab', { name: '报送' }).click();
    expect(await page.getByLabel('报告期').locator('option').first().textContent()).toMatch(/^2024年上半年（2024年1–6月累计/);
  });
});
