/** Lifecycle and outbox (the rules of which transition is allowed live in src-shared/lifecycle). */
import Dexie from 'dexie';
import type { Result } from '../../../src-shared/model';
import { markSubmitted, markValidated, nextRevision, reopen, type Gate } from '../../../src-shared/lifecycle';
import type { OutboxRecord, ReturnRecord } from '../schema';
import { refuse, lifecycleOf } from './store-core';
import type { SubmissionEntry } from './types';
import { ReturnsPart } from './returns-store';

export class OutboxPart extends ReturnsPart {
  /**
   * 填报中 / 退回修改 / 未填 → 已校验, when the caller's validation gate (`validationGate` of
   * src-shared/lifecycle over `validateReturn`'s issues and the explanations) has passed.
   */
  async markValidated(returnId: string, gate: Gate, who: string): Promise<Result<ReturnRecord>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(returnId);
      return this.transition(ret, markValidated(lifecycleOf(ret), gate, { who, at }), at);
    });
  }

  /** The revision the next submission workbook of this return must carry. */
  async nextRevision(returnId: string): Promise<number | undefined> {
    const ret = await this.db.returns.get(returnId);
    return ret === undefined ? undefined : nextRevision(lifecycleOf(ret));
  }

  /**
   * 已校验 → 已报送: records the exported workbook in the outbox and locks the return, in one
   * transaction. `entry.revision` must be `nextRevision(returnId)`.
   */
  async recordSubmission(entry: SubmissionEntry, who: string): Promise<Result<OutboxRecord>> {
    return this.write([this.db.returns, this.db.outbox, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(entry.returnId);
      const expected = nextRevision(lifecycleOf(ret));
      if (ret.status !== '已报送' && entry.revision !== expected) refuse('revision-mismatch', `报送版次应为第 ${expected} 版，文件里是第 ${entry.revision} 版。请重新生成报送文件。`);
      if ((await this.db.outbox.get(entry.submissionId)) !== undefined) refuse('submission-exists', '这份报送文件已经登记过。请重新生成报送文件。');
      await this.transition(ret, markSubmitted(lifecycleOf(ret), { submissionId: entry.submissionId, fileName: entry.fileName, sha256: entry.sha256 }, { who, at }), at);
      const record: OutboxRecord = { ...entry, at };
      await this.db.outbox.add(record);
      return record;
    });
  }

  /** 已报送 → 退回修改, with the reviewer's reason; the return can be edited again. */
  async reopenReturn(returnId: string, reason: string, who: string): Promise<Result<ReturnRecord>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.existingReturn(returnId);
      return this.transition(ret, reopen(lifecycleOf(ret), reason, { who, at }), at);
    });
  }

  async listOutbox(returnId?: string): Promise<OutboxRecord[]> {
    if (returnId === undefined) return this.db.outbox.orderBy('at').toArray();
    return this.db.outbox.where('[returnId+revision]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).toArray();
  }
}
