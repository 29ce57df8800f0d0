import { describe, expect, it } from 'vitest';
import { dispatchMenuEdit, MENU_EDIT_EVENT, onMenuEdit, type MenuEdit } from './menu-events';

describe('menu edit events', () => {
  it('delivers 撤销 and 恢复 to the listener until it unsubscribes', () => {
    const target = new EventTarget();
    const seen: MenuEdit[] = [];
    const stop = onMenuEdit((c) => seen.push(c), target);
    dispatchMenuEdit('undo', target);
    dispatchMenuEdit('redo', target);
    stop();
    dispatchMenuEdit('undo', target);
    expect(seen).toEqual(['undo', 'redo']);
  });

  it('ignores events of the same name that carry something else', () => {
    const target = new EventTarget();
    const seen: MenuEdit[] = [];
    onMenuEdit((c) => seen.push(c), target);
    target.dispatchEvent(new CustomEvent(MENU_EDIT_EVENT, { detail: 'print' }));
    target.dispatchEvent(new Event(MENU_EDIT_EVENT));
    expect(seen).toEqual([]);
  });
});
