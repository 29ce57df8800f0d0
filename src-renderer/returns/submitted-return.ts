import type { ZoneReturn } from '../../src-shared/model';
import { parseReturn } from '../../src-shared/return';
import type { ReturnState } from '../../src-shared/lifecycle';
import type { OutboxRecord } from '../db';

/**
 * The return as it was sent, for a return that is 已报送: the outbox snapshot of its last
 * submission. The roster is the zone's ledger and may change after the export, so a submitted
 * return is shown from what was sent, never from today's roster. Undefined when the return is
 * not submitted or its snapshot cannot be read (the caller then shows the stored data).
 */
export function submittedReturn(status: ReturnState, submitted: Pick<OutboxRecord, 'snapshot'> | undefined): ZoneReturn | undefined {
  if (status !== '已报送' || submitted === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(submitted.snapshot);
  } catch {
    return undefined;
  }
  const parsed = parseReturn(json);
  return parsed.ok ? parsed.value : undefined;
}
