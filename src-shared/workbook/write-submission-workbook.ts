/**
 * Writes the submission workbook (报送工作簿) of a return to bytes: cover, main indicators,
 * project roster, text sections, validation result, and the veryHidden data sheet with the
 * payload and its SHA-256. Pure: the caller computes and validates the return first and writes the
 * bytes where it wants (atomically, in src-main/files).
 */
import { canonicalJson } from '../return';
import { buildPayload, type SubmissionInput } from './build-payload';
import { DATA_KEYS, FIRST_PART_ROW, PART_CHARS, PART_LABEL, type DataKey } from './data-sheet';
import { ExcelJS } from './excel';
import { layoutSubmission } from './layout-submission';
import { encodeForSheet, payloadChecksum, splitIntoParts, type SubmissionPayload } from './payload';
import { renderSheet, TEXT_FORMAT } from './render-sheet';
import { SHEET } from './sheet-names';

export { buildPayload, type SubmissionInput } from './build-payload';

export interface WrittenSubmission {
  bytes: Uint8Array;
  /** SHA-256 of the payload's canonical JSON, as stored in the hidden sheet. */
  checksum: string;
  payload: SubmissionPayload;
}

export async function writeSubmissionWorkbook(input: SubmissionInput): Promise<WrittenSubmission> {
  const payload = buildPayload(input);
  const checksum = payloadChecksum(payload);
  const workbook = new ExcelJS.Workbook();
  const when = new Date(payload.exportedAt);
  workbook.creator = 'zone-returns';
  workbook.lastModifiedBy = 'zone-returns';
  if (!Number.isNaN(when.getTime())) {
    workbook.created = when;
    workbook.modified = when;
  }
  workbook.title = `${payload.zone.name}${payload.periodLabel}报送工作簿`;

  for (const sheet of layoutSubmission(payload)) renderSheet(workbook, sheet);

  const data = workbook.addWorksheet(SHEET.data, { state: 'veryHidden' });
  const stored = encodeForSheet(canonicalJson(payload));
  const parts = splitIntoParts(stored, PART_CHARS);
  const meta: Record<DataKey, string | number> = {
    format: payload.format,
    indicatorSetId: payload.return.indicatorSet.id,
    indicatorSetVersion: payload.return.indicatorSet.version,
    submissionId: payload.submissionId,
    revision: payload.revision,
    sha256: checksum,
    parts: parts.length,
    length: stored.length,
  };
  DATA_KEYS.forEach((key, i) => {
    data.getCell(i + 1, 1).value = key;
    const cell = data.getCell(i + 1, 2);
    cell.numFmt = typeof meta[key] === 'string' ? TEXT_FORMAT : 'General';
    cell.value = meta[key];
  });
  parts.forEach((part, i) => {
    data.getCell(FIRST_PART_ROW + i, 1).value = PART_LABEL;
    const cell = data.getCell(FIRST_PART_ROW + i, 2);
    cell.numFmt = TEXT_FORMAT;
    cell.value = part;
  });
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];

  const buffer = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer), checksum, payload };
}
