import { describe, expect, it } from 'vitest';
import { safeFileName } from './safe-file-name';

describe('safeFileName', () => {
  it.each([
    ['某开发区2024年一季度.xlsx', '某开发区2024年一季度.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\clerk\\报送.xlsx', '报送.xlsx'],
    ['a:b*c?.xlsx', 'a_b_c_.xlsx'],
    ['报送\u0007.xlsx', '报送_.xlsx'],
    ['  .hidden.  ', 'hidden'],
    ['', '未命名'],
    ['...', '未命名'],
    ['dir/', '未命名'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps names to 200 characters', () => {
    expect(safeFileName('名'.repeat(300))).toHaveLength(200);
  });
});
