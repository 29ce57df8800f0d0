/** Matching a flattened header against the synonyms of a target. */
import { headerPeriod } from './header-period';
import { toHalfWidth } from './normalise-value';
import type { MappingTarget } from './types';

/** Half-width, no spaces or line breaks, no bracketed units or notes, no * markers, lower case. */
export function normaliseHeaderText(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[（(【\[][^)）】\]]*[)）】\]]/g, '')
    .replace(/[*※:：]/g, '')
    .toLowerCase();
}

/** The parts of a flattened header, most specific (lowest row) last. */
export function headerParts(header: string): string[] {
  return header
    .split(' / ')
    .map(normaliseHeaderText)
    .filter((p) => p !== '');
}

const INDEX_HEADERS = new Set(['序号', '编号', '序', 'no', 'no.', '行号', '排序']);

export function isIndexHeader(header: string): boolean {
  const parts = headerParts(header);
  return parts.length > 0 && parts.every((p) => INDEX_HEADERS.has(p));
}

const prepared = new WeakMap<MappingTarget, string[]>();
function preparedSynonyms(target: MappingTarget): string[] {
  let list = prepared.get(target);
  if (!list) {
    list = target.synonyms.map(normaliseHeaderText).filter((s) => s !== '');
    prepared.set(target, list);
  }
  return list;
}

/**
 * How well `header` means `target`: 0 for not at all. An exact synonym beats a contained one,
 * a longer synonym beats a shorter one, and the lowest header row counts most.
 */
export function matchScore(header: string, target: MappingTarget): number {
  const parts = headerParts(header);
  if (parts.length === 0) return 0;
  const whole = parts.join('');
  if (target.requireWords && !target.requireWords.some((w) => whole.includes(w))) return 0;
  if (target.excludeWords?.some((w) => whole.includes(w))) return 0;
  let best = 0;
  const synonyms = preparedSynonyms(target);
  parts.forEach((part, i) => {
    // 1-6月累计 / 一季度 / 上年同期: a period word names the column of a long ledger; below an exact synonym.
    if (target.periodColumn !== undefined && headerPeriod(part)?.column === target.periodColumn) best = Math.max(best, 900 + i);
    for (const syn of synonyms) {
      let score = 0;
      if (part === syn) score = 1000 + syn.length * 10;
      else if (syn.length >= 2 && part.includes(syn)) score = 500 + syn.length * 10 - (part.length - syn.length);
      if (score > 0) best = Math.max(best, score + i);
    }
  });
  return best;
}
