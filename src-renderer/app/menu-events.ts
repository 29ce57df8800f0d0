/** The 编辑 menu's 撤销 / 恢复 (Electron) reach the open screen as this window event. */
export const MENU_EDIT_EVENT = 'zone-returns:menu-edit';

export type MenuEdit = 'undo' | 'redo';

export function dispatchMenuEdit(command: MenuEdit, target: EventTarget = window): void {
  target.dispatchEvent(new CustomEvent<MenuEdit>(MENU_EDIT_EVENT, { detail: command }));
}

/** Calls `listener` for each 撤销 / 恢复 from the menu; returns the unsubscribe function. */
export function onMenuEdit(listener: (command: MenuEdit) => void, target: EventTarget = window): () => void {
  const handle = (event: Event): void => {
    if (event instanceof CustomEvent && (event.detail === 'undo' || event.detail === 'redo')) listener(event.detail);
  };
  target.addEventListener(MENU_EDIT_EVENT, handle);
  return () => target.removeEventListener(MENU_EDIT_EVENT, handle);
}
