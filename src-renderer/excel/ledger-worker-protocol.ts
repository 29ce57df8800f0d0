/** Messages between the web build's ledger Web Worker and its client. */
import type { LedgerFile, LedgerLimits, MappingTarget } from '../../src-shared/ledger';
import type { Result } from '../../src-shared/model';

export interface WebLedgerJob {
  bytes: Uint8Array;
  fileName: string;
  targets: MappingTarget[];
  sheet?: string;
  limits?: Partial<LedgerLimits>;
}

export type WebLedgerAnswer = { kind: 'done'; result: Result<LedgerFile> } | { kind: 'crashed'; message: string };
