/** The drafted bulletin: blocks of text segments, each figure keeping where it came from. */

/** Where a number in the text came from, for highlighting and the hover note. */
export interface FigureSource {
  /** Zone id, absent for the city's figure or a reference figure about the city. */
  zoneId?: string;
  /** 晋城开发区, or 晋城市（4个开发区合计）, or 参照数据. */
  place: string;
  indicator: string;
  indicatorName: string;
  /** 2024年1–3月 */
  period: string;
  /** 本期累计, 上年同期, 同比增速, 与省定目标之差, 全省开发区平均增速, 全省排名（完成量）… */
  measure: string;
  /** Entered by the bureau as a reference figure (全省平均, 全省排名), not computed from the returns. */
  fromReference?: boolean;
}

export type Segment =
  | { kind: 'text'; text: string }
  /** A generated number; `figure` is the template's figure name. */
  | { kind: 'figure'; text: string; figure: string; source: FigureSource }
  /** A figure that cannot be computed: the visible gap 【缺：…】. */
  | { kind: 'gap'; text: string; figure: string; reason: string };

export type DraftBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; number: string; text: string }
  | { kind: 'paragraph'; id: string; segments: Segment[] }
  | { kind: 'narrative'; id: string; label: string; text: string; material: Array<{ zoneId: string; zoneName: string; indicator: string; text: string }> }
  | { kind: 'signature'; text: string };

export interface DraftGap {
  paragraphId: string;
  figure: string;
  text: string;
  reason: string;
}

export interface BulletinDraft {
  styleId: string;
  styleVersion: string;
  title: string;
  blocks: DraftBlock[];
  /** Every gap left in the text, in order. */
  gaps: DraftGap[];
}

/** The text of a run of segments. */
export const segmentsText = (segments: Segment[]): string => segments.map((s) => s.text).join('');

/** Puts the bureau's narrative (by block id) into a draft; blocks without text keep their placeholder. */
export function withNarrative(draft: BulletinDraft, texts: Record<string, string>): BulletinDraft {
  return { ...draft, blocks: draft.blocks.map((b) => (b.kind === 'narrative' && texts[b.id] !== undefined ? { ...b, text: texts[b.id] ?? '' } : b)) };
}

/** The placeholder printed for a narrative nobody has written yet. */
export const narrativePlaceholder = (label: string): string => `【待撰写：${label}】`;
