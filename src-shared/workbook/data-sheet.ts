/**
 * The hidden sheet `zr_data`: key/value rows a person can read with code, then the payload's
 * canonical JSON in parts, one per row of column B.
 *
 *   A1 format            B1 zone-returns/submission@1
 *   A2 indicatorSetId    B2 kfq-quarterly
 *   A3 indicatorSetVersion B3 2024.1
 *   A4 submissionId      B4 uuid
 *   A5 revision          B5 1
 *   A6 sha256            B6 hex digest of the payload's canonical JSON
 *   A7 parts             B7 number of payload parts
 *   A8 length            B8 characters of the stored JSON
 *   A10.. payload        B10.. parts
 */
export const DATA_KEYS = ['format', 'indicatorSetId', 'indicatorSetVersion', 'submissionId', 'revision', 'sha256', 'parts', 'length'] as const;
export type DataKey = (typeof DATA_KEYS)[number];
export const FIRST_PART_ROW = 10;
export const PART_LABEL = 'payload';
/** Well under Excel's 32,767-character cell limit, leaving room for escapes a re-save may add. */
export const PART_CHARS = 16_000;
