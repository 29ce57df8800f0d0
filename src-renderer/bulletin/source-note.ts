import type { FigureSource } from '../../src-shared/bulletin';

/** The hover note of a highlighted number: 晋城开发区 · 规上工业增加值 · 2024年1–3月 · 本期累计. */
export const sourceNote = (s: FigureSource): string => [s.place, s.indicatorName, s.period, s.measure].join(' · ');

/** Quoting a zone's 文字材料 into the narrative: appended on its own line. */
export const quoteInto = (current: string, material: string): string => (current.trim() === '' ? material : `${current.replace(/\s+$/, '')}\n${material}`);
