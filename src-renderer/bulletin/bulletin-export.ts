/** Exporting a drafted bulletin through the host bridge's save (a save dialog in Electron, a download in the browser). */
import { bulletinDocx, bulletinText, type BulletinDraft } from '../../src-shared/bulletin';
import type { SaveFileArgs, SaveOutcome } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/model';

export type SaveFile = (args: SaveFileArgs) => Promise<Result<SaveOutcome>>;

export const DOCX_FILTERS = [{ name: 'Word 文档', extensions: ['docx'] }];
export const TEXT_FILTERS = [{ name: '纯文本', extensions: ['txt'] }];

/** `晋城市开发区2024年第一季度主要经济指标运行情况.docx`; characters a file name cannot hold are dropped. */
export const bulletinFileName = (draft: BulletinDraft, ext: 'docx' | 'txt'): string => `${draft.title.replace(/[\\/:*?"<>|\s]+/g, '') || '通报'}.${ext}`;

export async function exportBulletin(kind: 'docx' | 'txt', draft: BulletinDraft, saveFile: SaveFile): Promise<Result<SaveOutcome>> {
  const bytes = kind === 'docx' ? await bulletinDocx(draft) : new TextEncoder().encode(bulletinText(draft).replace(/\n/g, '\r\n'));
  return saveFile({ suggestedName: bulletinFileName(draft, kind), bytes, filters: kind === 'docx' ? DOCX_FILTERS : TEXT_FILTERS });
}

/** What the screen says after an export. */
export function describeOutcome(kind: 'docx' | 'txt', r: Result<SaveOutcome>): { tone: 'ok' | 'error' | 'info'; text: string } {
  const what = kind === 'docx' ? 'Word 文档' : '纯文本';
  if (!r.ok) return { tone: 'error', text: r.issues.map((i) => i.message).join('；') || `${what}未能保存。` };
  switch (r.value.kind) {
    case 'saved':
      return { tone: 'ok', text: `${what}已保存：${r.value.fileName}` };
    case 'downloaded':
      return { tone: 'ok', text: `${what}已下载：${r.value.fileName}` };
    case 'print-dialog':
    case 'cancelled':
      return { tone: 'info', text: '已取消保存。' };
  }
}
