/** Where the saves of a screen stand; only the database's promises move it. */
export interface SaveState {
  pending: number;
  /** ISO time the last save committed. */
  lastSavedAt: string | null;
  /** The message of the last failed save that left nothing unsaved on screen (a value edit is put back), until a later save succeeds. */
  error: string | null;
  /**
   * Failed saves whose content is still on screen, unsaved (a 文字材料 box keeps its text, an
   * explanation its words, the cover its fields), by what they save: each stays until that same
   * thing is saved, whatever else is saved meanwhile. Oldest first.
   */
  unsaved: Array<{ key: string; message: string }>;
}

export type SaveEvent =
  | { kind: 'started' }
  /** `key`: what was saved (e.g. `text:zyjs`); it ends that thing's failure. */
  | { kind: 'committed'; savedAt: string; key?: string }
  /** `key`: what failed, when its content stays on screen unsaved; without it, the next success ends the failure. */
  | { kind: 'failed'; message: string; key?: string };

export const initialSaveState: SaveState = { pending: 0, lastSavedAt: null, error: null, unsaved: [] };

export function trackSave(state: SaveState, event: SaveEvent): SaveState {
  switch (event.kind) {
    case 'started':
      return { ...state, pending: state.pending + 1 };
    case 'committed':
      return { pending: Math.max(0, state.pending - 1), lastSavedAt: event.savedAt, error: null, unsaved: event.key === undefined ? state.unsaved : state.unsaved.filter((u) => u.key !== event.key) };
    case 'failed':
      if (event.key !== undefined) {
        const key = event.key;
        return { ...state, pending: Math.max(0, state.pending - 1), unsaved: [...state.unsaved.filter((u) => u.key !== key), { key, message: event.message }] };
      }
      return { ...state, pending: Math.max(0, state.pending - 1), error: event.message };
  }
}

export type SaveLabel = { kind: 'idle' | 'saving' | 'saved' | 'failed'; text: string };

function clock(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** 保存中 while any save is still open; 已保存 only when every save has committed and nothing on screen is left unsaved; a failure stays shown until a save succeeds (the same thing's, when its content is still on screen). */
export function saveLabel(state: SaveState): SaveLabel {
  if (state.pending > 0) return { kind: 'saving', text: '保存中…' };
  // The repository's own refusal already begins with 保存失败; other errors get the word in front.
  const failed = (message: string): string => (message.startsWith('保存失败') ? message : `保存失败：${message}`);
  const latest = state.unsaved[state.unsaved.length - 1];
  if (latest !== undefined) {
    const others = state.unsaved.length - 1;
    return { kind: 'failed', text: `${failed(latest.message)}${others > 0 ? `（另有 ${others} 处未保存）` : ''}` };
  }
  if (state.error !== null) return { kind: 'failed', text: failed(state.error) };
  if (state.lastSavedAt !== null) return { kind: 'saved', text: `已保存 ${clock(state.lastSavedAt)}` };
  return { kind: 'idle', text: '' };
}
