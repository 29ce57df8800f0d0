/** Drafts a bulletin from the figures and a house style: only figure sentences are generated. */
import type { BulletinInput, BulletinZone } from './bulletin-input';
import type { BulletinSection, BulletinStyle, Condition, Part } from './bulletin-style';
import type { BulletinDraft, DraftBlock, DraftGap, Segment } from './bulletin-draft';
import { segmentsText } from './bulletin-draft';
import { parseFigureName, splitTemplate } from './figure-names';
import { headingNumber } from './format-number';
import { resolveFigure, showNumber, type ResolveContext, type Resolved } from './resolve-figure';

function resolveName(name: string, ctx: ResolveContext): Resolved {
  const f = parseFigureName(name, ctx.input.set, ctx.zone !== undefined);
  // The loader refused unknown names, so this is only reached for a style built by hand.
  if (typeof f === 'string') return { kind: 'gap', label: name, reason: f };
  return resolveFigure(f, ctx);
}

function renderTemplate(template: string, ctx: ResolveContext): Segment[] {
  const pieces = splitTemplate(template);
  if (typeof pieces === 'string') return [{ kind: 'text', text: template }];
  return pieces.flatMap((p): Segment[] => {
    if ('text' in p) return [{ kind: 'text', text: p.text }];
    const name = p.placeholder.name;
    const r = resolveName(name, ctx);
    switch (r.kind) {
      case 'text':
        return [{ kind: 'text', text: r.text }];
      case 'number':
        return [{ kind: 'figure', text: showNumber(r, ctx.style, p.placeholder.format), figure: name, source: r.source }];
      case 'clause':
        return r.segments.map((s) => (s.kind === 'figure' ? { ...s, figure: s.figure || name } : s));
      case 'gap':
        return [{ kind: 'gap', text: `【缺：${r.label}】`, figure: name, reason: r.reason }];
    }
  });
}

function operand(v: string | number, ctx: ResolveContext): number | undefined {
  if (typeof v === 'number') return v;
  const r = resolveName(v, ctx);
  if (r.kind === 'text' && /^\d+$/.test(r.text)) return Number(r.text);
  return r.kind === 'number' ? r.value : undefined;
}

function holds(c: Condition, ctx: ResolveContext): boolean {
  if ('has' in c) return resolveName(c.has, ctx).kind !== 'gap';
  if ('not' in c) return !holds(c.not, ctx);
  if ('all' in c) return c.all.every((x) => holds(x, ctx));
  const [a, b] = ('eq' in c ? c.eq : c.gt).map((x) => operand(x, ctx));
  if (a === undefined || b === undefined) return false;
  return 'eq' in c ? a === b : a > b;
}

function zonesFor(loop: Extract<Part, { forEachZone: unknown }>['forEachZone'], ctx: ResolveContext): BulletinZone[] {
  return ctx.input.zones.filter((z) => {
    if (loop.types && !loop.types.includes(z.type)) return false;
    if (loop.inCity !== undefined && ctx.input.city.zoneIds.includes(z.id) !== loop.inCity) return false;
    return !loop.having || resolveName(loop.having, { ...ctx, zone: z }).kind !== 'gap';
  });
}

function renderParts(parts: Part[], ctx: ResolveContext): Segment[] {
  return parts.flatMap((part): Segment[] => {
    if (typeof part === 'string') return renderTemplate(part, ctx);
    if ('when' in part) return renderParts(holds(part.when, ctx) ? part.then : (part.else ?? []), ctx);
    const zones = zonesFor(part.forEachZone, ctx);
    if (zones.length === 0) return [];
    const items = zones.map((z, i) => renderParts(i === 0 && part.first ? part.first : part.each, { ...ctx, zone: z }));
    const joined = items.flatMap((segs, i) => (i === 0 ? segs : [{ kind: 'text' as const, text: part.join ?? '' }, ...segs]));
    return [...(part.before ? [{ kind: 'text' as const, text: part.before }] : []), ...joined, ...(part.after ? [{ kind: 'text' as const, text: part.after }] : [])];
  });
}

/** Joins neighbouring text segments, drops empty ones. */
function tidy(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const prev = out[out.length - 1];
    if (s.kind === 'text' && prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + s.text };
    else out.push(s);
  }
  return out;
}

function renderSection(section: BulletinSection, index: number, level: 1 | 2, ctx: ResolveContext, out: DraftBlock[], gaps: DraftGap[]): void {
  out.push({ kind: 'heading', level, number: headingNumber(index, level), text: section.heading });
  for (const block of section.blocks) {
    if (block.kind === 'figures') {
      const segments = tidy(renderParts(block.parts, ctx));
      if (segments.length === 0) continue;
      for (const s of segments) if (s.kind === 'gap') gaps.push({ paragraphId: block.id, figure: s.figure, text: s.text, reason: s.reason });
      out.push({ kind: 'paragraph', id: block.id, segments });
    } else {
      const material = ctx.input.zones.flatMap((z) => block.material.flatMap((code) => (z.texts[code] ? [{ zoneId: z.id, zoneName: z.name, indicator: code, text: z.texts[code] ?? '' }] : [])));
      out.push({ kind: 'narrative', id: block.id, label: block.label, text: '', material });
    }
  }
  (section.subsections ?? []).forEach((s, i) => renderSection(s, i, 2, ctx, out, gaps));
}

export function draftBulletin(input: BulletinInput, style: BulletinStyle): BulletinDraft {
  const ctx: ResolveContext = { input, style };
  const gaps: DraftGap[] = [];
  const titleSegs = tidy(renderTemplate(style.title, ctx));
  for (const s of titleSegs) if (s.kind === 'gap') gaps.push({ paragraphId: 'title', figure: s.figure, text: s.text, reason: s.reason });
  const title = segmentsText(titleSegs);
  const blocks: DraftBlock[] = [{ kind: 'title', text: title }];
  style.sections.forEach((s, i) => renderSection(s, i, 1, ctx, blocks, gaps));
  if (style.signature) blocks.push({ kind: 'signature', text: style.signature });
  return { styleId: style.id, styleVersion: style.version, title, blocks, gaps };
}
