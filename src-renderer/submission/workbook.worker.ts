/** The 报送 screen's Web Worker: writes and reads submission workbooks (exceljs) off the UI thread. */
import { runWorkbookJob, transferablesOf } from './workbook-job';
import type { WorkbookJob } from './workbook-protocol';

addEventListener('message', (event: MessageEvent<WorkbookJob>) => {
  void runWorkbookJob(event.data).then((answer) => postMessage(answer, { transfer: transferablesOf(answer) }));
});
