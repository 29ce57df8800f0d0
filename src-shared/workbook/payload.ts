/**
 * The machine-readable part of a submission workbook: what the hidden sheet carries, and how.
 *
 * The payload holds the return exactly as stored, the indicator set it was filled against (so
 * any copy of the program can lay out and check the visible sheets, whatever sets it knows), the
 * figures and the validation result shown in the visible sheets (they may rest on last year's
 * return, which the reader does not have), and the submission's identity. The SHA-256 covers
 * the canonical JSON of the whole payload.
 */
import { sha256Hex } from '../crypto';
import type { ComputedReturn, IndicatorSet, Period, ValidationIssue, ZoneReturn, ZoneType } from '../model';
import { canonicalJson } from '../return';

export const SUBMISSION_FORMAT = 'zone-returns/submission@1';

/** The zone as the cover sheet names it, taken from the zone registry at export. */
export interface SubmissionZone {
  id: string;
  name: string;
  cityName: string;
  county: string;
  type: ZoneType;
}

export interface SubmissionPayload {
  format: typeof SUBMISSION_FORMAT;
  /** This export's id (UUID v4), the outbox's key; revisions of one return share zone and period, not this id. */
  submissionId: string;
  /** 1 for the first export; each export after 退回修改 adds one. */
  revision: number;
  /** ISO timestamp of the export. */
  exportedAt: string;
  zone: SubmissionZone;
  /** `2024年1–3月`: the report period as the visible sheets print it. */
  periodLabel: string;
  indicatorSet: IndicatorSet;
  return: ZoneReturn;
  figures: ComputedReturn;
  issues: ValidationIssue[];
  /**
   * Present (true) only in a 导出草稿 workbook: a copy for checking, not a submission. The checksum
   * covers it, so `verify` and every collection path refuse the file as a submission.
   */
  draft?: true;
}

/** Who the submission is, as `verify` prints it. */
export interface SubmissionIdentity {
  submissionId: string;
  revision: number;
  exportedAt: string;
  zoneId: string;
  zoneName: string;
  period: Period;
  periodLabel: string;
  indicatorSet: { id: string; version: string };
  /** A 导出草稿 workbook: never counted as a submission. */
  draft: boolean;
}

/** Why a draft is refused wherever a submission is expected; every collection path says this. */
export const DRAFT_REFUSAL = '这是草稿（导出草稿），不是报送，不能作为报送接收。请填报单位校验后在程序中点“报送”，发送报送工作簿';

export function identityOf(payload: SubmissionPayload): SubmissionIdentity {
  return {
    submissionId: payload.submissionId,
    revision: payload.revision,
    exportedAt: payload.exportedAt,
    zoneId: payload.return.zoneId,
    zoneName: payload.zone.name,
    period: payload.return.period,
    periodLabel: payload.periodLabel,
    indicatorSet: { id: payload.return.indicatorSet.id, version: payload.return.indicatorSet.version },
    draft: payload.draft === true,
  };
}

export function payloadChecksum(payload: SubmissionPayload): string {
  return sha256Hex(canonicalJson(payload));
}

/**
 * Stored form of the canonical JSON. Inside JSON strings some characters are re-escaped, which
 * JSON.parse undoes: `_x` (Excel would decode `_xHHHH_` as an escaped character), U+007F–U+009F
 * and U+FFFE/U+FFFF (not safe in XML). Structural JSON is ASCII, so only string content changes.
 */
export function encodeForSheet(json: string): string {
  return json.replace(/_x|[\u007F-\u009F\uFFFE\uFFFF]/g, (match) =>
    match === '_x' ? '\\u005fx' : `\\u${match.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Characters a stored part may not begin with: formula triggers and whitespace. */
const UNSAFE_PART_START = /[=+\-@\s]/;

/**
 * Splits the stored JSON into cell-sized parts. A part never begins with a formula trigger or
 * whitespace and never ends in whitespace (some programs trim cell text), and never splits a
 * surrogate pair.
 */
export function splitIntoParts(text: string, partSize: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + partSize, text.length);
    while (end < text.length && !isSafeBoundary(text, end)) end -= 1;
    if (end <= start) end = Math.min(start + partSize, text.length); // cannot happen with JSON; guards an endless loop
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

function isSafeBoundary(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charAt(index);
  if (before >= 0xd800 && before <= 0xdbff) return false;
  if (/\s/.test(text.charAt(index - 1))) return false;
  return !UNSAFE_PART_START.test(after);
}
