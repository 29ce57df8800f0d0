import { roundHalfAwayFromZero } from '../expr';

/** Rounds once, from full precision, half away from zero; trailing zeros dropped when the style says so. */
export function formatNumber(value: number, decimals: number, trimZeros: boolean): string {
  const fixed = roundHalfAwayFromZero(value, decimals).toFixed(decimals);
  const shown = trimZeros && fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return shown === '-0' ? '0' : shown;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一 (ranks: 第一位); up to 99, else the digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones === 0 ? '' : (DIGITS[ones] ?? '')}`;
}

/** A count before a measure word: 2 → 两 (两次), otherwise as chineseNumeral. */
export const chineseCount = (n: number): string => (n === 2 ? '两' : chineseNumeral(n));

const HEADING_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const headingNumber = (i: number, level: 1 | 2): string => {
  const n = HEADING_NUMBERS[i] ?? chineseNumeral(i + 1);
  return level === 1 ? `${n}、` : `（${n}）`;
};
