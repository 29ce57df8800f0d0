/** Messages between the 报送 screen and its workbook Web Worker (exceljs off the UI thread). */
import type { Result, UserIssue } from '../../src-shared/model';
import type { SubmissionInput } from '../../src-shared/workbook/build-payload';
import type { SubmissionRead } from '../../src-shared/workbook/read-submission-workbook';

export type WorkbookJob =
  /** Write the workbook, then read it back as the city bureau will: the self-check. */
  | { id: number; kind: 'write'; input: SubmissionInput }
  | { id: number; kind: 'read'; bytes: Uint8Array; fileName?: string }
  /** Loads exceljs in the worker before the first real job. */
  | { id: number; kind: 'warm' };

/** A written workbook and whether it read back intact. */
export interface CheckedWorkbook {
  bytes: Uint8Array;
  checksum: string;
  intact: boolean;
  /** What the read-back found, when not intact. */
  issues: UserIssue[];
}

export type WorkbookAnswer =
  | { id: number; kind: 'written'; workbook: CheckedWorkbook }
  | { id: number; kind: 'read'; result: Result<SubmissionRead> }
  | { id: number; kind: 'warm' }
  /** Anything thrown is a bug in the workbook code or exceljs. */
  | { id: number; kind: 'crashed'; message: string };
