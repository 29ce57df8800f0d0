import type { SubmissionPayload } from './payload';
import type { LayoutSheet } from './layout';
import { layoutCover } from './layout-cover';
import { layoutIndicators } from './layout-indicators';
import { layoutRoster } from './layout-roster';
import { layoutTexts } from './layout-texts';
import { layoutValidation } from './layout-validation';
import { fitRowHeights } from './text-fit';

/** The visible sheets of a submission, in workbook order, each row as tall as its wrapped text. */
export function layoutSubmission(payload: SubmissionPayload): LayoutSheet[] {
  const sheets = [layoutCover(payload), layoutIndicators(payload), layoutRoster(payload), layoutTexts(payload), layoutValidation(payload)].map((sheet) => ({ ...sheet, rowHeights: fitRowHeights(sheet) }));
  return payload.draft === true ? sheets.map(markDraft) : sheets;
}

/** What a 导出草稿 prints at the head of every page, so no printed page passes for the submission. */
export const DRAFT_HEADER = '草稿（不作报送）';

function markDraft(sheet: LayoutSheet): LayoutSheet {
  return { ...sheet, headerCenter: `${DRAFT_HEADER} ${sheet.headerCenter}` };
}
