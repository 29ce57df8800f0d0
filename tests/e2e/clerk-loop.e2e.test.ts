import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openApp, pasteWithKeyboard, screenshot, SCREENSHOT_DIR, type OpenedApp } from './harness';
import { cell, firstRunAsClerk } from './sync-harness';

// The clerk's loop on the common county-office laptop screen (issue 13).
const LAPTOP = { width: 1366, height: 768 };

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});


async function openQ1of2024(page: Page): Promise<void> {
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.locator('tr[data-period="2024-03-q"] button').click();
  await cell(page, 'gyzjz', 'current').waitFor();
}

/** Per section grid: how far its columns overflow the grid and whether its last row is cut. */
async function sectionFits(page: Page): Promise<{ section: string; overflow: number; scrollbar: boolean; lastRowCut: number }[]> {
  return page.locator('.section-grid').evaluateAll((sections) =>
    sections.map((section) => {
      const viewport = section.querySelector<HTMLElement>('.ag-center-cols-viewport');
      const hScroll = section.querySelector<HTMLElement>('.ag-body-horizontal-scroll');
      const body = section.querySelector<HTMLElement>('.ag-center-cols-viewport');
      const rows = [...section.querySelectorAll<HTMLElement>('.ag-center-cols-viewport .ag-row[row-id]')];
      const last = rows.sort((a, b) => a.getBoundingClientRect().bottom - b.getBoundingClientRect().bottom).at(-1);
      const bodyBottom = body?.getBoundingClientRect().bottom ?? 0;
      return {
        section: section.getAttribute('data-section') ?? '?',
        overflow: viewport === null ? 0 : viewport.scrollWidth - viewport.clientWidth,
        scrollbar: hScroll !== null && hScroll.getBoundingClientRect().height > 0 && !hScroll.classList.contains('ag-invisible') && !hScroll.classList.contains('ag-hidden'),
        lastRowCut: last === undefined ? 0 : Math.max(0, Math.round(last.getBoundingClientRect().bottom - bodyBottom)),
      };
    }),
  );
}

describe('the clerk at 1366×768', () => {
  it('sees every row and column of every section grid with no inner scrollbar', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openQ1of2024(page);
    await screenshot(page, 'laptop-return-form-top');
    await page.locator('.section-grid').first().screenshot({ path: join(SCREENSHOT_DIR, 'laptop-section-main.png') });
    const fits = await sectionFits(page);
    expect(fits.length).toBeGreaterThan(3);
    for (const fit of fits) expect(fit, fit.section).toEqual({ section: fit.section, overflow: 0, scrollbar: false, lastRowCut: 0 });
    // A gap of 5.35 points is shown whole ("高于 5.35"), not cut to "高于 5.3".
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('108.78');
    await page.keyboard.press('Tab');
    await page.keyboard.type('90.39');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'gyzjz', 'gap').textContent()).toBe('高于 5.35');
    // 差距 is shown whole, not cut to "高于 5.3".
    const gapCut = await page.locator('.ag-cell[col-id="gap"]').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
    expect(gapCut).toBe(0);
    // Headers are whole too (同比增长（%） wraps rather than being cut).
    const headersCut = await page.locator('.section-grid .ag-header-cell-text').evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
    expect(headersCut).toEqual([]);
    await page.locator('.section-grid').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'laptop-return-form-last-section');
    expect(app.errors).toEqual([]);
  });

  it('moves down one long sheet: Enter / ↓ / ↑ cross sections, Tab passes over computed cells, typing on one says why', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openQ1of2024(page);
    const where = () =>
      page.evaluate(() => {
        const c = document.activeElement?.closest('.ag-cell');
        return c ? `${c.closest('.section-grid')?.getAttribute('data-section')}/${c.closest('.ag-row')?.getAttribute('row-id')}/${c.getAttribute('col-id')}` : 'none';
      });
    const sections = await page.locator('.section-grid').evaluateAll((all) => all.map((s) => s.getAttribute('data-section')));
    const mainRows = await page.locator('[data-section="main"] .ag-row[row-id]').evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('row-id'))).size);
    expect(mainRows).toBeGreaterThan(3);
    // Tab from 上年同期 of the first row goes to 本期 of the next row, over 同比增长, 省定目标, 差距.
    await cell(page, 'gyzjz', 'lastYear').click();
    await page.keyboard.press('Tab');
    expect(await where()).toBe('main/gytz/current');
    // ↓ to the last row of the first section, then on into the second.
    for (let n = 2; n < mainRows; n += 1) await page.keyboard.press('ArrowDown');
    const lastOfMain = await where();
    expect(lastOfMain.startsWith('main/')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(where).toMatch(new RegExp(`^${sections[1]}/`));
    await screenshot(page, 'laptop-down-into-next-section');
    await page.keyboard.press('ArrowUp');
    await expect.poll(where).toBe(lastOfMain);
    // Enter on the last row goes on too.
    await page.keyboard.press('Enter');
    await expect.poll(where).toMatch(new RegExp(`^${sections[1]}/`));
    // Typing on a computed cell says why it takes no input.
    await cell(page, 'gyzjz', 'growth').click();
    await page.keyboard.type('5');
    await expect.poll(() => page.getByTestId('status-line').textContent()).toContain('由本期与上年同期算出，不需填写');
    expect(app.errors).toEqual([]);
  });

  it('keys the roster\'s yes/no columns: 是 / √ / y / 1 / × / n / 0, Space turns a flag over, the list shows 是 / 否 / 空', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await firstRunAsClerk(page);
    await openQ1of2024(page);
    await page.getByRole('tab', { name: '项目台账' }).click();
    const grid = page.getByLabel('项目台账表格');
    await grid.waitFor();
    await grid.click({ position: { x: 600, y: 120 } });
    await pasteWithKeyboard(app, '甲新材料项目\t2024年第一次\t新材料\t12.5\t3\t20\r\n');
    await expect.poll(() => page.locator('.roster-grid .ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]').count()).toBe(1);
    const row = (await page.locator('.roster-grid .ag-row[row-id]').first().getAttribute('row-id')) ?? '';
    const flag = (code: string) => page.locator(`.roster-grid .ag-row[row-id="${row}"] .ag-cell[col-id="${code}"]`).first();
    const cases: [string, string, string][] = [['signed', 'y', '是'], ['started', '1', '是'], ['producing', '√', '是'], ['signed', '×', '否'], ['started', 'n', '否'], ['producing', '0', '否'], ['started', '是', '是']];
    for (const [code, typed, shown] of cases) {
      await flag(code).click();
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await expect.poll(() => flag(code).textContent(), { message: `${code} ← ${typed}` }).toBe(shown);
    }
    // The ledger import's number reader: 8,000万元 in the 亿元 column is 0.8 亿元, 3.5亿 is 3.5.
    const money = (code: string) => page.locator(`.roster-grid .ag-row[row-id="${row}"] .ag-cell[col-id="${code}"]`).first();
    await money('totalInvestment').click();
    await pasteWithKeyboard(app, '8,000万元\t3.5亿');
    await expect.poll(() => money('totalInvestment').textContent()).toBe('0.80');
    await expect.poll(async () => (await page.locator('.roster-grid .ag-row[row-id] .ag-cell').allTextContents()).includes('3.50')).toBe(true);
    // Space: 否 → empty → 是.
    await flag('signed').click();
    await page.keyboard.press(' ');
    await expect.poll(() => flag('signed').textContent()).toBe('');
    await page.keyboard.press(' ');
    await expect.poll(() => flag('signed').textContent()).toBe('是');
    // The list (double-click) offers 是 / 否 / 空, and 空 clears the flag.
    await flag('signed').dblclick();
    await flag('signed').locator('.ag-picker-field-wrapper').click();
    const options = page.locator('.ag-select-list .ag-list-item');
    await expect.poll(async () => (await options.allTextContents()).map((t) => t.trim())).toEqual(['是', '否', '空']);
    await screenshot(page, 'laptop-roster-flag-list');
    await options.filter({ hasText: '空' }).click();
    await expect.poll(() => flag('signed').textContent()).toBe('');
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);
    expect(app.errors).toEqual([]);
  });

  it('loses nothing typed to a reload: the open return reopens with the text and the cell being typed', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openQ1of2024(page);
    const box = page.locator('textarea[data-text-code]').first();
    const code = (await box.getAttribute('data-text-code')) ?? '';
    await box.click();
    await page.keyboard.type('园区新签约项目三个');
    // Reload at once: less than the 0.8 s after which the box saves by itself.
    await page.reload({ waitUntil: 'load' });
    await cell(page, 'gyzjz', 'current').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(`textarea[data-text-code="${code}"]`).inputValue()).toBe('园区新签约项目三个');
    // (Saved either by the pagehide flush or from the localStorage draft when the return reopened.)
    // A number being typed in a cell (no Enter yet), then a reload.
    await cell(page, 'gytz', 'current').click();
    await page.keyboard.type('16.92');
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => cell(page, 'gytz', 'current').textContent(), { timeout: 30_000 }).toBe('16.92');
    await screenshot(page, 'laptop-after-reload');
    // Both are in the database: a third reload (no draft left) still shows them.
    await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => cell(page, 'gytz', 'current').textContent(), { timeout: 30_000 }).toBe('16.92');
    expect(await page.locator(`textarea[data-text-code="${code}"]`).inputValue()).toBe('园区新签约项目三个');
    expect(app.errors).toEqual([]);
  });

  it('shows a message where the clerk is working and drops it once it no longer holds', async () => {
    app = await openApp({ viewport: LAPTOP });
    const { page } = app;
    await firstRunAsClerk(page);
    await openQ1of2024(page);
    const status = page.getByTestId('status-line');
    // A value that cannot be read, far down the form: the message is in view there.
    // 八、主导产业: the last section with typed values (十 is computed from the roster).
    await page.locator('.section-grid[data-section="leading"]').scrollIntoViewIfNeeded();
    const last = page.locator('.section-grid[data-section="leading"]').locator('.ag-cell.cell-editable[col-id="current"]').first();
    await last.click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toContain('不是数字');
    const box = await status.boundingBox();
    expect(box !== null && box.y >= 0 && box.y + box.height <= LAPTOP.height).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'laptop-message-in-view.png') });
    // A valid edit afterwards: the problem no longer holds and its message goes.
    await last.click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('');
    expect(app.errors).toEqual([]);
  });
});
