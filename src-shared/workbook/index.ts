export { writeSubmissionWorkbook, type WrittenSubmission } from './write-submission-workbook';
export { buildPayload, type SubmissionInput } from './build-payload';
export { readSubmissionWorkbook, returnJson, MAX_WORKBOOK_BYTES, WORKBOOK_ZIP_LIMITS, verdictText, type SubmissionRead, type ReadOptions, type SubmissionVerdict, type SignatureStatus } from './read-submission-workbook';
export { SUBMISSION_FORMAT, identityOf, payloadChecksum, type SubmissionPayload, type SubmissionIdentity, type SubmissionZone } from './payload';
export { validationSummary, targetText } from './layout-validation';
export { SHEET, VISIBLE_SHEETS } from './sheet-names';
export { cellText, looksLikeFormula } from './safe-text';
export { submissionFileName } from './file-name';
export { submissionZone } from './submission-zone';
