import { beforeEach, describe, expect, it } from 'vitest';
import { dropTypingDraft, keepTypingDraft, peekTypingDraft, rememberedOpenReturn, rememberOpenReturn, takeTypingDraft } from './typing-draft';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('typing drafts', () => {
  it('keeps the last keystroke, gives it back once to its own return, and drops it when saved', () => {
    keepTypingDraft({ returnId: 'r1', kind: 'text', code: 'ld', text: '亮点一' });
    expect(takeTypingDraft('r2')).toBeNull();
    expect(takeTypingDraft('r1')).toEqual({ returnId: 'r1', kind: 'text', code: 'ld', text: '亮点一' });
    expect(takeTypingDraft('r1')).toBeNull();
    keepTypingDraft({ returnId: 'r1', kind: 'cell', code: 'gyzjz', column: 'current', text: '108.78' });
    dropTypingDraft({ returnId: 'r1', kind: 'cell', code: 'gyzjz', column: 'lastYear' });
    expect(peekTypingDraft()?.text).toBe('108.78');
    dropTypingDraft({ returnId: 'r1', kind: 'cell', code: 'gyzjz', column: 'current' });
    expect(peekTypingDraft()).toBeNull();
  });
  it('drops a draft it cannot read, and remembers the open return', () => {
    localStorage.setItem('zone-returns.typing-draft', '{bad');
    expect(peekTypingDraft()).toBeNull();
    rememberOpenReturn('r9');
    expect(rememberedOpenReturn()).toBe('r9');
    rememberOpenReturn(null);
    expect(rememberedOpenReturn()).toBeNull();
  });
});
