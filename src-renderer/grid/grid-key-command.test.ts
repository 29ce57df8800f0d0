import { describe, expect, it } from 'vitest';
import { gridKeyCommand, type KeyLike } from './grid-key-command';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('gridKeyCommand', () => {
  it.each<[string, KeyLike, boolean, string | null]>([
    ['Ctrl+Z', key('z', { ctrlKey: true }), false, 'undo'],
    ['Ctrl+Z with Caps Lock', key('Z', { ctrlKey: true }), false, 'undo'],
    ['Cmd+Z', key('z', { metaKey: true }), false, 'undo'],
    ['Ctrl+Y', key('y', { ctrlKey: true }), false, 'redo'],
    ['Ctrl+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), false, 'redo'],
    ['Delete', key('Delete'), false, 'clear'],
    ['Backspace', key('Backspace'), false, 'clear'],
    ['Delete while editing stays in the editor', key('Delete'), true, null],
    ['Ctrl+Z while editing stays in the editor', key('z', { ctrlKey: true }), true, null],
    ['a digit is left to AG Grid (starts editing)', key('5'), false, null],
    ['Enter is left to AG Grid', key('Enter'), false, null],
    ['Ctrl+C is left to the browser', key('c', { ctrlKey: true }), false, null],
    ['Alt+Z is not undo', key('z', { ctrlKey: true, altKey: true }), false, null],
  ])('%s', (_name, event, editing, expected) => {
    expect(gridKeyCommand(event, editing)).toBe(expected);
  });
});
