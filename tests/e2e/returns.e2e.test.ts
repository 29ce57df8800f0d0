import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openApp, pasteWithKeyboard, screenshot, SCREENSHOT_DIR, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();

async function firstRunSettings(page: Page): Promise<void> {
  // The first screen is the settings form, or a message saying why the database could not be opened.
  await page.locator('#setting-zoneId, .notice.error').first().waitFor({ timeout: 60_000 });
  if (!(await page.locator('#setting-zoneId').isVisible())) throw new Error(`no settings form: ${await page.locator('body').innerText()}`);
  await screenshot(page, 'settings-first-run');
  await page.locator('#setting-zoneId').selectOption('jincheng-kfq');
  await page.locator('#setting-fillerName').fill('王芳');
  await page.locator('#setting-phone').fill('0356-1234567');
  await page.getByRole('button', { name: '保存并开始填报' }).click();
  await page.getByText('晋城开发区 · 报表列表').waitFor();
}

async function openQ1of2024(page: Page): Promise<void> {
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.locator('tr[data-period="2024-03-q"] button').click();
  await cell(page, 'gyzjz', 'current').waitFor();
}

async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

/** Puts `text` on the clipboard as Excel does, and pastes it with Ctrl+V on the focused cell. */
describe('filling a return in the web build', () => {
  it('fills with the keyboard, pastes a block, shows growth and a validation mark, and keeps everything over a reload', async () => {
    app = await openApp();
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await firstRunSettings(page);
    await screenshot(page, 'return-list');
    // A county bureau fills for several zones: the zone is switched from the list and remembered.
    await page.locator('select[aria-label="开发区"]').selectOption('gaoping-kfq');
    await page.getByText('高平开发区 · 报表列表').waitFor();
    await page.locator('select[aria-label="开发区"]').selectOption('jincheng-kfq');
    await page.getByText('晋城开发区 · 报表列表').waitFor();
    await openQ1of2024(page);

    // Keyboard: typing starts editing, Tab moves right, Enter moves down, arrows move.
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('108.78');
    await page.keyboard.press('Tab');
    await page.keyboard.type('90.39');
    // The growth follows the number while it is being typed, before Enter.
    await expect.poll(() => cell(page, 'gyzjz', 'growth').textContent()).toBe('20.35');
    expect(await cell(page, 'gyzjz', 'lastYear').locator('input').inputValue()).toBe('90.39');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('16.92');
    await page.keyboard.press('Enter');
    // 转型项目投资 above 工业投资: an error the set defines (part-of).
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await waitSaved(page);

    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('108.78');
    expect(await cell(page, 'gyzjz', 'lastYear').textContent()).toBe('90.39');
    // The derived growth appears at once: (108.78 / 90.39 − 1) × 100 = 20.345… → 20.35.
    expect(await cell(page, 'gyzjz', 'growth').textContent()).toBe('20.35');
    expect(await cell(page, 'gyzjz', 'gap').textContent()).toBe('高于 5.35');
    expect(await cell(page, 'gytz', 'current').textContent()).toBe('16.92');

    // A validation mark on the cell and an entry in the issue list that jumps to it.
    await expect.poll(() => cell(page, 'zxxmtz', 'current').getAttribute('class')).toContain('cell-error');
    // The mark's tooltip says what is wrong.
    await cell(page, 'zxxmtz', 'current').hover();
    await expect.poll(() => page.locator('.ag-tooltip').first().textContent(), { timeout: 10_000 }).toContain('不能大于工业投资');
    // 工业投资 has no 上年同期 yet: its empty cell is marked too, though its value never changed.
    await expect.poll(() => cell(page, 'gytz', 'lastYear').getAttribute('class')).toContain('cell-error');
    const issue = page.locator('.issue-error', { has: page.locator('.issue-place', { hasText: /^转型项目投资·本期$/ }) }).first();
    await issue.waitFor();
    await issue.locator('.issue-jump').click();
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { col: el?.getAttribute('col-id') ?? null, row: el?.closest('.ag-row')?.getAttribute('row-id') ?? null };
    });
    expect(focused).toEqual({ row: 'zxxmtz', col: 'current' });
    expect(await issue.locator('.issue-message').textContent()).toContain('不能大于工业投资');

    // Paste a block copied from Excel/WPS: quoted cell, thousands separator, full-width digits, trailing newline.
    await cell(page, 'gyzcz', 'current').click();
    await pasteWithKeyboard(app, '"1,234.5"\t１，０００\r\n');
    await expect.poll(() => cell(page, 'gyzcz', 'current').textContent()).toBe('1,234.50');
    expect(await cell(page, 'gyzcz', 'lastYear').textContent()).toBe('1,000.00');
    expect(await cell(page, 'gyzcz', 'growth').textContent()).toBe('23.45');
    await waitSaved(page);

    // Undo takes the whole paste back (through the database), redo puts it again.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => cell(page, 'gyzcz', 'current').textContent()).toBe('');
    expect(await cell(page, 'gyzcz', 'lastYear').textContent()).toBe('');
    await waitSaved(page);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => cell(page, 'gyzcz', 'current').textContent()).toBe('1,234.50');
    await waitSaved(page);

    // A column copied from the official table runs on into the next section, its title row passed over.
    await cell(page, 'zsSignedAmount', 'current').click();
    await pasteWithKeyboard(app, '3.5\r\n\r\n4\r\n12.5\r\n');
    await expect.poll(() => cell(page, 'bzdArea', 'current').textContent()).toBe('12.50');
    expect(await cell(page, 'zsSignedAmount', 'current').textContent()).toBe('3.50');
    expect(await cell(page, 'bzdCount', 'current').textContent()).toBe('4');
    expect(await page.getByTestId('status-line').textContent()).toContain('延续到下面 1 个栏目');
    await waitSaved(page);

    // Delete clears the selected cell; a text section with its counter.
    await cell(page, 'xzgsqy', 'current').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await cell(page, 'xzgsqy', 'current').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => cell(page, 'xzgsqy', 'current').textContent()).toBe('');
    // The cover carries the clerk's settings and takes the report date.
    await page.locator('.cover-panel summary').click();
    expect(await page.locator('[data-cover="filler"]').inputValue()).toBe('王芳');
    expect(await page.locator('[data-cover="phone"]').inputValue()).toBe('0356-1234567');
    await page.locator('[data-cover="reportDate"]').fill('2024-04-08');
    await page.locator('[data-cover="reportDate"]').blur();
    await waitSaved(page);
    await expect.poll(() => page.locator('.cover-panel summary').textContent()).toContain('2024-04-08');

    // Shown rounded to the indicator's decimals, stored as typed.
    await cell(page, 'gyzjzqszb', 'current').click();
    await page.keyboard.type('12.3456');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 'gyzjzqszb', 'current').textContent()).toBe('12.35');
    await page.locator('[data-text-code="txtHighlights"]').fill('一季度规上工业增加值增长20.35%');
    await page.locator('[data-text-code="txtHighlights"]').blur();
    await expect.poll(() => page.locator('.text-section', { has: page.locator('[data-text-code="txtHighlights"]') }).locator('.text-counter').textContent()).toBe('18 / 3000 字');
    await waitSaved(page);
    await screenshot(page, 'return-form');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'return-form-top.png') });

    // Reload: every value that was shown as saved is there.
    await page.reload();
    // The return that was open opens again after the reload; back to the list from it.
    await cell(page, 'gyzjz', 'current').waitFor();
    await page.getByRole('button', { name: '← 返回报表列表' }).click();
    await page.getByText('晋城开发区 · 报表列表').waitFor();
    // The list comes back on the year of the return opened last.
    expect(await page.locator('select[aria-label="年度"]').inputValue()).toBe('2024');
    await expect.poll(() => page.locator('tr[data-period="2024-03-q"] .status').textContent()).toBe('填报中');
    await openQ1of2024(page);
    const expected: Array<[string, string, string]> = [
      ['gyzjz', 'current', '108.78'],
      ['gyzjz', 'lastYear', '90.39'],
      ['gyzjz', 'growth', '20.35'],
      ['gytz', 'current', '16.92'],
      ['zxxmtz', 'current', '20.00'],
      ['gyzcz', 'current', '1,234.50'],
      ['gyzcz', 'lastYear', '1,000.00'],
      ['xzgsqy', 'current', ''],
    ];
    for (const [code, col, text] of expected) expect([code, col, await cell(page, code, col).textContent()]).toEqual([code, col, text]);
    expect(await page.locator('[data-text-code="txtHighlights"]').inputValue()).toBe('一季度规上工业增加值增长20.35%');
    expect(await page.locator('.cover-panel summary').textContent()).toContain('报出日期 2024-04-08');
    expect(await cell(page, 'gyzjzqszb', 'current').textContent()).toBe('12.35');
    await cell(page, 'gyzjzqszb', 'current').click();
    await page.keyboard.press('F2');
    expect(await cell(page, 'gyzjzqszb', 'current').locator('input').inputValue()).toBe('12.3456');
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });
});

/** A fresh app with clipboard access, 2024 Q1 opened, on the 项目台账 tab. */
async function openRosterOfQ1(): Promise<OpenedApp> {
  const opened = await openApp();
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: opened.url });
  await firstRunSettings(opened.page);
  await openQ1of2024(opened.page);
  await opened.page.getByRole('tab', { name: '项目台账' }).click();
  await opened.page.getByLabel('项目台账表格').waitFor();
  return opened;
}

describe('the project roster in the web build', () => {
  it('pastes ledger rows, edits, sorts, filters and deletes, and the return’s rates follow', async () => {
    app = await openRosterOfQ1();
    const { page } = app;
    const grid = page.getByLabel('项目台账表格');
    const names = () => page.locator('.roster-grid .ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]');
    const measure = (code: string) => page.locator(`[data-measure="${code}"] b`);
    await expect.poll(() => measure('qySignedCount').textContent()).toBe('0 个');

    // A block copied from a ledger, pasted into the empty roster: every row becomes a project.
    await grid.click({ position: { x: 600, y: 200 } });
    await pasteWithKeyboard(
      app,
      '甲新材料项目\t2024年第一次\t新材料\t12.5\t3\t20\t是\t是\t否\t否\r\n' +
        '乙装备项目\t2024年第一次\t装备制造\t6\t1\t8\t是\t否\t否\t否\r\n' +
        '丙文旅项目\t2024年第一次\t文旅\t"2"\t0.5\t1\t是\t否\t否\t否\r\n',
    );
    await expect.poll(() => names().count()).toBe(3);
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);
    await expect.poll(() => measure('qySignedCount').textContent()).toBe('3 个');
    // 签约项目开工率 by the set's formula (weighted by investment): 12.5 / 20.5.
    await expect.poll(() => measure('rateSignedStarted').textContent()).toBe('60.98%');

    // Paste one cell onto 乙's 开工: the rate follows at once.
    const rowId = async (name: string) => (await page.locator('.ag-row', { has: page.locator('.ag-cell[col-id="name"]', { hasText: name }) }).first().getAttribute('row-id')) ?? '';
    const yi = await rowId('乙装备项目');
    await page.locator(`.ag-row[row-id="${yi}"] .ag-cell[col-id="started"]`).click();
    await pasteWithKeyboard(app, '是');
    await expect.poll(() => measure('rateSignedStarted').textContent()).toBe('90.24%');

    // Sort by 总投资 (descending after two clicks) and filter by name.
    const header = page.locator('.ag-header-cell[col-id="totalInvestment"] .ag-header-cell-label');
    await header.click();
    await header.click();
    await expect.poll(async () => (await names().allTextContents()).map((t) => t.trim())).toEqual(['甲新材料项目', '乙装备项目', '丙文旅项目']);
    await page.locator('.ag-floating-filter[aria-colindex] input').first().fill('丙');
    await expect.poll(() => names().count()).toBe(1);
    await screenshot(page, 'roster');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => names().count()).toBe(3);

    // Delete 丙 after confirming.
    const bing = await rowId('丙文旅项目');
    await page.locator(`.ag-row[row-id="${bing}"] .ag-selection-checkbox input`).first().check();
    await page.getByRole('button', { name: /删除所选/ }).click();
    await page.getByRole('button', { name: '确认删除' }).click();
    await expect.poll(() => names().count()).toBe(2);
    await expect.poll(() => measure('qySignedCount').textContent()).toBe('2 个');

    // Ctrl+Z brings the deleted project back (same id, same fields), Ctrl+Y deletes it again.
    await names().first().click();
    await page.keyboard.press('Control+Z');
    await expect.poll(() => names().count()).toBe(3);
    await expect.poll(() => measure('qySignedCount').textContent()).toBe('3 个');
    expect(await rowId('丙文旅项目')).toBe(bing);
    await page.keyboard.press('Control+Y');
    await expect.poll(() => names().count()).toBe(2);
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);

    // 新增项目 selects the new row's name; F2 opens AG Grid's editor on it (typing straight away is
    // tested below).
    await page.getByRole('button', { name: '新增项目' }).click();
    await expect.poll(() => page.locator('.roster-grid .ag-cell-focus').first().getAttribute('col-id')).toBe('name');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('在所选单元格中输入');
    await page.keyboard.press('F2');
    // Typed through an input method: the composition goes into the cell editor, and the Enter that
    // confirms a candidate belongs to the input method (the edit stays open); the next Enter commits.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'dingxinnengyuan', selectionStart: 15, selectionEnd: 15 });
    await page.evaluate(() => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
    await cdp.send('Input.insertText', { text: '丁新能源' });
    await page.keyboard.type('项目');
    expect(await page.locator('.roster-grid .ag-cell-inline-editing input').inputValue()).toBe('丁新能源项目');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await names().allTextContents()).map((t) => t.trim())).toContain('丁新能源项目');
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);

    // The return's 三个一批 section follows the roster.
    await page.getByRole('tab', { name: '填报' }).click();
    await expect.poll(() => cell(page, 'qySignedCount', 'current').textContent()).toBe('2');
    await expect.poll(() => cell(page, 'rateSignedStarted', 'current').textContent()).toBe('100.00');
    expect(app.errors).toEqual([]);
  });
});

describe('typing Chinese onto a selected roster cell', () => {
  it('composes through the input method from the first key, saves on Enter, and keeps the grid keys', async () => {
    app = await openRosterOfQ1();
    const { page } = app;
    const grid = page.getByLabel('项目台账表格');
    await grid.click({ position: { x: 600, y: 200 } });
    await pasteWithKeyboard(app, '甲新材料项目\t2024年第一次\r\n乙装备项目\t2024年第一次\r\n');
    await expect.poll(() => page.locator('.roster-grid .ag-row:not(.ag-row-pinned) .ag-cell[col-id="name"]').count()).toBe(2);
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);
    const rosterCell = (row: number, col: string) => page.locator(`.roster-grid .ag-row[row-index="${row}"] .ag-cell[col-id="${col}"]`).first();
    const box = page.getByLabel('在所选单元格中输入');

    // A click selects the cell; the focus rests in the (invisible) box over it.
    await rosterCell(0, 'industry').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('在所选单元格中输入');
    expect(await box.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');

    // The input method composes in it from the first key; the box shows the text over the cell.
    const cdp = await app.context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'xincailiao', selectionStart: 10, selectionEnd: 10 });
    await expect.poll(() => box.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await screenshot(page, 'roster-composing');
    await page.evaluate(() => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true })));
    await cdp.send('Input.insertText', { text: '新材料' });
    expect(await box.inputValue()).toBe('新材料');
    // Enter saves it and moves down, as on any cell.
    await page.keyboard.press('Enter');
    await expect.poll(() => rosterCell(0, 'industry').textContent()).toBe('新材料');
    await expect.poll(() => page.getByTestId('roster-save-indicator').textContent()).toMatch(/^已保存/);
    await expect.poll(() => page.locator('.roster-grid .ag-cell-focus').first().getAttribute('col-id')).toBe('industry');
    expect(await page.locator('.roster-grid .ag-cell-focus').first().evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index'))).toBe('1');

    // Plain typing works the same; Escape drops it.
    await page.keyboard.type('装备');
    await page.keyboard.press('Escape');
    expect(await rosterCell(1, 'industry').textContent()).toBe('');
    // Arrows move; Delete clears the selected cell; Ctrl+Z brings it back.
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.roster-grid .ag-cell-focus').first().evaluate((el) => el.closest('.ag-row')?.getAttribute('row-index'))).toBe('0');
    await page.keyboard.press('Delete');
    await expect.poll(() => rosterCell(0, 'industry').textContent()).toBe('');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => rosterCell(0, 'industry').textContent()).toBe('新材料');
    // Tab saves and moves right.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('装备制造');
    await page.keyboard.press('Tab');
    await expect.poll(() => rosterCell(1, 'industry').textContent()).toBe('装备制造');
    await expect.poll(() => page.locator('.roster-grid .ag-cell-focus').first().getAttribute('col-id')).toBe('totalInvestment');
    // Tab from a project's name goes on to its 签约批次, past the row's check box.
    await rosterCell(1, 'name').click();
    await page.keyboard.type('乙装备制造项目');
    await page.keyboard.press('Tab');
    await expect.poll(() => rosterCell(1, 'name').textContent()).toBe('乙装备制造项目');
    await expect.poll(() => page.locator('.roster-grid .ag-cell-focus').first().getAttribute('col-id')).toBe('batch');
    await screenshot(page, 'roster-typed');
    expect(app.errors).toEqual([]);
  });
});

describe('last year and explanations in the web build', () => {
  it('takes 上年同期 from last year’s return, locked, and a warning takes a 合理性说明', async () => {
    app = await openApp();
    const { page } = app;
    await firstRunSettings(page);
    // Last year's return, 2023 Q1.
    await page.locator('select[aria-label="年度"]').selectOption('2023');
    await page.locator('tr[data-period="2023-03-q"] button').click();
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('50');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    await page.getByRole('button', { name: '← 返回报表列表' }).click();

    await openQ1of2024(page);
    const lastYear = cell(page, 'gyzjz', 'lastYear');
    expect(await lastYear.textContent()).toBe('50.00');
    expect(await lastYear.getAttribute('class')).toContain('cell-from-last-year');
    // Not editable: typing on it changes nothing.
    await lastYear.click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    expect(await lastYear.textContent()).toBe('50.00');

    // 100 against 50 is +100%: outside the set's range for 规上工业增加值 growth, a warning.
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('100');
    await page.keyboard.press('Enter');
    await waitSaved(page);
    expect(await cell(page, 'gyzjz', 'growth').textContent()).toBe('100.00');
    const warning = page.locator('.issue-warning', { has: page.locator('.issue-place', { hasText: /^规上工业增加值·本期$/ }) }).first();
    await warning.waitFor();
    await expect.poll(() => cell(page, 'gyzjz', 'current').getAttribute('class')).toContain('cell-warning');
    await warning.locator('textarea').fill('新投产项目集中释放产能，增速较高。');
    await warning.locator('textarea').blur();
    await waitSaved(page);
    await expect.poll(() => warning.getAttribute('class')).toContain('issue-explained');
    await expect.poll(() => cell(page, 'gyzjz', 'current').getAttribute('class')).toContain('cell-explained');
    await screenshot(page, 'return-form-explained');

    await page.reload();
    // The open return opens again by itself after the reload.
    await cell(page, 'gyzjz', 'current').waitFor();
    const again = page.locator('.issue-warning', { has: page.locator('.issue-place', { hasText: /^规上工业增加值·本期$/ }) }).first();
    expect(await again.locator('textarea').inputValue()).toBe('新投产项目集中释放产能，增速较高。');
    expect(app.errors).toEqual([]);
  });
});
