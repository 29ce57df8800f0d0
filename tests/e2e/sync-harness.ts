/**
 * What the 联网报送 end-to-end tests share: one real collection server on 127.0.0.1 over PGlite in a
 * temporary folder (stopped and started again on the same port for the offline cases), and the
 * clerk's steps in the web build — typing a row or a text, validating and exporting a revision.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildServer } from '../../src-server/build-server';
import type { Database } from '../../src-server/db/database';
import { openStorage } from '../../src-server/open-database';
import { tempDir } from '../server/harness';

export interface TestCollectionServer {
  /** The port of the first start, kept for every restart so that the apps find the server again. */
  readonly port: number;
  readonly url: string;
  readonly db: Database;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server if it runs and removes its folder. */
  dispose(): Promise<void>;
  rows(): Promise<Array<{ revision: number; state: string; reason: string | null }>>;
}

export function testCollectionServer(prefix: string): TestCollectionServer {
  const dir = tempDir(prefix);
  let port = 0;
  let running: { db: Database; close(): Promise<void> } | undefined;
  const db = (): Database => {
    if (running === undefined) throw new Error('the test server is stopped');
    return running.db;
  };
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get db() {
      return db();
    },
    async start() {
      const opened = await openStorage({ dataDir: dir.path }, 'test');
      if (!opened.ok) throw new Error(opened.message);
      const app = await buildServer({ db: opened.db, limits: { verifyWorkers: 0 } });
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      running = { db: opened.db, close: async () => { await app.close(); await opened.close(); } };
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    async dispose() {
      await this.stop();
      dir.remove();
    },
    rows: () => db().query<{ revision: number; state: string; reason: string | null }>('SELECT revision, state, reason FROM submissions ORDER BY seq'),
  };
}

export const cell = (page: Page, code: string, col: string) => page.locator(`.ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`).first();
export const submissionStatus = (page: Page) => page.getByTestId('submission-status').textContent();
export const syncBadge = (page: Page) => page.getByTestId('sync-badge').textContent();

export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('save-indicator').textContent(), { timeout: 10_000 }).toMatch(/^已保存/);
}

export async function fillRow(page: Page, code: string, current: string, lastYear: string): Promise<void> {
  await cell(page, code, 'current').click();
  await page.keyboard.type(current);
  await page.keyboard.press('Tab');
  await page.keyboard.type(lastYear);
  await page.keyboard.press('Enter');
  await waitSaved(page);
}

export async function fillText(page: Page, code: string, text: string): Promise<void> {
  const box = page.locator(`textarea[data-text-code="${code}"]`);
  await box.fill(text);
  await box.blur();
  await waitSaved(page);
}

export async function validateAndExport(page: Page, revision: number): Promise<void> {
  await page.getByRole('tab', { name: '报送' }).click();
  await expect.poll(() => page.getByRole('region', { name: '校验' }).getByTestId('gate-summary').textContent(), { timeout: 10_000 }).toMatch(/^(无错误|错误 0 条，未说明的提示 0 条)/);
  await page.getByRole('button', { name: '标记为已校验' }).click();
  await expect.poll(() => submissionStatus(page)).toBe('已校验');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `导出报送工作簿（第 ${revision} 版）` }).click();
  await (await download).path();
  await expect.poll(() => submissionStatus(page)).toBe('已报送');
}
