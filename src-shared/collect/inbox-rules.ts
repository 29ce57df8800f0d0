/**
 * The city bureau's inbox rules (收件箱): which received submissions count. Pure: the caller reads
 * each workbook (or return JSON) and passes what it found; nothing here touches files or storage.
 *
 * - a 导出草稿 workbook is rejected as 草稿 (it is a copy for checking, not a submission);
 * - a submission that failed reading or verification, belongs to another city, or uses another
 *   version of the indicator set is rejected with a Chinese reason and kept out of every total;
 * - of the valid submissions of one zone × period, the highest revision, then the latest export
 *   time, is accepted (whatever its submission id); the others are superseded;
 * - a second copy of the same submission id and revision is a duplicate.
 */
import type { Period, ZoneRegistry } from '../model';
import { chinaDateTime } from '../format';
import { periodKey, periodLabel } from '../period';
import { DRAFT_REFUSAL } from '../workbook/payload';

export type InboxVerdict = 'accepted' | 'superseded' | 'duplicate' | 'rejected';

/** One received file as the reader saw it. */
export interface ReceivedItem {
  /** The caller's key for the item (the file's name, or an inbox row id). */
  key: string;
  fileName: string;
  /** Present when the file could be read as a submission or a return. */
  identity?: {
    submissionId: string;
    revision: number;
    exportedAt: string;
    zoneId: string;
    period: Period;
    indicatorSet: { id: string; version: string };
    /** A 导出草稿 workbook: refused, never counted. */
    draft?: boolean;
  };
  /** The checksum holds and the visible sheets agree (always true for return JSON that parsed). */
  intact: boolean;
  /** Why reading failed or what verification found, in Chinese. */
  problems: string[];
}

export interface JudgedItem {
  key: string;
  fileName: string;
  verdict: InboxVerdict;
  /** Chinese reason for rejected, superseded and duplicate items. */
  reason?: string;
  /** For superseded and duplicate items: the key of the item that counts instead. */
  supersededBy?: string;
}

export interface InboxRulesOptions {
  registry: ZoneRegistry;
  /** The bureau's city code (e.g. 140500); absent: any city of the registry. */
  cityCode?: string;
  /** Accepted indicator set versions by set id (e.g. { 'kfq-quarterly': '2024.1' }); absent: any. */
  setVersion?: (setId: string, year: number) => string | undefined;
}

/** Orders two valid submissions of one zone × period: newer first. */
export function newerFirst(a: NonNullable<ReceivedItem['identity']>, b: NonNullable<ReceivedItem['identity']>): number {
  return b.revision - a.revision || Date.parse(b.exportedAt) - Date.parse(a.exportedAt) || a.submissionId.localeCompare(b.submissionId);
}

function rejectionOf(item: ReceivedItem, opts: InboxRulesOptions): string | undefined {
  const id = item.identity;
  if (!id) return `${item.fileName}：无法读取报表数据${item.problems[0] ? `（${item.problems[0]}）` : ''}`;
  if (id.draft === true) return `${item.fileName}：${DRAFT_REFUSAL}`;
  if (!item.intact) return `${item.fileName}：校验未通过，工作簿在导出后被改动过${item.problems[0] ? `（${item.problems[0]}）` : ''}，请向填报单位索取重新导出的报送工作簿`;
  const zone = opts.registry.zones.find((z) => z.id === id.zoneId);
  if (!zone) return `${item.fileName}：开发区「${id.zoneId}」不在开发区名录中`;
  if (opts.cityCode !== undefined && zone.cityCode !== opts.cityCode) {
    const theirs = opts.registry.cities.find((c) => c.code === zone.cityCode)?.name ?? zone.cityCode;
    const ours = opts.registry.cities.find((c) => c.code === opts.cityCode)?.name ?? opts.cityCode;
    return `${item.fileName}：${zone.name}属于${theirs}，不是${ours}的开发区`;
  }
  const want = opts.setVersion?.(id.indicatorSet.id, id.period.year);
  if (opts.setVersion && want === undefined) return `${item.fileName}：指标集「${id.indicatorSet.id}」不是本局使用的指标集`;
  if (want !== undefined && want !== id.indicatorSet.version) {
    return `${item.fileName}：使用指标集「${id.indicatorSet.id}」${id.indicatorSet.version}版，本局${id.period.year}年使用${want}版，请填报单位按新版重新填报`;
  }
  return undefined;
}

/** Judges every received item; the result has one entry per item, in the input's order. */
export function judgeInbox(items: ReceivedItem[], opts: InboxRulesOptions): JudgedItem[] {
  const out = new Map<string, JudgedItem>();
  const groups = new Map<string, ReceivedItem[]>();
  for (const item of items) {
    const reason = rejectionOf(item, opts);
    if (reason !== undefined || !item.identity) {
      out.set(item.key, { key: item.key, fileName: item.fileName, verdict: 'rejected', reason: reason ?? '无法读取' });
      continue;
    }
    const g = `${item.identity.zoneId}|${periodKey(item.identity.period)}`;
    groups.set(g, [...(groups.get(g) ?? []), item]);
  }
  const zoneName = (id: string): string => opts.registry.zones.find((z) => z.id === id)?.name ?? id;
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => newerFirst(a.identity!, b.identity!));
    const best = sorted[0]!;
    const bid = best.identity!;
    out.set(best.key, { key: best.key, fileName: best.fileName, verdict: 'accepted' });
    for (const other of sorted.slice(1)) {
      const oid = other.identity!;
      const same = oid.submissionId === bid.submissionId && oid.revision === bid.revision;
      out.set(other.key, same
        ? { key: other.key, fileName: other.fileName, verdict: 'duplicate', reason: `与${best.fileName}是同一份报表（第${bid.revision}版）的重复副本`, supersededBy: best.key }
        : { key: other.key, fileName: other.fileName, verdict: 'superseded', reason: `${zoneName(oid.zoneId)}${periodLabel(oid.period)}第${oid.revision}版已被${best.fileName}（第${bid.revision}版，${chinaDateTime(bid.exportedAt) ?? bid.exportedAt}导出）取代`, supersededBy: best.key });
    }
  }
  return items.map((i) => out.get(i.key)!);
}
