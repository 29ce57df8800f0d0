/** A bureau's house style: the sentence templates of a bulletin, as data (seeds/bulletin/*.json). */
import type { ZoneType } from '../model';

export const BULLETIN_STYLE_FORMAT = 'zone-returns/bulletin-style@1';

/** A condition on figures: both sides are figure names or numbers; a figure that cannot be computed makes it false. */
export type Condition = { eq: [string | number, string | number] } | { gt: [string | number, string | number] } | { has: string } | { not: Condition } | { all: Condition[] };

/** One piece of a paragraph: text with `{figure}` placeholders, a choice, or a sentence per zone. */
export type Part =
  | string
  | { when: Condition; then: Part[]; else?: Part[] }
  | {
      forEachZone: { types?: ZoneType[]; inCity?: boolean; having?: string };
      /** Parts for the first zone, when it is written differently (the subject named once). */
      first?: Part[];
      each: Part[];
      join?: string;
      /** Written before / after the list, only when at least one zone is listed. */
      before?: string;
      after?: string;
    };

export type BulletinBlock =
  | { kind: 'figures'; id: string; parts: Part[] }
  /** The bureau's own text; the zones' 文字材料 of `material` (text indicator codes) are offered to quote. */
  | { kind: 'narrative'; id: string; label: string; material: string[] };

export interface BulletinSection {
  /** Heading without its number; numbered 一、二、三 (level 1) and （一）（二） (level 2). */
  heading: string;
  blocks: BulletinBlock[];
  subsections?: BulletinSection[];
}

export interface ClausePatterns {
  /** `{rate}` is the growth's absolute value: `同比增长{rate}%` / `增长{rate}%`. */
  growthUp: string;
  growthDown: string;
  /** `{name}` the reference's name, `{ref}` its percent as given, `{gap}` the gap in 百分点. */
  above: string;
  below: string;
  equal: string;
  /** A rank: `{n}`; a key "1" gives the wording for the first place (首位). */
  ordinal: Record<string, string>;
}

export interface BulletinStyle {
  format: typeof BULLETIN_STYLE_FORMAT;
  id: string;
  version: string;
  name: string;
  /** The indicator set the templates are written for (its figure names are checked against it). */
  indicatorSet: string;
  /** Decimals for amounts and for percentages (growth, gaps, shares, rates); counts have none. */
  decimals: { amount: number; percent: number };
  /** Drop trailing zeros after rounding (15.70 → 15.7, 100.00 → 100), as the bureau prints. */
  trimZeros: boolean;
  /** The dash in month spans: 1–7月 or 1-7月. */
  monthDash: string;
  /** Which zones make the city figures; others are written zone by zone. Absent: every zone. */
  cityZoneTypes?: ZoneType[];
  clauses: ClausePatterns;
  title: string;
  /** Who sends it, printed under the text (供稿：…). */
  signature?: string;
  sections: BulletinSection[];
}
