import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src-shared/return';
import { exampleReturn } from '../../src-shared/seeds';
import { submittedReturn } from './submitted-return';

describe('submittedReturn', () => {
  const sent = exampleReturn('houma-kfq-2024-07');
  const snapshot = canonicalJson(sent);

  it('gives a submitted return as it was sent, roster included', () => {
    const shown = submittedReturn('已报送', { snapshot });
    expect(shown).toEqual(sent);
    expect(shown?.roster.length).toBeGreaterThan(0);
  });

  it.each(['填报中', '已校验', '退回修改', '未填'] as const)('leaves a return that is %s to its stored data', (state) => {
    expect(submittedReturn(state, { snapshot })).toBeUndefined();
  });

  it('leaves it to the stored data when there is no snapshot or it cannot be read', () => {
    expect(submittedReturn('已报送', undefined)).toBeUndefined();
    expect(submittedReturn('已报送', { snapshot: '{"format":' })).toBeUndefined();
    expect(submittedReturn('已报送', { snapshot: '{"format":"something else"}' })).toBeUndefined();
  });
});
