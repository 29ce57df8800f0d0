import { describe, expect, it } from 'vitest';
import { countText } from './count-text';

describe('countText', () => {
  it.each<[string, number | undefined, number, boolean, string]>([
    ['', 3000, 0, false, '0 / 3000 字'],
    ['一季度规上工业增加值增长20.35%', 3000, 18, false, '18 / 3000 字'],
    ['𠀀𠀁', 10, 2, false, '2 / 10 字'],
    ['第一段\r\n第二段', 10, 7, false, '7 / 10 字'],
    ['超出限制', 2, 4, true, '4 / 2 字，超出 2 字'],
    ['无上限', undefined, 3, false, '3 字'],
  ])('%j (max %s)', (text, max, count, over, label) => {
    expect(countText(text, max)).toMatchObject({ count, over, label });
  });
});
