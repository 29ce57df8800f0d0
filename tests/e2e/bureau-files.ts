/** Submission workbooks made as a zone exports them, and dropping them on the window; for the bureau's e2e files. */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Period, ZoneReturn } from '../../src-shared/model';
import { computeReturn } from '../../src-shared/compute';
import { builtinZoneRegistry, exampleReturn, findIndicatorSet, kfqSet, type ExampleName } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';

export async function workbook(name: ExampleName, revision: number, exportedAt: string): Promise<Uint8Array> {
  return workbookOf(exampleReturn(name), revision, exportedAt, `00000000-0000-4000-8000-${String(revision).padStart(4, '0')}${name.length.toString().padStart(8, '0')}`);
}

/** An example return moved to another period (and that year's indicator set), with some values replaced. */
export function periodReturn(name: ExampleName, period: Period, values: ZoneReturn['values']): ZoneReturn {
  const ret = exampleReturn(name);
  return { ...ret, period, indicatorSet: { id: ret.indicatorSet.id, version: `${period.year}.1` }, values: { ...ret.values, ...values } };
}

/** The submission workbook of any return, as the zone's app exports it. */
export async function workbookOf(ret: ZoneReturn, revision: number, exportedAt: string, submissionId: string = randomUUID()): Promise<Uint8Array> {
  const set = findIndicatorSet(ret.indicatorSet.id, ret.indicatorSet.version) ?? kfqSet();
  const zone = submissionZone(ret.zoneId, builtinZoneRegistry())!;
  const computed = computeReturn(set, ret, { zoneType: zone.type });
  const issues = validateReturn(set, ret, computed, { zoneType: zone.type });
  return (await writeSubmissionWorkbook({ set, ret, computed, issues, zone, revision, exportedAt, submissionId })).bytes;
}

/** From the first-run settings, makes this app the city bureau's (本单位 = 市商务局) and waits for its 收件箱. */
export async function openAsBureau(page: Page, cityCode = '140500'): Promise<void> {
  await page.getByRole('region', { name: '本单位' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('市商务局（收件、汇总、排名）').check();
  await page.getByLabel('城市').selectOption(cityCode);
  await page.getByRole('button', { name: '保存本单位' }).click();
  await page.getByRole('tab', { name: '收件箱' }).waitFor();
}

export /** Drops files onto the window as a drag from the file manager does. */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    }
    const target = document.querySelector('.app')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

/** 设置 → 本单位 on a fresh profile: the city bureau of 晋城 (or `cityCode`), then waits for its 收件箱 tab. */
export async function becomeBureau(page: Page, cityCode = '140500'): Promise<void> {
  await page.getByRole('region', { name: '本单位' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('市商务局（收件、汇总、排名）').check();
  await page.getByLabel('城市').selectOption(cityCode);
  await page.getByRole('button', { name: '保存本单位' }).click();
  await page.getByRole('tab', { name: '收件箱' }).waitFor();
}
