export type GridKeyCommand = 'undo' | 'redo' | 'clear';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The keys the grid handles itself rather than leaving to AG Grid: Ctrl+Z / Ctrl+Y (and
 * Ctrl+Shift+Z) go through our undo stack, which saves to the database; Delete and Backspace
 * on a selected cell clear it through the same save path. While a cell is being edited the
 * editor keeps every key.
 */
export function gridKeyCommand(event: KeyLike, editing: boolean): GridKeyCommand | null {
  if (editing || event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) return 'clear';
  return null;
}
