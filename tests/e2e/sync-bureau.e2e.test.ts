/**
 * 联网报送, the bureau's side, end to end in the web build (Chromium, 1366×768) with one real
 * collection server on 127.0.0.1 over PGlite and two browsers: a zone's app (晋城开发区) and the
 * bureau's app (晋城市商务局, enrolled as the city's reader in 设置 → 联网报送). The clerk submits;
 * the bureau's 收件箱 shows it without a reload; the bureau returns it with a reason; the clerk
 * sees 退回修改 with that reason, fixes a value and submits revision 2; the bureau's 收件箱 and
 * 报送情况 show revision 2, and which zones' apps are enrolled and when each was last seen (also
 * before any return, and 已注销 after the clerk's 取消登记). Then a second zone's app exports three
 * returns while the server is stopped, its browser killed and restarted between the second and
 * the third (离线 · 待上传 3); all three arrive exactly once when the server is back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../src-server/admin/admin-ops';
import { discardProfile, openApp, screenshot, type OpenedApp } from './harness';
import { cell, fillRow, fillText, submissionStatus, syncBadge, testCollectionServer, validateAndExport, waitSaved } from './sync-harness';

const VIEWPORT = { width: 1366, height: 768 };
const srv = testCollectionServer('zr-sync-bureau-e2e-');

beforeAll(() => srv.start(), 60_000);
afterAll(() => srv.dispose());

const status = submissionStatus;
const badge = syncBadge;
const serverRows = () => srv.rows();

const inboxRows = (page: Page) => page.locator('table[aria-label="收到的报表"] tbody tr');
const rowOfRevision = (page: Page, revision: number) => inboxRows(page).filter({ has: page.locator('td:nth-child(4)', { hasText: new RegExp(`^${revision}$`) }) });

async function enroll(page: Page, url: string, code: string, expectZone: string): Promise<void> {
  await page.getByRole('tab', { name: '设置' }).click();
  const panel = page.getByLabel('联网报送');
  await panel.locator('input[name="sync-server"]').fill(url);
  await panel.locator('input[name="sync-code"]').fill(code);
  await panel.getByRole('button', { name: '登记本机' }).click();
  await expect.poll(() => panel.getByTestId('sync-zone').textContent(), { timeout: 15_000 }).toBe(expectZone);
  expect(await panel.getByTestId('sync-city').textContent()).toBe('晋城市');
}

describe('联网报送: the bureau\'s app', () => {
  it('the clerk submits, the bureau\'s 收件箱 shows it without a reload, 退回修改 reaches the clerk, revision 2 reaches the board', async () => {
    const url = srv.url;
    let clerkApp: OpenedApp | undefined;
    let bureauApp: OpenedApp | undefined;
    try {
      clerkApp = await openApp({ viewport: VIEWPORT });
      bureauApp = await openApp({ viewport: VIEWPORT });
      const clerk = clerkApp.page;
      const bureau = bureauApp.page;

      // The bureau's app: 市商务局 of 晋城市, enrolled as the city's reader.
      await bureau.getByRole('region', { name: '本单位' }).waitFor({ timeout: 60_000 });
      await bureau.getByLabel('市商务局（收件、汇总、排名）').check();
      await bureau.getByLabel('城市').selectOption('140500');
      await bureau.getByRole('button', { name: '保存本单位' }).click();
      await bureau.getByRole('tab', { name: '收件箱' }).waitFor();
      const readerCode = await issueCode(srv.db, { city: '晋城市' }, 'test', null);
      if (!readerCode.ok) throw new Error(readerCode.code);
      await enroll(bureau, url, readerCode.value.code, '市商务局（收件）');
      await screenshot(bureau, 'sync-bureau-enrolled');
      await bureau.getByRole('tab', { name: '收件箱' }).click();
      await expect.poll(() => bureau.getByTestId('server-inbox-line').textContent(), { timeout: 20_000 }).toMatch(/服务器上没有新的报表/);

      // The zone's app: enroll and export revision 1.
      await clerk.locator('#setting-zoneId').selectOption('jincheng-kfq');
      await clerk.locator('#setting-fillerName').fill('张明');
      await clerk.getByRole('button', { name: '保存并开始填报' }).click();
      const zoneCode = await issueCode(srv.db, { zoneId: 'jincheng-kfq' }, 'test', null);
      if (!zoneCode.ok) throw new Error(zoneCode.code);
      await enroll(clerk, url, zoneCode.value.code, '晋城开发区');
      // 报送情况 before any return: the zone's app is enrolled (seen when it enrolled), the others not.
      await bureau.getByRole('button', { name: '立即同步' }).click();
      await bureau.getByRole('tab', { name: '报送情况' }).click();
      await expect.poll(() => bureau.getByTestId('link-jincheng-kfq').textContent(), { timeout: 20_000 }).toMatch(/^已联网（最近 \d\d-\d\d \d\d:\d\d）$/);
      expect(await bureau.getByTestId('link-gaoping-kfq').textContent()).toBe('未联网');
      await screenshot(bureau, 'sync-bureau-board-enrolled');
      await bureau.getByRole('tab', { name: '收件箱' }).click();
      await clerk.getByRole('tab', { name: '填报' }).click();
      await clerk.locator('select[aria-label="年度"]').selectOption('2024');
      await clerk.locator('tr[data-period="2024-03-q"] button').click();
      await cell(clerk, 'gyzjz', 'current').waitFor();
      await fillRow(clerk, 'gyzjz', '100', '90');
      await fillRow(clerk, 'gytz', '16.92', '10.85');
      await fillRow(clerk, 'zxxmtz', '15.7', '10');
      await fillRow(clerk, 'gyzcz', '248.6', '211.4');
      await fillText(clerk, 'txtHighlights', '引进康佳智慧科技城项目');
      await fillText(clerk, 'txtMeasures', '开展“政府+链主企业+园区”招商。');
      await validateAndExport(clerk, 1);
      const outbox = clerk.getByRole('region', { name: '发件箱' });
      await expect.poll(() => outbox.locator('tr[data-revision="1"] [data-testid="upload-state"]').textContent(), { timeout: 30_000 }).toBe('已接收');

      // The bureau's 收件箱 shows it at its next poll, no reload, verified like a file: 采用.
      await expect.poll(() => rowOfRevision(bureau, 1).count(), { timeout: 40_000 }).toBe(1);
      const row1 = rowOfRevision(bureau, 1);
      expect(await row1.locator('td').nth(0).textContent()).toContain('（联网）');
      expect(await row1.locator('td').nth(1).textContent()).toBe('晋城开发区');
      expect(await row1.locator('td').nth(5).textContent()).toBe('采用');
      await screenshot(bureau, 'sync-bureau-inbox');

      // 退回修改 with a reason: stored in the inbox and sent to the server.
      bureau.once('dialog', (d) => void d.accept('工业投资与台账不符，请核对'));
      await row1.getByRole('button', { name: '退回修改' }).click();
      await bureau.getByText('退回已送达服务器').waitFor({ timeout: 15_000 });
      expect(await row1.locator('td').nth(5).textContent()).toBe('已退回');
      expect(await row1.locator('td').nth(6).textContent()).toContain('退回原因：工业投资与台账不符，请核对');
      await expect.poll(serverRows).toEqual([{ revision: 1, state: '退回修改', reason: '工业投资与台账不符，请核对' }]);
      await screenshot(bureau, 'sync-bureau-returned');

      // The clerk sees 退回修改 with the reason, fixes a value, exports revision 2.
      await expect.poll(() => status(clerk), { timeout: 40_000 }).toBe('退回修改');
      await clerk.getByText(/退回原因：市商务局退回：工业投资与台账不符，请核对/).waitFor();
      // The outbox line: the bureau's reason and the time it sent it back, in local time.
      await clerk.getByRole('tab', { name: '报送' }).click();
      await expect.poll(() => outbox.locator('tr[data-revision="1"] [data-testid="upload-state"]').textContent(), { timeout: 20_000 }).toMatch(/^退回修改：工业投资与台账不符，请核对（\d{4}-\d\d-\d\d \d\d:\d\d 退回）$/);
      await screenshot(clerk, 'sync-bureau-clerk-sent-back');
      await clerk.getByRole('button', { name: '打开报表' }).click();
      await clerk.getByText(/工业投资与台账不符/).first().waitFor();
      await cell(clerk, 'gytz', 'current').click();
      await clerk.keyboard.type('17.02');
      await clerk.keyboard.press('Enter');
      await waitSaved(clerk);
      await validateAndExport(clerk, 2);
      await expect.poll(() => outbox.locator('tr[data-revision="2"] [data-testid="upload-state"]').textContent(), { timeout: 30_000 }).toBe('已接收');

      // The bureau: 立即同步 brings revision 2; it is 采用 and revision 1 已被取代.
      await bureau.getByRole('button', { name: '立即同步' }).click();
      await expect.poll(() => rowOfRevision(bureau, 2).count(), { timeout: 40_000 }).toBe(1);
      expect(await rowOfRevision(bureau, 2).locator('td').nth(5).textContent()).toBe('采用');
      expect(await rowOfRevision(bureau, 1).locator('td').nth(5).textContent()).toBe('已被取代');
      await expect.poll(() => inboxRows(bureau).count()).toBe(2);
      await screenshot(bureau, 'sync-bureau-inbox-rev2');

      // 报送情况: revision 2 on the board and the zone's last server submission.
      await bureau.getByRole('tab', { name: '报送情况' }).click();
      const board = bureau.getByRole('table', { name: '报送情况表' });
      await expect.poll(() => board.locator('tr', { hasText: '晋城开发区' }).locator('td[data-state]').first().textContent(), { timeout: 10_000 }).toContain('第2版');
      await expect.poll(() => bureau.getByTestId('seen-jincheng-kfq').textContent(), { timeout: 30_000 }).toMatch(/最近报送 \d\d-\d\d \d\d:\d\d：.+第2版，已接收$/);
      expect(await bureau.getByTestId('link-jincheng-kfq').textContent()).toMatch(/^已联网（最近 \d\d-\d\d \d\d:\d\d）$/);
      expect(await bureau.getByTestId('seen-gaoping-kfq').textContent()).toBe('未联网尚未联网报送');
      await screenshot(bureau, 'sync-bureau-board');

      // The clerk's 取消登记 withdraws the device on the server: the board shows 已注销 at the next poll.
      await clerk.getByRole('tab', { name: '设置' }).click();
      clerk.once('dialog', (d) => void d.accept());
      await clerk.getByLabel('联网报送').getByRole('button', { name: '取消登记' }).click();
      await clerk.getByText('已取消登记，服务器上本机的登记已注销').waitFor({ timeout: 15_000 });
      await bureau.getByRole('tab', { name: '收件箱' }).click();
      await bureau.getByRole('button', { name: '立即同步' }).click();
      await bureau.getByRole('tab', { name: '报送情况' }).click();
      await expect.poll(() => bureau.getByTestId('link-jincheng-kfq').textContent(), { timeout: 20_000 }).toMatch(/^已注销（\d\d-\d\d \d\d:\d\d）$/);
      await screenshot(bureau, 'sync-bureau-board-revoked');
      expect((await serverRows()).map((r) => r.revision)).toEqual([1, 2]);
      expect(bureauApp.errors).toEqual([]);
    } finally {
      await clerkApp?.close();
      await bureauApp?.close();
    }
  }, 300_000);
  it('server stopped while the clerk exports three returns, the browser killed in between: 离线 · 待上传 3, all three sent exactly once when it is back', async () => {
    const url = srv.url;
    let app: OpenedApp | undefined;
    let profileDir: string | undefined;
    try {
      app = await openApp({ viewport: VIEWPORT });
      profileDir = app.profileDir;
      let page = app.page;
      await page.locator('#setting-zoneId').selectOption('gaoping-kfq');
      await page.locator('#setting-fillerName').fill('王芳');
      await page.getByRole('button', { name: '保存并开始填报' }).click();
      const zoneCode = await issueCode(srv.db, { zoneId: 'gaoping-kfq' }, 'test', null);
      if (!zoneCode.ok) throw new Error(zoneCode.code);
      await enroll(page, url, zoneCode.value.code, '高平开发区');
      await expect.poll(() => badge(page)).toBe('在线');

      await srv.stop();
      const quarters: Array<[string, number]> = [['2024-03-q', 1], ['2024-06-q', 2], ['2024-09-q', 3]];
      for (const [key, k] of quarters) {
        await page.getByRole('tab', { name: '填报' }).click();
        // After an export the tab shows the form just exported: back to the list.
        const list = page.getByText('高平开发区 · 报表列表');
        const toList = page.getByRole('button', { name: '← 返回报表列表' });
        await list.or(toList).first().waitFor();
        if (await toList.isVisible()) await toList.click();
        await list.waitFor();
        await page.locator('select[aria-label="年度"]').selectOption('2024');
        await page.locator(`tr[data-period="${key}"] button`).click();
        await cell(page, 'gyzjz', 'current').waitFor();
        await fillRow(page, 'gyzjz', String(30 * k), String(27 * k));
        await fillRow(page, 'gytz', String(5 * k), String(4 * k));
        await fillRow(page, 'zxxmtz', String(4 * k), String(3 * k));
        await fillRow(page, 'gyzcz', String(80 * k), String(70 * k));
        await fillText(page, 'txtHighlights', `第${k}季度重点项目推进`);
        await fillText(page, 'txtMeasures', '开展招商引资。');
        await validateAndExport(page, 1);
        if (k === 2) {
          // The clerk's browser killed (SIGKILL, no clean shutdown) between the exports, and started again on its profile.
          await expect.poll(() => badge(page), { timeout: 30_000 }).toBe('离线 · 待上传 2');
          await app.kill();
          app = await openApp({ viewport: VIEWPORT, profileDir });
          page = app.page;
          await expect.poll(() => badge(page), { timeout: 30_000 }).toBe('离线 · 待上传 2');
        }
      }
      await expect.poll(() => badge(page), { timeout: 30_000 }).toBe('离线 · 待上传 3');
      await screenshot(page, 'sync-bureau-offline-three');

      await srv.start();
      await expect.poll(async () => (await srv.db.query<{ n: number }>("SELECT count(*)::int AS n FROM submissions WHERE zone_id = 'gaoping-kfq'"))[0]?.n, { timeout: 90_000 }).toBe(3);
      await expect.poll(() => badge(page), { timeout: 60_000 }).toBe('在线');
      await screenshot(page, 'sync-bureau-online-three');
      const rows = await srv.db.query<{ submission_id: string; revision: number }>("SELECT submission_id, revision FROM submissions WHERE zone_id = 'gaoping-kfq'");
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((r) => r.submission_id)).size).toBe(3);
    } finally {
      await app?.close();
      if (profileDir) discardProfile(profileDir);
    }
  }, 300_000);
});
