/**
 * 联网报送 end to end in the web build (Chromium, 1366×768) with the real collection server on
 * 127.0.0.1 over PGlite: the clerk enrolls in 设置 → 联网报送 and exports; the upload arrives;
 * the bureau (a reader device signing like the bureau's app) sends it back with a reason; the
 * clerk sees 退回修改 with it, fixes a value while the server is stopped, exports revision 2
 * (离线 · 待上传 1), the browser is killed (SIGKILL); the server comes back, it is reopened on the
 * same profile and revision 2 arrives exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../src-server/admin/admin-ops';
import { createCollectClient, keyPairFromSeed, nobleSigner, type Device } from '../../src-shared/collect-protocol';
import { nodeFetch, randomBytes } from '../server/harness';
import { discardProfile, openApp, screenshot, type OpenedApp } from './harness';
import { cell, fillRow, fillText, submissionStatus, syncBadge, testCollectionServer, validateAndExport, waitSaved } from './sync-harness';

const VIEWPORT = { width: 1366, height: 768 };
const srv = testCollectionServer('zr-sync-e2e-');

beforeAll(() => srv.start(), 60_000);
afterAll(() => srv.dispose());

const status = submissionStatus;
const badge = syncBadge;
const serverRows = () => srv.rows();

describe('联网报送 in the web build', () => {
  it('enroll, upload, 退回修改 from the bureau, revision 2 exported offline and sent once after a browser restart', async () => {
    const url = srv.url;
    let app: OpenedApp | undefined = await openApp({ viewport: VIEWPORT });
    const profileDir = app.profileDir;
    try {
      let page = app.page;
      await page.locator('#setting-zoneId').selectOption('jincheng-kfq');
      await page.locator('#setting-fillerName').fill('张明');
      await page.getByRole('button', { name: '保存并开始填报' }).click();

      // 设置 → 联网报送.
      const code = await issueCode(srv.db, { zoneId: 'jincheng-kfq' }, 'test', null);
      if (!code.ok) throw new Error(code.code);
      await page.getByRole('tab', { name: '设置' }).click();
      const panel = page.getByLabel('联网报送');
      await panel.locator('input[name="sync-server"]').fill(url);
      await panel.locator('input[name="sync-code"]').fill(code.value.code);
      await panel.getByRole('button', { name: '登记本机' }).click();
      await expect.poll(() => panel.getByTestId('sync-zone').textContent(), { timeout: 15_000 }).toBe('晋城开发区');
      expect(await panel.getByTestId('sync-city').textContent()).toBe('晋城市');
      await expect.poll(() => badge(page)).toBe('在线');
      await screenshot(page, 'sync-enrolled');

      // Fill and export revision 1.
      await page.getByRole('tab', { name: '填报' }).click();
      await page.locator('select[aria-label="年度"]').selectOption('2024');
      await page.locator('tr[data-period="2024-03-q"] button').click();
      await cell(page, 'gyzjz', 'current').waitFor();
      await fillRow(page, 'gyzjz', '100', '90');
      await fillRow(page, 'gytz', '16.92', '10.85');
      await fillRow(page, 'zxxmtz', '15.7', '10');
      await fillRow(page, 'gyzcz', '248.6', '211.4');
      await fillText(page, 'txtHighlights', '引进康佳智慧科技城项目');
      await fillText(page, 'txtMeasures', '开展“政府+链主企业+园区”招商。');
      await validateAndExport(page, 1);
      await expect.poll(serverRows, { timeout: 20_000 }).toEqual([{ revision: 1, state: '已接收', reason: null }]);
      const outbox = page.getByRole('region', { name: '发件箱' });
      await expect.poll(() => outbox.locator('tr[data-revision="1"] [data-testid="upload-state"]').textContent(), { timeout: 30_000 }).toBe('已接收');
      await screenshot(page, 'sync-uploaded');

      // The bureau sends it back through the reader API.
      const cityCode = await issueCode(srv.db, { city: '晋城市' }, 'test', null);
      if (!cityCode.ok) throw new Error(cityCode.code);
      const client = createCollectClient({ server: url, fetch: nodeFetch, randomBytes });
      const signer = nobleSigner(keyPairFromSeed(randomBytes(32)).secretKey);
      const enrolled = await client.enroll(cityCode.value.code, signer);
      if (!enrolled.ok) throw new Error(enrolled.error.message);
      const reader: Device = { deviceId: enrolled.value.deviceId, signer };
      const listed = await client.list(reader, 0);
      if (!listed.ok) throw new Error(listed.error.message);
      const sub = listed.value.submissions[0]!;
      const back = await client.sendBack(reader, sub.submissionId, sub.revision, '工业投资与台账不符，请核对');
      expect(back.ok).toBe(true);

      // The clerk's app reads it at its next poll: 退回修改 with the reason.
      await expect.poll(() => status(page), { timeout: 40_000 }).toBe('退回修改');
      await page.getByText(/退回原因：市商务局退回：工业投资与台账不符，请核对/).waitFor();
      expect(await outbox.locator('tr[data-revision="1"] [data-testid="upload-state"]').textContent()).toContain('退回修改：工业投资与台账不符，请核对');
      await screenshot(page, 'sync-sent-back');

      // The server stops; the clerk fixes a value and exports revision 2: 离线 · 待上传 1.
      await srv.stop();
      await page.getByRole('button', { name: '打开报表' }).click();
      await page.getByText(/工业投资与台账不符/).first().waitFor();
      await screenshot(page, 'sync-reopened-form');
      await cell(page, 'gytz', 'current').click();
      await page.keyboard.type('17.02');
      await page.keyboard.press('Enter');
      await waitSaved(page);
      await validateAndExport(page, 2);
      await expect.poll(() => badge(page), { timeout: 20_000 }).toBe('离线 · 待上传 1');
      expect(await outbox.locator('tr[data-revision="2"] [data-testid="upload-state"]').textContent()).toMatch(/^待上传/);
      await screenshot(page, 'sync-offline');

      // Browser killed (SIGKILL), server back, browser reopened on the same profile: sent exactly once.
      await app.kill();
      app = undefined;
      await srv.start();
      app = await openApp({ viewport: VIEWPORT, profileDir });
      page = app.page;
      await expect.poll(serverRows, { timeout: 30_000 }).toEqual([
        { revision: 1, state: '退回修改', reason: '工业投资与台账不符，请核对' },
        { revision: 2, state: '已接收', reason: null },
      ]);
      await expect.poll(() => badge(page), { timeout: 30_000 }).toBe('在线');
      await page.getByRole('tab', { name: '报送' }).click();
      await expect.poll(() => page.getByRole('region', { name: '发件箱' }).locator('tr[data-revision="2"] [data-testid="upload-state"]').textContent(), { timeout: 30_000 }).toBe('已接收');
      await screenshot(page, 'sync-back-online');
      expect((await serverRows()).filter((r) => r.revision === 2)).toHaveLength(1);
      // Only the fetches made while the server was stopped may have failed.
      expect(app.errors.filter((e) => !e.includes(`127.0.0.1:${srv.port}`))).toEqual([]);
    } finally {
      await app?.close({ keepProfile: true });
      discardProfile(profileDir);
    }
  }, 240_000);
});
