/** What the workbook worker does with one job; also run on the UI thread where there is no Worker (tests). */
import { readSubmissionWorkbook } from '../../src-shared/workbook/read-submission-workbook';
import { writeSubmissionWorkbook } from '../../src-shared/workbook/write-submission-workbook';
import type { WorkbookAnswer, WorkbookJob } from './workbook-protocol';

export async function runWorkbookJob(job: WorkbookJob): Promise<WorkbookAnswer> {
  try {
    switch (job.kind) {
      case 'warm':
        return { id: job.id, kind: 'warm' };
      case 'read':
        return { id: job.id, kind: 'read', result: await readSubmissionWorkbook(job.bytes, job.fileName === undefined ? {} : { fileName: job.fileName }) };
      case 'write': {
        const written = await writeSubmissionWorkbook(job.input);
        const check = await readSubmissionWorkbook(written.bytes);
        const intact = check.ok && check.value.intact;
        return { id: job.id, kind: 'written', workbook: { bytes: written.bytes, checksum: written.checksum, intact, issues: check.issues } };
      }
    }
  } catch (error) {
    return { id: job.id, kind: 'crashed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The bytes an answer carries, handed over to the receiver instead of copied. */
export function transferablesOf(answer: WorkbookAnswer): ArrayBuffer[] {
  if (answer.kind !== 'written') return [];
  const buffer = answer.workbook.bytes.buffer;
  return buffer instanceof ArrayBuffer ? [buffer] : [];
}
