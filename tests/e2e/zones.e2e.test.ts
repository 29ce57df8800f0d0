import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, pickFile, screenshot, type OpenedApp } from './harness';

let app: OpenedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const row = (page: Page, zoneId: string) => page.locator(`.zone-table tr[data-zone="${zoneId}"]`);
const panel = (page: Page) => page.locator('.zone-registry-panel');

const SHEET = ['编号,开发区名称,简称,所属市,县区,类型,级别,设立年份', 'yq-sheet-kfq,阳泉名录表开发区,名录表开发区,阳泉市,盂县,工业类,省级,2024', ',陵川生态文化旅游示范区,陵川文旅区,晋城市,陵川县,旅游类,省级,'].join('\r\n');

describe('设置 → 开发区名录 in the web build', () => {
  it('lists every city’s zones, adds a zone, renames one (id kept), imports a registry sheet, and keeps it all after a reload', async () => {
    app = await openApp({ viewport: { width: 1366, height: 768 } });
    const { page } = app;
    await page.locator('#setting-zoneId').waitFor({ timeout: 60_000 });
    await page.locator('#setting-zoneId').selectOption('gaoping-kfq');
    await page.locator('#setting-fillerName').fill('王芳');
    await page.getByRole('button', { name: '保存并开始填报' }).click();
    await page.getByRole('tab', { name: '设置' }).click();
    await expect.poll(() => panel(page).locator('p.muted').first().textContent()).toContain('全省 11 个市、86 个开发区');

    // Only 阳泉's three zones when filtered.
    await panel(page).getByLabel('按市筛选').selectOption('140300');
    await expect.poll(() => panel(page).locator('tbody tr').count()).toBe(3);

    // Add a zone: an id with capitals is refused at its field, then accepted.
    await panel(page).getByRole('button', { name: '新增开发区' }).click();
    const form = panel(page).getByRole('form', { name: '新增开发区' });
    await form.getByLabel('编号').fill('YQ-New');
    await form.getByLabel('开发区名称').fill('阳泉新建农业园区');
    await form.getByLabel('县（市、区）').fill('平定县');
    await form.getByLabel('类型').selectOption('agricultural');
    await form.getByRole('button', { name: '添加' }).click();
    await form.getByText('只能由小写字母、数字和连字符组成').waitFor();
    await form.getByLabel('编号').fill('yq-new-nyq');
    await form.getByRole('button', { name: '添加' }).click();
    await panel(page).getByText('已添加「阳泉新建农业园区」').waitFor();
    expect(await row(page, 'yq-new-nyq').innerText()).toContain('农业类');

    // Rename 高平开发区: the id stays, the old name is kept.
    await panel(page).getByLabel('按市筛选').selectOption('140500');
    await row(page, 'gaoping-kfq').getByRole('button', { name: '修改' }).click();
    const edit = panel(page).getByRole('form', { name: '修改高平开发区' });
    expect(await edit.getByLabel('编号').isDisabled()).toBe(true);
    await edit.getByLabel('开发区名称').fill('高平经济技术开发区');
    await edit.getByRole('button', { name: '保存' }).click();
    await panel(page).getByText('已保存「高平经济技术开发区」（编号 gaoping-kfq 不变）').waitFor();
    expect(await row(page, 'gaoping-kfq').innerText()).toContain('曾用名：高平开发区');
    // The app header names the clerk's zone by its new name.
    await expect.poll(() => page.locator('.zone-name').textContent()).toBe('高平经济技术开发区');

    // Import a registry sheet (CSV saved by Excel): one new zone, one found by name.
    await pickFile(page, () => panel(page).getByRole('button', { name: '导入名录表…' }).click(), { name: '名录.csv', bytes: new TextEncoder().encode(SHEET), mimeType: 'text/csv' });
    await panel(page).getByRole('region', { name: '名录表预览' }).getByText('新增 1 个（阳泉名录表开发区）').waitFor();
    await panel(page).getByRole('button', { name: '确认导入' }).click();
    await panel(page).getByText('已导入「名录.csv」：新增 1 个，修改 1 个，未变 0 个').waitFor();
    expect(await row(page, 'lingchuan-lyq').innerText()).toContain('陵川文旅区');
    await screenshot(page, 'zone-registry');

    // After a reload the zones are still there, and the new ones can be chosen as 本开发区.
    await page.reload();
    await page.getByRole('tab', { name: '设置' }).click();
    await panel(page).getByLabel('按市筛选').selectOption('140300');
    await expect.poll(() => panel(page).locator('tbody tr').count()).toBe(5);
    const options = await page.locator('#setting-zoneId option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['阳泉新建农业园区（省级）', '阳泉名录表开发区（省级）', '高平经济技术开发区（省级）']));
    expect(app.errors).toEqual([]);
  });
});
