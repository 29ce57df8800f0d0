import type { SubmissionPayload } from './payload';
import type { LayoutSheet } from './layout';
import { layoutCover } from './layout-cover';
import { layoutIndicators } from './layout-indicators';
import { layoutRoster } from './layout-roster';
import { layoutTexts } from './layout-texts';
import { layoutValidation } from './layout-validation';

/** The visible sheets of a submission, in workbook order. */
export function layoutSubmission(payload: SubmissionPayload): LayoutSheet[] {
  return [layoutCover(payload), layoutIndicators(payload), layoutRoster(payload), layoutTexts(payload), layoutValidation(payload)];
}
