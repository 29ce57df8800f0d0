// The tabs other parts of the program fill. To put a screen in, change the one `return` line of its
// slot to render your component with the same props, e.g. `return <ImportScreen {...props} />;`.
import { ImportScreen } from '../import/import-screen';
import { PendingScreen } from './pending-screen';
import type { ScreenProps } from './screen-props';

/** 导入台账 — src-renderer/import/ (ledger import: preview, mapping, import, undo batch). */
export function ImportScreenSlot(props: ScreenProps) {
  return <ImportScreen {...props} />;
}

/** 报送 — src-renderer/submission/ (validate, explain, export the submission workbook, outbox, print). */
export function SubmissionScreenSlot(props: ScreenProps) {
  return <PendingScreen title="报送" what={`生成 ${props.zone.name} 报送工作簿的功能尚未安装。`} />;
}
