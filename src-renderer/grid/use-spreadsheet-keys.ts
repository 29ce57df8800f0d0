import type { GridApi } from 'ag-grid-community';
import { useCallback, useRef, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { gridKeyCommand, type GridKeyCommand } from './grid-key-command';

export interface FocusedCell {
  rowIndex: number;
  colId: string;
}

export interface SpreadsheetKeyHandlers {
  onCommand(command: GridKeyCommand, focus: FocusedCell): void;
  onPaste(text: string, focus: FocusedCell | null): void;
  /** A text box that holds the focus for a selected cell with nothing typed in it yet (see use-type-catcher). */
  isIdleTypeTarget?(target: EventTarget | null): boolean;
}

function isEditorTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

function focusedCell<T>(api: GridApi<T> | null): FocusedCell | null {
  const cell = api?.getFocusedCell();
  if (cell === null || cell === undefined || cell.rowPinned) return null;
  return { rowIndex: cell.rowIndex, colId: cell.column.getColId() };
}

/**
 * Keyboard and clipboard handling around an AG Grid, in the capture phase so our undo, redo and
 * clear run before the grid sees the key. Ctrl+V on a selected cell moves the focus for a moment
 * into a hidden text box so the browser pastes there (a focused grid cell is not editable and
 * not every browser fires `paste` at it); the paste event, wherever it lands, comes to `onPaste`.
 */
export function useSpreadsheetKeys<T>(apiRef: RefObject<GridApi<T> | null>, handlers: SpreadsheetKeyHandlers) {
  const pasteTarget = useRef<HTMLTextAreaElement | null>(null);
  const pasteFocus = useRef<FocusedCell | null>(null);
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  const onKeyDownCapture = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      // An input method is composing (拼音, 五笔 …): Enter confirms its candidate, Tab and the arrows
      // move in its list. Those keys are the input method's, not the grid's: AG Grid would end the
      // edit and move on, taking half-composed text with it.
      if (event.nativeEvent.isComposing || event.keyCode === 229) {
        event.stopPropagation();
        return;
      }
      const api = apiRef.current;
      const editing = isEditorTarget(event.target) && event.target !== pasteTarget.current && handlersRef.current.isIdleTypeTarget?.(event.target) !== true;
      const gridEditing = (api?.getEditingCells().length ?? 0) > 0;
      if (gridEditing && event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey && api) {
        // Excel: Tab ends the edit and moves one cell right without editing it (AG Grid would
        // open the editor of the next editable cell, which swallows the clerk's next keys).
        event.preventDefault();
        event.stopPropagation();
        api.stopEditing();
        if (event.shiftKey) api.tabToPreviousCell();
        else api.tabToNextCell();
        return;
      }
      if (editing || gridEditing) return;
      const focus = focusedCell(api);
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'v' && !event.altKey) {
        pasteFocus.current = focus;
        pasteTarget.current?.focus({ preventScroll: true });
        // The browser pastes as the default action of this key, before any timer runs; with
        // nothing on the clipboard no paste comes, and the focus goes back to the cell here.
        setTimeout(() => {
          const pending = pasteFocus.current;
          pasteFocus.current = null;
          if (pending !== null) apiRef.current?.setFocusedCell(pending.rowIndex, pending.colId);
        }, 0);
        return; // let the browser paste into the hidden box
      }
      const command = gridKeyCommand(event, false);
      if (command === null || focus === null) return;
      event.preventDefault();
      event.stopPropagation();
      handlersRef.current.onCommand(command, focus);
    },
    [apiRef],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLElement>) => {
      const fromHiddenBox = event.target === pasteTarget.current;
      const fromIdleBox = handlersRef.current.isIdleTypeTarget?.(event.target) === true;
      if (!fromHiddenBox && !fromIdleBox && isEditorTarget(event.target)) return; // pasting into a cell editor or a text box
      const text = event.clipboardData.getData('text/plain');
      event.preventDefault();
      const api = apiRef.current;
      const focus = fromHiddenBox ? pasteFocus.current : focusedCell(api);
      pasteFocus.current = null;
      if (fromHiddenBox && focus !== null) api?.setFocusedCell(focus.rowIndex, focus.colId);
      if (text !== '') handlersRef.current.onPaste(text, focus);
    },
    [apiRef],
  );

  return { onKeyDownCapture, onPaste, pasteTarget };
}
