/**
 * The city bureau's inbox (市局收件箱): received submission workbooks with their original bytes,
 * the parsed return, the verification verdict, who received them and when; 退回修改 and leaving
 * a zone out of the total; the reference figures the bureau enters per period. Which submission
 * counts (supersede, duplicate, wrong city, …) is decided by `judgeInbox` of src-shared/collect
 * over what is stored here, never stored twice.
 */
import { judgeInbox, type InboxRulesOptions, type JudgedItem, type ReadReceived, type ReceivedItem, type ReferenceFigures } from '../../../src-shared/collect';
import type { Result, ZoneReturn } from '../../../src-shared/model';
import { parsePeriodKey } from '../../../src-shared/period';
import { parseReturn } from '../../../src-shared/return';
import type { AuditAction, AuditEntry, InboxItemRecord, JsonObject, ReferenceFigureRecord } from '../schema';
import { refuse } from './store-core';
import { OutboxPart } from './outbox-store';

/** What the worker read from one file (`readReceivedFile` of src-shared/collect), and where it came from. */
export type ReceivedFile = ReadReceived & {
  /** Set when the file came from the collection server (联网报送). */
  fromServer?: { submissionId: string; revision: number };
};

export interface InboxEntry {
  record: InboxItemRecord;
  judged: JudgedItem;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}

export function receivedItemOf(r: InboxItemRecord): ReceivedItem {
  const period = r.periodKey === null ? undefined : parsePeriodKey(r.periodKey);
  const item: ReceivedItem = { key: r.id, fileName: r.fileName, intact: r.intact, problems: r.problems };
  if (r.submissionId !== null && r.revision !== null && r.exportedAt !== null && r.zoneId !== null && period && r.indicatorSet) {
    item.identity = { submissionId: r.submissionId, revision: r.revision, exportedAt: r.exportedAt, zoneId: r.zoneId, period, indicatorSet: r.indicatorSet, ...(r.draft === true ? { draft: true } : {}) };
  }
  return item;
}

/** An audit line of the bureau's action on a received submission: table `inboxItems`, key its row id. */
function inboxAudit(r: InboxItemRecord, who: string, at: string, field: 'returned' | 'excluded', old: string, next: string, action: AuditAction, more: JsonObject = {}): AuditEntry {
  const detail: JsonObject = { fileName: r.fileName, ...more };
  if (r.revision !== null) detail['revision'] = r.revision;
  if (r.periodKey !== null) detail['periodKey'] = r.periodKey;
  if (r.submissionId !== null) detail['submissionId'] = r.submissionId;
  return { at, who, returnId: null, zoneId: r.zoneId, table: 'inboxItems', key: r.id, field, old, new: next, action, detail };
}

export class InboxPart extends OutboxPart {
  /** Stores received files, each with its bytes, in one transaction; a file already received (same bytes) is not stored again. */
  async receiveFiles(files: ReceivedFile[], who: string): Promise<Result<{ stored: InboxItemRecord[]; alreadyReceived: string[] }>> {
    return this.write([this.db.inboxItems, this.db.inboxFiles], async (at) => {
      const stored: InboxItemRecord[] = [];
      const alreadyReceived: string[] = [];
      for (const f of files) {
        if ((await this.db.inboxItems.where('fileSha256').equals(f.fileSha256).count()) > 0 || stored.some((s) => s.fileSha256 === f.fileSha256)) {
          alreadyReceived.push(f.fileName);
          continue;
        }
        const id = this.newId();
        const record: InboxItemRecord = {
          id,
          fileName: f.fileName,
          fileSha256: f.fileSha256,
          receivedAt: at,
          receivedBy: who,
          submissionId: f.identity?.submissionId ?? null,
          revision: f.identity?.revision ?? null,
          exportedAt: f.identity?.exportedAt ?? null,
          zoneId: f.identity?.zoneId ?? null,
          periodKey: f.identity?.periodKey ?? null,
          indicatorSet: f.identity?.indicatorSet ?? null,
          ...(f.identity?.draft === true ? { draft: true as const } : {}),
          intact: f.intact,
          problems: f.problems,
          returnJson: f.returnJson ?? null,
          returned: null,
          excluded: false,
          ...(f.fromServer ? { fromServer: f.fromServer } : {}),
        };
        await this.db.inboxItems.add(record);
        await this.db.inboxFiles.add({ id, base64: toBase64(f.bytes) });
        stored.push(record);
      }
      return { stored, alreadyReceived };
    });
  }

  async listInbox(): Promise<InboxItemRecord[]> {
    return this.db.inboxItems.orderBy('receivedAt').toArray();
  }

  /** Every stored item with its verdict under the inbox rules. */
  async judgedInbox(opts: InboxRulesOptions): Promise<InboxEntry[]> {
    const records = await this.listInbox();
    const judged = judgeInbox(records.map(receivedItemOf), opts);
    return records.map((record, i) => ({ record, judged: judged[i]! }));
  }

  /** The accepted returns, by zone, of one period (excluded zones included; the caller leaves them out). */
  async acceptedReturns(opts: InboxRulesOptions, periodKey: string): Promise<{ record: InboxItemRecord; ret: ZoneReturn }[]> {
    const out: { record: InboxItemRecord; ret: ZoneReturn }[] = [];
    for (const e of await this.judgedInbox(opts)) {
      if (e.judged.verdict !== 'accepted' || e.record.periodKey !== periodKey || e.record.returnJson === null) continue;
      const r = parseReturn(JSON.parse(e.record.returnJson), e.record.fileName);
      if (r.ok) out.push({ record: e.record, ret: r.value });
    }
    return out;
  }

  async inboxFileBytes(id: string): Promise<Uint8Array | undefined> {
    const f = await this.db.inboxFiles.get(id);
    return f ? fromBase64(f.base64) : undefined;
  }

  /** 退回修改: the zone shows as 退回 until a newer revision arrives. Written with its audit line. */
  async returnSubmission(id: string, reason: string, who: string): Promise<Result<InboxItemRecord>> {
    return this.write([this.db.inboxItems, this.db.auditLog], async (at) => {
      const r = await this.db.inboxItems.get(id);
      if (!r) refuse('inbox-not-found', '找不到这份收到的报表，可能已被删除。');
      if (reason.trim() === '') refuse('reason-required', '退回修改时请写明退回原因。');
      const next = { ...r, returned: { reason: reason.trim(), who, at } };
      await this.db.inboxItems.put(next);
      await this.db.auditLog.add(inboxAudit(r, who, at, 'returned', r.returned ? '已退回' : '采用', '已退回', 'status', { reason: reason.trim() }));
      return next;
    });
  }

  /** Leaves a zone's submission out of the city total, or puts it back; the change is an audit line. */
  async setExcluded(id: string, excluded: boolean, who: string): Promise<Result<InboxItemRecord>> {
    return this.write([this.db.inboxItems, this.db.auditLog], async (at) => {
      const r = await this.db.inboxItems.get(id);
      if (!r) refuse('inbox-not-found', '找不到这份收到的报表，可能已被删除。');
      if (r.excluded === excluded) return r;
      const next = { ...r, excluded };
      await this.db.inboxItems.put(next);
      await this.db.auditLog.add(inboxAudit(r, who, at, 'excluded', r.excluded ? '不计入汇总' : '计入汇总', excluded ? '不计入汇总' : '计入汇总', 'update'));
      return next;
    });
  }

  /** The bureau's actions on one received submission (退回修改, 计入汇总 on and off), oldest first. */
  async inboxTrail(id: string): Promise<AuditEntry[]> {
    return (await this.db.auditLog.orderBy('seq').filter((e) => e.table === 'inboxItems' && e.key === id).toArray());
  }

  async getReferenceFigures(cityCode: string, periodKey: string): Promise<ReferenceFigures> {
    const r = await this.db.referenceFigures.get([cityCode, periodKey]);
    return r ? { provinceAverageGrowthPct: r.provinceAverageGrowthPct, provinceRank: r.provinceRank } : {};
  }

  async saveReferenceFigures(cityCode: string, periodKey: string, figures: ReferenceFigures): Promise<Result<ReferenceFigureRecord>> {
    return this.write([this.db.referenceFigures], async (at) => {
      for (const [code, v] of Object.entries(figures.provinceAverageGrowthPct ?? {})) if (!Number.isFinite(v)) refuse('not-a-number', `全省开发区平均增速「${code}」不是有效数字，未保存。`);
      for (const [code, r] of Object.entries(figures.provinceRank ?? {})) {
        for (const [kind, n] of Object.entries(r)) if (n !== undefined && (!Number.isInteger(n) || n < 1)) refuse('bad-rank', `全省${kind === 'value' ? '完成量' : '增速'}排名「${code}」应为正整数名次，未保存。`);
      }
      const record: ReferenceFigureRecord = { cityCode, periodKey, provinceAverageGrowthPct: figures.provinceAverageGrowthPct ?? {}, provinceRank: figures.provinceRank ?? {}, updatedAt: at };
      await this.db.referenceFigures.put(record);
      return record;
    });
  }
}
