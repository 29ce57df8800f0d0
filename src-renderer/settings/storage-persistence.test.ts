import { describe, expect, it } from 'vitest';
import { persistenceMessage, requestPersistentStorage } from './storage-persistence';

describe('requestPersistentStorage', () => {
  it('does not ask again when storage is already persisted', async () => {
    let asked = 0;
    const state = await requestPersistentStorage({ persisted: async () => true, persist: async () => ((asked += 1), true) });
    expect(state).toBe('granted');
    expect(asked).toBe(0);
  });

  it.each([
    [true, 'granted'],
    [false, 'refused'],
  ] as const)('persist() answering %s → %s', async (answer, expected) => {
    expect(await requestPersistentStorage({ persisted: async () => false, persist: async () => answer })).toBe(expected);
  });

  it('says unsupported without a StorageManager, refused when it throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('denied')) })).toBe('refused');
  });

  it('has a Chinese message for every answer', () => {
    for (const state of ['granted', 'refused', 'unsupported'] as const) expect(persistenceMessage(state)).toMatch(/持久保存/);
  });
});
