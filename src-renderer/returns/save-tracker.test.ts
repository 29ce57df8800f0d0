import { describe, expect, it } from 'vitest';
import { initialSaveState, saveLabel, trackSave, type SaveEvent } from './save-tracker';

const run = (events: SaveEvent[]) => events.reduce(trackSave, initialSaveState);
const at = new Date(2024, 3, 1, 9, 5, 7).toISOString();

describe('save tracker', () => {
  it('shows nothing before any save', () => {
    expect(saveLabel(initialSaveState)).toEqual({ kind: 'idle', text: '' });
  });

  it('shows 保存中 until every started save has committed', () => {
    const state = run([{ kind: 'started' }, { kind: 'started' }, { kind: 'committed', savedAt: at }]);
    expect(saveLabel(state).kind).toBe('saving');
    expect(saveLabel(trackSave(state, { kind: 'committed', savedAt: at }))).toEqual({ kind: 'saved', text: '已保存 09:05:07' });
  });

  it('keeps a failure shown until a later save commits', () => {
    const failed = run([{ kind: 'started' }, { kind: 'failed', message: '磁盘已满' }]);
    expect(saveLabel(failed)).toEqual({ kind: 'failed', text: '保存失败：磁盘已满' });
    expect(saveLabel(trackSave(trackSave(failed, { kind: 'started' }), { kind: 'committed', savedAt: at })).kind).toBe('saved');
  });

  it('keeps a refused 文字材料 text shown as unsaved until that text is saved, whatever else is saved meanwhile', () => {
    const failed = run([{ kind: 'started' }, { kind: 'failed', message: '磁盘已满', key: 'text:zyjs' }]);
    const other = trackSave(trackSave(failed, { kind: 'started' }), { kind: 'committed', savedAt: at, key: 'values' });
    expect(saveLabel(other)).toEqual({ kind: 'failed', text: '保存失败：磁盘已满' });
    const twice = trackSave(trackSave(other, { kind: 'started' }), { kind: 'failed', message: '保存失败：磁盘已满', key: 'cover' });
    expect(saveLabel(twice).text).toBe('保存失败：磁盘已满（另有 1 处未保存）');
    const textSaved = trackSave(trackSave(twice, { kind: 'started' }), { kind: 'committed', savedAt: at, key: 'text:zyjs' });
    expect(saveLabel(textSaved).text).toBe('保存失败：磁盘已满');
    const allSaved = trackSave(trackSave(textSaved, { kind: 'started' }), { kind: 'committed', savedAt: at, key: 'cover' });
    expect(saveLabel(allSaved)).toEqual({ kind: 'saved', text: '已保存 09:05:07' });
  });
});
