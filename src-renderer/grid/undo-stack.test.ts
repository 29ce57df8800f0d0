import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

describe('UndoStack', () => {
  it('undoes newest first and redoes in the original order', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    stack.push('b');
    expect(stack.undo()).toBe('b');
    expect(stack.undo()).toBe('a');
    expect(stack.undo()).toBeUndefined();
    expect(stack.redo()).toBe('a');
    expect(stack.redo()).toBe('b');
    expect(stack.redo()).toBeUndefined();
  });

  it('forgets the redo list when a new edit is made', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    stack.undo();
    expect(stack.canRedo).toBe(true);
    stack.push('b');
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toBe('b');
    expect(stack.undo()).toBeUndefined();
  });

  it('keeps only the newest batches up to its limit', () => {
    const stack = new UndoStack<number>(2);
    [1, 2, 3].forEach((n) => stack.push(n));
    expect([stack.undo(), stack.undo(), stack.undo()]).toEqual([3, 2, undefined]);
  });

  it('puts a batch back when its undo could not be saved', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    const batch = stack.undo();
    expect(batch).toBe('a');
    stack.restore('a', 'undo');
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toBe('a');
    stack.redo();
    stack.restore('a', 'redo');
    expect(stack.canUndo).toBe(false);
    expect(stack.redo()).toBe('a');
  });

  it('discards a refused batch even when later edits sit above it', () => {
    const stack = new UndoStack<string>();
    stack.push('a');
    stack.push('refused');
    stack.push('c');
    stack.discard('refused');
    expect([stack.undo(), stack.undo(), stack.undo()]).toEqual(['c', 'a', undefined]);
  });
});
