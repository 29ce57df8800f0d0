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
  return [layoutCover(payload), layoutIndicators(payload), layoutRoster(payload), layoutTexts(payload), layoutValidation(payload)].map((sheet) => ({ ...sheet, rowHeights: fitRowHeights(sheet) }));
}
