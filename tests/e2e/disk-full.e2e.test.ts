import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, screenshot, type OpenedApp } from './harness';
import { firstRunAsClerk } from './sync-harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();
const indicator = (page: Page) => page.getByTestId('save-indicator');

/** From now on IndexedDB refuses every write as a full disk does (QuotaExceededError). */
async function fillTheDisk(page: Page, full: boolean): Promise<void> {
  await page.evaluate((on) => {
    const w = window as unknown as { __zrPut?: unknown; __zrAdd?: unknown };
    const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', (...args: unknown[]) => IDBRequest>;
    if (w.__zrPut === undefined) {
      w.__zrPut = proto.put;
      w.__zrAdd = proto.add;
    }
    if (on) {
      const refuse = (): never => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      proto.put = refuse;
      proto.add = refuse;
    } else {
      proto.put = w.__zrPut as (...args: unknown[]) => IDBRequest;
      proto.add = w.__zrAdd as (...args: unknown[]) => IDBRequest;
    }
  }, full);
}

describe('a write the database refuses (disk full)', () => {
  it('says so in Chinese, never shows 已保存 for it, and puts the stored value back in the cell', async () => {
    app = await openApp();
    const { page } = app;
    await firstRunAsClerk(page);
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await page.locator('tr[data-period="2024-03-q"] button').click();
    await cell(page, 'gyzjz', 'current').waitFor();

    // A first value is stored for real.
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('108.78');
    await page.keyboard.press('Enter');
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^已保存/);

    // The disk fills up; the next edit is refused by IndexedDB.
    await fillTheDisk(page, true);
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^保存失败/);
    const label = (await indicator(page).textContent()) ?? '';
    expect(label).not.toContain('已保存');
    expect(label).toContain('本次修改没有写入');
    expect(label).toContain('磁盘空间');
    expect(label).toContain('QuotaExceededError');
    // The cell shows what is stored, not the refused figure.
    await expect.poll(() => cell(page, 'gyzjz', 'current').textContent()).toBe('108.78');
    await screenshot(page, 'disk-full-refused');

    // Room again: the next edit is saved, and the label says so.
    await fillTheDisk(page, false);
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('109');
    await page.keyboard.press('Enter');
    await expect.poll(() => indicator(page).textContent(), { timeout: 10_000 }).toMatch(/^已保存/);

    // After a reload the database holds the last saved figure, never the refused one.
    await page.reload();
    // The open return opens again by itself.
    await cell(page, 'gyzjz', 'current').waitFor({ timeout: 30_000 });
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('109.00');
  });
});
