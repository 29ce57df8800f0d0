/**
 * The web build's ledger Web Worker: parses one ledger off the UI thread and answers once.
 * Anything thrown is a bug in the reader or SheetJS; it is answered as `crashed`.
 */
import { parseLedgerFile } from '../../src-shared/ledger';
import type { WebLedgerAnswer, WebLedgerJob } from './ledger-worker-protocol';

addEventListener('message', (event: MessageEvent<WebLedgerJob>) => {
  const job = event.data;
  let answer: WebLedgerAnswer;
  try {
    answer = {
      kind: 'done',
      result: parseLedgerFile(job.bytes, { fileName: job.fileName, targets: job.targets, ...(job.sheet === undefined ? {} : { sheet: job.sheet }), ...(job.limits === undefined ? {} : { limits: job.limits }) }),
    };
  } catch (err) {
    answer = { kind: 'crashed', message: err instanceof Error ? err.message : String(err) };
  }
  postMessage(answer);
});
