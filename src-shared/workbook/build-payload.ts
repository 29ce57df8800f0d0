/** The payload of a submission, built from what the app has; no exceljs here, so the print view can use it. */
import type { ComputedReturn, IndicatorSet, ValidationIssue, ZoneReturn } from '../model';
import { periodLabel } from '../period';
import { canonicalJson } from '../return';
import { SUBMISSION_FORMAT, type SubmissionPayload, type SubmissionZone } from './payload';
import { isSubmissionPayload, payloadProblems } from './payload-guard';

export interface SubmissionInput {
  set: IndicatorSet;
  ret: ZoneReturn;
  computed: ComputedReturn;
  issues: ValidationIssue[];
  zone: SubmissionZone;
  submissionId: string;
  revision: number;
  /** ISO timestamp; also the workbook's created/modified dates, so the same input gives the same sheets. */
  exportedAt: string;
  /** Defaults to the period as `2024年1–3月`. */
  periodLabel?: string;
  /** 导出草稿: the same workbook, every sheet's header marked 草稿, the payload flagged. */
  draft?: boolean;
}

/**
 * The payload exactly as a reader will see it: passed through canonical JSON, so what the
 * visible sheets show is built from the same values on both sides (no `undefined`, no -0).
 */
export function buildPayload(input: SubmissionInput): SubmissionPayload {
  const payload: SubmissionPayload = {
    format: SUBMISSION_FORMAT,
    submissionId: input.submissionId,
    revision: input.revision,
    exportedAt: input.exportedAt,
    zone: input.zone,
    periodLabel: input.periodLabel ?? periodLabel(input.ret.period),
    indicatorSet: input.set,
    return: input.ret,
    figures: input.computed,
    issues: input.issues,
    ...(input.draft === true ? { draft: true as const } : {}),
  };
  const normalised: unknown = JSON.parse(canonicalJson(payload));
  // The caller's data has the model's types; failing the reader's own guard here is a bug, never the user's.
  if (!isSubmissionPayload(normalised)) throw new Error(`submission payload does not pass its own guard: ${payloadProblems(normalised).slice(0, 3).join('; ')}`);
  return normalised;
}

