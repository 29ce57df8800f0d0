/** Reading the Excel ledgers clerks already keep (台账): see docs/architecture.md, issue 4. */
export * from './types';
export { columnLetter, describeLocation } from './issues';
export { decodeText, decodeUtf8Strict, decodeGbk, type TextEncoding } from './decode-text';
export { sniffFormat } from './detect-format';
export { inspectZip } from './inspect-zip';
export { readWorkbook, type RawSheet, type RawWorkbook } from './read-workbook';
export { findTable, type FindTableOptions } from './find-table';
export { normaliseHeaderText, headerParts, matchScore, isIndexHeader } from './match-header';
export { toHalfWidth, parseNumberText, parseDateText, parseDateNumber, parseBooleanText, serialToDate, type ParsedNumber, type ParsedDate } from './normalise-value';
export { unitInHeader, unitInCaption, convertValue, convertible } from './units';
export { rosterColumnHeader, rosterTargets, indicatorTargets, zoneTarget, ZONE_TARGET_CODE, indicatorTargetCode, parseIndicatorTargetCode } from './targets';
export { headerSignature, autoMapColumns, applySavedMapping, setColumnTarget, setColumnUnit, setColumnPercentScale, toSavedMapping, parseSavedMapping } from './map-columns';
export { mapRows, type MapRowsOptions } from './map-rows';
export { parseLedgerFile, mapLedgerTable, type ParseLedgerOptions, type MapLedgerOptions } from './parse-ledger';
export { diffRows, flagNearDuplicates, applyNearDuplicateChoices, type NearDuplicateChoices, normaliseName, editDistance, isNearDuplicate, type ExistingRow, type Preview, type PreviewRow, type PreviewStatus, type PreviewSummary, type FieldChange, type DiffOptions } from './diff-rows';
export {
  indicatorRowsFromWide,
  indicatorRowsFromLong,
  indicatorRowsFromLedger,
  indicatorLedgerTargets,
  LONG_UNIT,
  longIndicatorTargets,
  mergeIndicatorValues,
  LONG_INDICATOR,
  LONG_CURRENT,
  LONG_LAST_YEAR,
  type IndicatorLedgerRow,
  type ZoneResolution,
} from './indicator-ledger';
export { headerPeriod, type HeaderPeriod } from './header-period';
export { flattenedHeaderPeriod, headerPeriodIssues } from './period-issues';
