// The tabs other parts of the program fill. To put a screen in, change the one `return` line of its
// slot to render your component with the same props, e.g. `return <ImportScreen {...props} />;`.
import { ImportScreen } from '../import/import-screen';
import { PendingScreen } from './pending-screen';
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
