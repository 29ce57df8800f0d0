import type { CellFocusedEvent, GridApi } from 'ag-grid-community';
import { useCallback, useRef, useState, type CompositionEvent, type FocusEvent, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import type { FocusedCell } from './use-spreadsheet-keys';

export interface TypeCatcherOptions<T> {
  apiRef: RefObject<GridApi<T> | null>;
  /** Columns whose cells take typed text here (text a clerk may type through an input method). */
  isTextColumn(colId: string): boolean;
  readOnly: boolean;
  /** Saves what was typed over the cell at `cell` (its row as displayed, and that row's id). */
  onCommit(cell: FocusedCell & { rowId: string | undefined }, text: string): void;
}

type Typing = FocusedCell & { rowId: string | undefined };

/**
 * Typing straight onto a selected text cell, through an input method too. A browser gives a
 * focused grid cell (a plain element) no input method, so the first pinyin letter would arrive as
 * a bare key and start AG Grid's editor with it. Instead, while a text cell is selected the focus
 * rests in a text box laid over it, transparent and letting clicks through; the input method
 * composes there from the first key, the box shows what is typed in place of the cell, and Enter,
 * Tab, an arrow up or down or leaving it saves it; Escape drops it. While nothing is typed, the
 * keys move around the grid as on the cell itself, F2 opens AG Grid's editor, and Delete, Ctrl+Z /
 * Ctrl+Y and Ctrl+V go to the grid's own handlers (`isIdle` tells them the box is not an editor).
 */
export function useTypeCatcher<T>({ apiRef, isTextColumn, readOnly, onCommit }: TypeCatcherOptions<T>) {
  const boxRef = useRef<HTMLTextAreaElement | null>(null);
  const cellRef = useRef<FocusedCell | null>(null);
  const typingRef = useRef<Typing | null>(null);
  const [typing, setTyping] = useState<Typing | null>(null);
  const optionsRef = useRef({ isTextColumn, readOnly, onCommit });
  optionsRef.current = { isTextColumn, readOnly, onCommit };

  const setTypingState = useCallback((next: Typing | null) => {
    typingRef.current = next;
    setTyping(next);
  }, []);

  /** Lays the box over the cell's element and puts the focus in it (a row just added is drawn a frame or two later). */
  const place = useCallback((cell: FocusedCell, framesLeft = 5) => {
    const box = boxRef.current;
    const host = box?.parentElement;
    const element = host?.querySelector<HTMLElement>(`.ag-row[row-index="${cell.rowIndex}"] .ag-cell[col-id="${CSS.escape(cell.colId)}"]`);
    if (!box || !host) return;
    if (!element) {
      if (framesLeft > 0) requestAnimationFrame(() => cellRef.current === cell && typingRef.current === null && place(cell, framesLeft - 1));
      return;
    }
    const hostRect = host.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    box.style.left = `${rect.left - hostRect.left + host.scrollLeft}px`;
    box.style.top = `${rect.top - hostRect.top + host.scrollTop}px`;
    box.style.width = `${Math.max(rect.width, 120)}px`;
    box.style.height = `${rect.height}px`;
    box.value = '';
    box.focus({ preventScroll: true });
  }, []);

  const onCellFocused = useCallback(
    (event: CellFocusedEvent<T>) => {
      const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
      const api = apiRef.current;
      const { isTextColumn: isText, readOnly: locked } = optionsRef.current;
      // The event comes asynchronously: a later move may have overtaken it.
      const now = api?.getFocusedCell();
      if (now && (now.rowIndex !== event.rowIndex || now.column.getColId() !== colId)) return;
      if (event.rowIndex === null || event.rowPinned || colId === undefined || !isText(colId) || locked) {
        cellRef.current = null;
        return;
      }
      const cell = { rowIndex: event.rowIndex, colId };
      cellRef.current = cell;
      const settle = (): void => {
        const current = cellRef.current;
        if (current !== cell || typingRef.current !== null) return;
        if ((api?.getEditingCells().length ?? 0) > 0) return;
        if (document.activeElement !== boxRef.current) place(cell);
      };
      // At once, so that the next key already lands in the box; and again once AG Grid has
      // finished focusing the cell itself, in case it took the focus back.
      settle();
      setTimeout(settle, 0);
    },
    [apiRef, place],
  );

  /**
   * Whenever the grid puts the browser's focus on a text cell (a click, its own navigation, the
   * end of an edit, `setFocusedCell` — often after its asynchronous cellFocused event), the focus
   * moves on into the box over that cell.
   */
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || !target.classList.contains('ag-cell') || typingRef.current !== null) return;
      const colId = target.getAttribute('col-id');
      const rowIndex = Number(target.closest('.ag-row')?.getAttribute('row-index'));
      const { isTextColumn: isText, readOnly: locked } = optionsRef.current;
      if (colId === null || !Number.isInteger(rowIndex) || !isText(colId) || locked) return;
      if ((apiRef.current?.getEditingCells().length ?? 0) > 0) return;
      const cell = { rowIndex, colId };
      cellRef.current = cell;
      place(cell);
    },
    [apiRef, place],
  );

  const startTyping = useCallback(() => {
    if (typingRef.current !== null) return;
    // The grid's own idea of the focused cell: its cellFocused event comes asynchronously, and the
    // first key may come before it.
    const api = apiRef.current;
    const focused = api?.getFocusedCell();
    const cell = focused && !focused.rowPinned ? { rowIndex: focused.rowIndex, colId: focused.column.getColId() } : cellRef.current;
    if (cell === null || !optionsRef.current.isTextColumn(cell.colId)) return;
    cellRef.current = cell;
    const rowId = api?.getDisplayedRowAtIndex(cell.rowIndex)?.id;
    setTypingState({ ...cell, rowId });
  }, [apiRef, setTypingState]);

  /** Ends typing: saves what was typed unless `save` is false; the box is empty and idle again. */
  const finish = useCallback(
    (save: boolean) => {
      const box = boxRef.current;
      const started = typingRef.current;
      if (started === null) return;
      const text = box?.value ?? '';
      if (box) box.value = '';
      setTypingState(null);
      if (save) optionsRef.current.onCommit(started, text);
    },
    [setTypingState],
  );

  /** Moves the selection as the same key would on the cell itself. */
  const move = useCallback(
    (key: string, shift: boolean) => {
      const api = apiRef.current;
      const cell = cellRef.current;
      if (!api || cell === null) return;
      // The row-selection checkbox column is passed over, as Tab and the arrows move between fields.
      const columns = api.getAllDisplayedColumns().map((c) => c.getColId()).filter((id) => !id.startsWith('ag-Grid-'));
      let rowIndex = cell.rowIndex;
      let col = columns.indexOf(cell.colId);
      if (key === 'ArrowUp' || (key === 'Enter' && shift)) rowIndex -= 1;
      else if (key === 'ArrowDown' || key === 'Enter') rowIndex += 1;
      else if (key === 'ArrowLeft' || (key === 'Tab' && shift)) col -= 1;
      else if (key === 'ArrowRight' || key === 'Tab') col += 1;
      rowIndex = Math.min(Math.max(rowIndex, 0), api.getDisplayedRowCount() - 1);
      const colId = columns[Math.min(Math.max(col, 0), columns.length - 1)];
      if (colId === undefined || rowIndex < 0) return;
      api.ensureIndexVisible(rowIndex);
      api.ensureColumnVisible(colId);
      api.setFocusedCell(rowIndex, colId);
      // The grid tells of the move asynchronously; the next key must already land in the right place.
      if (optionsRef.current.isTextColumn(colId)) {
        const next = { rowIndex, colId };
        cellRef.current = next;
        place(next);
      }
    },
    [apiRef, place],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>) => {
      if (event.nativeEvent.isComposing || event.keyCode === 229) return; // the input method's
      const navigation = ['Enter', 'Tab', 'ArrowUp', 'ArrowDown'].includes(event.key);
      if (typingRef.current !== null) {
        if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
          const cell = cellRef.current;
          if (cell !== null) place(cell);
        } else if (navigation) {
          event.preventDefault();
          finish(true);
          move(event.key, event.shiftKey);
        }
        return;
      }
      if (navigation || event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        move(event.key, event.shiftKey);
      } else if (event.key === 'F2') {
        event.preventDefault();
        const cell = cellRef.current;
        if (cell !== null) apiRef.current?.startEditingCell({ rowIndex: cell.rowIndex, colKey: cell.colId });
      }
    },
    [apiRef, finish, move, place],
  );

  const onCompositionStart = useCallback((_event: CompositionEvent<HTMLTextAreaElement>) => startTyping(), [startTyping]);
  const onInput = useCallback(
    (event: FormEvent<HTMLTextAreaElement>) => {
      if (event.currentTarget.value !== '') startTyping();
    },
    [startTyping],
  );
  const onBlur = useCallback(() => finish(true), [finish]);

  // The grid scrolled under the box: follow the cell, or save what was typed.
  const onBodyScroll = useCallback(() => {
    if (typingRef.current !== null) {
      finish(true);
      return;
    }
    const cell = cellRef.current;
    if (cell !== null && document.activeElement === boxRef.current) place(cell);
  }, [finish, place]);

  /** The box is focused with nothing typed in it: grid keys (Delete, Ctrl+Z, Ctrl+V …) are the grid's. */
  const isIdle = useCallback((target: EventTarget | null) => target === boxRef.current && typingRef.current === null, []);

  return {
    boxRef,
    typing,
    isIdle,
    onCellFocused,
    onBodyScroll,
    onFocus,
    boxProps: { onKeyDown, onCompositionStart, onInput, onBlur },
  };
}
