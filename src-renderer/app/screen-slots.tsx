// The tabs filled by the import and submission parts of the program.
import { ImportScreen } from '../import/import-screen';
import type { ScreenProps } from './screen-props';
import { SubmissionScreen } from '../submission/submission-screen';

/** 导入台账 — src-renderer/import/ (ledger import: preview, mapping, import, undo batch). */
export function ImportScreenSlot(props: ScreenProps) {
  return <ImportScreen {...props} />;
}

/** 报送 — src-renderer/submission/ (validate, explain, export the submission workbook, outbox, print). */
export function SubmissionScreenSlot(props: ScreenProps) {
  return <SubmissionScreen {...props} />;
}
