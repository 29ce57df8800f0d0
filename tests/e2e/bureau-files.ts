/** Submission workbooks made as a zone exports them, and dropping them on the window; for the bureau's e2e files. */
import type { Page } from 'playwright-core';
import { computeReturn } from '../../src-shared/compute';
import { builtinZoneRegistry, exampleReturn, findIndicatorSet, kfqSet, type ExampleName } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';

export async function workbook(name: ExampleName, revision: number, exportedAt: string): Promise<Uint8Array> {
  const ret = exampleReturn(name);
  const set = findIndicatorSet(ret.indicatorSet.id, ret.indicatorSet.version) ?? kfqSet();
  const zone = submissionZone(ret.zoneId, builtinZoneRegistry())!;
  const computed = computeReturn(set, ret, { zoneType: zone.type });
  const issues = validateReturn(set, ret, computed, { zoneType: zone.type });
  return (await writeSubmissionWorkbook({ set, ret, computed, issues, zone, revision, exportedAt, submissionId: `00000000-0000-4000-8000-${String(revision).padStart(4, '0')}${name.length.toString().padStart(8, '0')}` })).bytes;
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
