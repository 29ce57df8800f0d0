import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { captureDownload, openApp, pickFile, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();

async function openQ1of2024(page: Page): Promise<void> {
  // The app's tabs, or a message saying why the database could not be opened.
  await page.locator('[role="tab"], .notice.error').first().waitFor({ timeout: 60_000 });
  if (!(await page.getByRole('tab', { name: '填报' }).isVisible())) throw new Error(`no tabs: ${await page.locator('body').innerText()}`);
  await page.getByRole('tab', { name: '填报' }).click();
  // The tab shows the return open before, or the list when none is.
  await page.locator('select[aria-label="年度"], .return-form').first().waitFor();
  const back = page.getByRole('button', { name: '← 返回报表列表' });
  if (await back.isVisible()) await back.click();
  await page.locator('select[aria-label="年度"]').selectOption('2024');
  await page.locator('tr[data-period="2024-03-q"] button').click();
  await cell(page, 'gyzjz', 'current').waitFor();
}

async function typeInto(page: Page, code: string, text: string): Promise<void> {
  await cell(page, code, 'current').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

/** First run as 高平开发区 (李明), and 56.7 typed into the 2024 Q1 return's 规上工业增加值. */
async function startWith56of7(page: Page): Promise<void> {
  await page.locator('#setting-zoneId').selectOption('gaoping-kfq');
  await page.locator('#setting-fillerName').fill('李明');
  await page.getByRole('button', { name: '保存并开始填报' }).click();
  await openQ1of2024(page);
  await typeInto(page, 'gyzjz', '56.7');
}

describe('backup and restore in the web build', () => {
  it('backs up, changes a value, restores the backup after confirming, and shows the original again', async () => {
    app = await openApp();
    const { page } = app;
    await startWith56of7(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    // navigator.storage.persist() was asked in the real browser and its answer is shown.
    await page.locator('.storage-persistence').getByText(/持久保存/).waitFor();
    const backup = await captureDownload(page, () => page.getByRole('button', { name: '备份到文件…' }).click());
    expect(backup.fileName).toMatch(/^开发区填报备份-\d{8}-\d{4}\./);
    expect(backup.bytes.length).toBeGreaterThan(100);
    await page.getByText(/已备份到文件/).waitFor();
    await screenshot(page, 'backup-panel');

    // Change the value after the backup.
    await openQ1of2024(page);
    await typeInto(page, 'gyzjz', '99');
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');

    // Restore asks first; cancelling changes nothing.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: backup.fileName, bytes: backup.bytes });
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(backup.fileName);
    await screenshot(page, 'restore-confirm');
    await page.getByRole('button', { name: '取消' }).click();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: backup.fileName, bytes: backup.bytes });
    await page.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(/已从“.*”恢复/).waitFor();

    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');
    // And it is the database that holds it, not the screen: reload and look again.
    await page.reload();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');
    expect(app.errors).toEqual([]);
  });
});

/** A backup file with the return marked 已报送 (as the submission screen leaves it), gzip or plain JSON kept as it came. */
function markSubmitted(bytes: Buffer, returnId: string): Buffer {
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const doc: unknown = JSON.parse((gzip ? gunzipSync(bytes) : bytes).toString('utf8'));
  if (typeof doc !== 'object' || doc === null || !('tables' in doc)) throw new Error('not a backup');
  const tables: unknown = doc.tables;
  if (typeof tables !== 'object' || tables === null || !('returns' in tables) || !Array.isArray(tables.returns)) throw new Error('backup without returns');
  let found = false;
  for (const record of tables.returns) {
    if (typeof record === 'object' && record !== null && 'id' in record && record.id === returnId) {
      Object.assign(record, { status: '已报送', revision: 1, submittedAt: '2024-04-08T02:00:00.000Z' });
      found = true;
    }
  }
  if (!found) throw new Error(`return ${returnId} not in the backup`);
  const json = Buffer.from(JSON.stringify(doc), 'utf8');
  return gzip ? gzipSync(json) : json;
}

describe('a submitted return', () => {
  it('opens read-only: no typing, pasting, clearing or text editing changes it', async () => {
    app = await openApp();
    const { page } = app;
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.locator('#setting-zoneId').selectOption('qinshui-kfq');
    await page.locator('#setting-fillerName').fill('赵静');
    await page.getByRole('button', { name: '保存并开始填报' }).click();
    await openQ1of2024(page);
    await typeInto(page, 'gyzjz', '12.34');
    await page.locator('[data-text-code="txtHighlights"]').fill('已报送的文字');
    await page.locator('[data-text-code="txtHighlights"]').blur();
    await expect.poll(() => page.getByTestId('save-indicator').textContent()).toMatch(/^已保存/);

    await page.getByRole('tab', { name: '备份与恢复' }).click();
    const backup = await captureDownload(page, () => page.getByRole('button', { name: '备份到文件…' }).click());
    const submitted = markSubmitted(backup.bytes, 'qinshui-kfq|2024-03-q');
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: backup.fileName, bytes: submitted });
    await page.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(/已从“.*”恢复/).waitFor();

    await page.getByRole('tab', { name: '填报' }).click();
    await page.locator('select[aria-label="年度"]').selectOption('2024');
    await expect.poll(() => page.locator('tr[data-period="2024-03-q"] .status').textContent()).toBe('已报送');
    expect(await page.locator('tr[data-period="2024-03-q"] button').textContent()).toBe('查看');
    await page.locator('tr[data-period="2024-03-q"] button').click();
    await page.locator('.readonly-banner').waitFor();

    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.type('99');
    await page.keyboard.press('Enter');
    await cell(page, 'gyzjz', 'current').click();
    await page.keyboard.press('Delete');
    await page.evaluate((t) => navigator.clipboard.writeText(t), '77');
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.getByTestId('status-line').textContent()).toContain('已报送');
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('12.34');
    expect(await page.locator('[data-text-code="txtHighlights"]').getAttribute('readonly')).not.toBeNull();
    expect(await page.locator('[data-text-code="txtHighlights"]').inputValue()).toBe('已报送的文字');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'return-readonly');
    expect(app.errors).toEqual([]);
  });
});

describe('the automatic copies a restore leaves (1366×768)', () => {
  it('lists the copy made before a restore, with its date, size and contents, and restores it after showing them', async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await startWith56of7(page);

    // A backup file holding 56.70, then the clerk's own figure 99 — the data before the restore.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByText('还没有自动备份。').waitFor();
    const file = await captureDownload(page, () => page.getByRole('button', { name: '备份到文件…' }).click());
    await openQ1of2024(page);
    await typeInto(page, 'gyzjz', '99');

    // Restoring the file: the confirmation says what the file holds before anything is replaced.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await pickFile(page, () => page.getByRole('button', { name: '从备份恢复…' }).click(), { name: file.fileName, bytes: file.bytes });
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const facts = await dialog.locator('.restore-facts').innerText();
    expect(facts).toMatch(/备份时间\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(facts).toMatch(/本开发区\s+高平开发区/);
    expect(facts).toMatch(/报表\s+1 份/);
    await screenshot(page, 'backup-restore-file-confirm-1366');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(/已从“.*”恢复/).waitFor();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('56.70');

    // The data before the restore is listed as an automatic copy.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    const rows = page.locator('table.stored-backups tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('恢复备份前自动保存');
    expect(row).toMatch(/\d+ KB/);
    expect(row).toContain('高平开发区；报表 1 份；项目 0 个');
    await screenshot(page, 'backup-automatic-copies-1366');
    const button = rows.first().getByRole('button', { name: '恢复此备份' });
    const box = await button.boundingBox();
    expect(box !== null && box.x + box.width <= 1366 && box.y + box.height <= 768).toBe(true);

    await button.click();
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('这份自动备份');
    expect(await dialog.locator('.restore-facts').innerText()).toMatch(/含开发区\s+高平开发区/);
    await screenshot(page, 'backup-restore-automatic-confirm-1366');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await page.getByText(/的自动备份恢复/).waitFor();

    // The first data is back, in the database: after a reload too.
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');
    await page.reload();
    await openQ1of2024(page);
    expect(await cell(page, 'gyzjz', 'current').textContent()).toBe('99.00');
    // Restoring the copy kept one more: the state it replaced (56.70), newest first.
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
