/**
 * What the clerk is typing, kept synchronously in localStorage on every keystroke: an IndexedDB
 * write started in `pagehide` may not finish before a reload, a localStorage write has. The next
 * start takes the draft back and saves it. Also the return that was open, reopened after a reload.
 */

export type TypingDraft =
  | { returnId: string; kind: 'text'; code: string; text: string }
  | { returnId: string; kind: 'cell'; code: string; column: 'current' | 'lastYear'; text: string };

/** Which field a draft is of (a draft without its text). */
export type DraftField = { returnId: string; kind: 'text'; code: string } | { returnId: string; kind: 'cell'; code: string; column: 'current' | 'lastYear' };

const DRAFT_KEY = 'zone-returns.typing-draft';
const OPEN_KEY = 'zone-returns.open-return';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: nothing to keep, nothing to take back
  }
}

function sameField(a: TypingDraft, b: DraftField): boolean {
  return a.returnId === b.returnId && a.kind === b.kind && a.code === b.code && (a.kind !== 'cell' || b.kind !== 'cell' || a.column === b.column);
}

export function keepTypingDraft(draft: TypingDraft): void {
  store()?.setItem(DRAFT_KEY, JSON.stringify(draft));
}

/** Drops the draft once what it holds is saved (or the edit was given up); a draft of another field stays. */
export function dropTypingDraft(field: DraftField): void {
  const current = peekTypingDraft();
  if (current !== null && sameField(current, field)) store()?.removeItem(DRAFT_KEY);
}

export function peekTypingDraft(): TypingDraft | null {
  const raw = store()?.getItem(DRAFT_KEY);
  if (raw === null || raw === undefined) return null;
  try {
    const d = JSON.parse(raw) as Partial<TypingDraft>;
    if (typeof d.returnId !== 'string' || typeof d.code !== 'string' || typeof d.text !== 'string') return null;
    if (d.kind === 'text') return { returnId: d.returnId, kind: 'text', code: d.code, text: d.text };
    if (d.kind === 'cell' && (d.column === 'current' || d.column === 'lastYear')) return { returnId: d.returnId, kind: 'cell', code: d.code, column: d.column, text: d.text };
  } catch {
    // a draft that cannot be read is dropped below
  }
  store()?.removeItem(DRAFT_KEY);
  return null;
}

/** The draft of this return, taken out of storage (the caller saves it). */
export function takeTypingDraft(returnId: string): TypingDraft | null {
  const d = peekTypingDraft();
  if (d === null || d.returnId !== returnId) return null;
  store()?.removeItem(DRAFT_KEY);
  return d;
}

export function rememberOpenReturn(returnId: string | null): void {
  if (returnId === null) store()?.removeItem(OPEN_KEY);
  else store()?.setItem(OPEN_KEY, returnId);
}

export function rememberedOpenReturn(): string | null {
  return store()?.getItem(OPEN_KEY) ?? null;
}
