import type { Period } from '../../src-shared/model';
import { periodName } from '../returns/list-periods';
import type { OutboxRecord } from '../db';

/** One line of the outbox (发件箱): a workbook that left, and whether it has been superseded. */
export interface OutboxRow {
  submissionId: string;
  returnId: string;
  periodLabel: string;
  fileName: string;
  at: string;
  revision: number;
  sha256: string;
  /** The highest revision submitted for the same return. */
  latestRevision: number;
  /** A newer revision of the same return has been submitted since: this file should not be used. */
  superseded: boolean;
}

/** Newest first; each entry knows whether a later revision of its return exists. */
export function outboxRows(entries: readonly OutboxRecord[], periods: ReadonlyMap<string, Period>): OutboxRow[] {
  const latest = new Map<string, number>();
  for (const e of entries) latest.set(e.returnId, Math.max(latest.get(e.returnId) ?? 0, e.revision));
  return entries
    .map((e): OutboxRow => {
      const period = periods.get(e.returnId);
      const latestRevision = latest.get(e.returnId) ?? e.revision;
      return {
        submissionId: e.submissionId,
        returnId: e.returnId,
        periodLabel: period ? periodName(period) : e.returnId,
        fileName: e.fileName,
        at: e.at,
        revision: e.revision,
        sha256: e.sha256,
        latestRevision,
        superseded: e.revision < latestRevision,
      };
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.revision - a.revision));
}

export { localTime } from '../../src-shared/format';
