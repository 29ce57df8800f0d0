/** The message a ledger worker receives and the one it answers with (shared by both workers). */
import type { LedgerFile, LedgerLimits, MappingTarget } from '../../src-shared/ledger';
import type { Result } from '../../src-shared/model';

export interface LedgerJob {
  bytes: Uint8Array;
  fileName: string;
  targets: MappingTarget[];
  sheet?: string;
  limits?: Partial<LedgerLimits>;
}

export type LedgerJobAnswer = { kind: 'done'; result: Result<LedgerFile> } | { kind: 'crashed'; message: string };
