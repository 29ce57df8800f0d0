/** Where the saves of a screen stand; only the database's promises move it. */
export interface SaveState {
  pending: number;
  /** ISO time the last save committed. */
  lastSavedAt: string | null;
  /** The message of the last failed save, until a later save succeeds. */
  error: string | null;
}

export type SaveEvent = { kind: 'started' } | { kind: 'committed'; savedAt: string } | { kind: 'failed'; message: string };

export const initialSaveState: SaveState = { pending: 0, lastSavedAt: null, error: null };

export function trackSave(state: SaveState, event: SaveEvent): SaveState {
  switch (event.kind) {
    case 'started':
      return { ...state, pending: state.pending + 1 };
    case 'committed':
      return { pending: Math.max(0, state.pending - 1), lastSavedAt: event.savedAt, error: null };
    case 'failed':
      return { ...state, pending: Math.max(0, state.pending - 1), error: event.message };
  }
}

export type SaveLabel = { kind: 'idle' | 'saving' | 'saved' | 'failed'; text: string };

function clock(iso: string): string {
  const d = new Date(iso);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** 保存中 while any save is still open; 已保存 only when every save has committed; a failure stays shown until a save succeeds. */
export function saveLabel(state: SaveState): SaveLabel {
  if (state.pending > 0) return { kind: 'saving', text: '保存中…' };
  // The repository's own refusal already begins with 保存失败; other errors get the word in front.
  if (state.error !== null) return { kind: 'failed', text: state.error.startsWith('保存失败') ? state.error : `保存失败：${state.error}` };
  if (state.lastSavedAt !== null) return { kind: 'saved', text: `已保存 ${clock(state.lastSavedAt)}` };
  return { kind: 'idle', text: '' };
}
