import { describe, expect, it } from 'vitest';
import { localTime, shortLocalTime } from './local-time';

describe('local time', () => {
  it('is shown as 2024-04-12 10:31 in the local zone, shortened to 04-12 10:31 within the year', () => {
    const at = new Date(2024, 3, 12, 10, 31, 59).toISOString();
    expect(localTime(at)).toBe('2024-04-12 10:31');
    expect(shortLocalTime(at, new Date(2024, 11, 2))).toBe('04-12 10:31');
    expect(shortLocalTime(at, new Date(2025, 0, 1))).toBe('2024-04-12 10:31');
  });

  it('what is not a time is shown as given', () => {
    expect(localTime('（未知）')).toBe('（未知）');
    expect(shortLocalTime('')).toBe('');
  });
});
