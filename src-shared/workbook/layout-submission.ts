import type { SubmissionPayload } from './payload';
import type { LayoutSheet } from './layout';
import { layoutCover } from './layout-cover';
import { layoutIndicators } from './layout-indicators';
import { layoutRoster } from './layout-roster';
import { layoutTexts } from './layout-texts';
import { layoutValidation } from './layout-validation';

/** The visible sheets of a submission, in workbook order. */
export function layoutSubmission(payload: SubmissionPayload): LayoutSheet[] {
  const sheets = [layoutCover(payload), layoutIndicators(payload), layoutRoster(payload), layoutTexts(payload), layoutValidation(payload)];
  return payload.draft === true ? sheets.map(markDraft) : sheets;
}

/** What a 导出草稿 prints at the head of every page, so no printed page passes for the submission. */
export const DRAFT_HEADER = '草稿（不作报送）';

function markDraft(sheet: LayoutSheet): LayoutSheet {
  return { ...sheet, headerCenter: `${DRAFT_HEADER} ${sheet.headerCenter}` };
}
