import type { ComputedReturn, ValidationIssue, ZoneReturn } from '../../src-shared/model';
import { writeSubmissionWorkbook, type WrittenSubmission } from '../../src-shared/workbook';
import { seedSet, zoneOf } from './fixtures';

export const SUBMISSION_ID = '6f1c2d3e-4b5a-4c6d-8e7f-001122334455';

export async function exportReturn(
  ret: ZoneReturn,
  computed: ComputedReturn,
  issues: ValidationIssue[],
  extra: { revision?: number; submissionId?: string } = {},
): Promise<WrittenSubmission> {
  return writeSubmissionWorkbook({
    set: seedSet(),
    ret,
    computed,
    issues,
    zone: zoneOf(ret.zoneId),
    submissionId: extra.submissionId ?? SUBMISSION_ID,
    revision: extra.revision ?? 1,
    exportedAt: '2024-04-08T08:30:00.000Z',
  });
}
