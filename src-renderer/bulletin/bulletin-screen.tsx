/**
 * 通报起草 — the bureau's bulletin draft: figure sentences generated from the consolidation in the
 * chosen house style, every number highlighted with its source on hover, gaps marked and listed,
 * the narrative (举措, 下一步打算) written here with the zones' 文字材料 to quote, and export to
 * .docx or plain text through the host bridge's save.
 */
import './bulletin.css';
import { useMemo, useState } from 'react';
import { builtinBulletinStyles, draftBulletin, withNarrative, type BulletinInput, type BulletinStyle, type DraftBlock, type Segment } from '../../src-shared/bulletin';
import { getBridge } from '../bridge';
import { describeOutcome, exportBulletin, type SaveFile } from './bulletin-export';
import { quoteInto, sourceNote } from './source-note';

export interface BulletinScreenProps {
  /** The figures: from the city's consolidation (`bulletinInputFromConsolidation` / `bulletinInputFromReturns`). */
  input: BulletinInput;
  /** House styles to choose from; defaults to the shipped ones. */
  styles?: BulletinStyle[];
  initialStyleId?: string;
  /** The bureau's narrative by block id, to start from (e.g. kept in the database by the caller). */
  initialNarrative?: Record<string, string>;
  onNarrativeChange?(narrative: Record<string, string>): void;
  /** Told when the clerk picks another style (the caller may rebuild the input, e.g. for its cityZoneTypes). */
  onStyleChange?(style: BulletinStyle): void;
  /** Defaults to the host bridge's saveFile (a save dialog in Electron, a download in the browser). */
  saveFile?: SaveFile;
}

function SegmentView({ segment, onHover }: { segment: Segment; onHover(note: string | null): void }) {
  if (segment.kind === 'text') return <>{segment.text}</>;
  if (segment.kind === 'gap')
    return (
      <mark className="bulletin-gap" title={segment.reason} onMouseEnter={() => onHover(segment.reason)} onMouseLeave={() => onHover(null)}>
        {segment.text}
      </mark>
    );
  const note = sourceNote(segment.source);
  return (
    <mark className="bulletin-figure" title={note} data-figure={segment.figure} tabIndex={0} onMouseEnter={() => onHover(note)} onMouseLeave={() => onHover(null)} onFocus={() => onHover(note)} onBlur={() => onHover(null)}>
      {segment.text}
    </mark>
  );
}

function NarrativeEditor({ block, value, onChange }: { block: Extract<DraftBlock, { kind: 'narrative' }>; value: string; onChange(text: string): void }) {
  return (
    <div className="bulletin-narrative">
      <label>
        <span className="bulletin-narrative-label">{block.label}（由市商务局撰写）</span>
        <textarea value={value} rows={Math.max(3, value.split('\n').length + 1)} placeholder={`在此撰写“${block.label}”`} onChange={(e) => onChange(e.target.value)} />
      </label>
      {block.material.length > 0 && (
        <details className="bulletin-material">
          <summary>各开发区的文字材料（{block.material.length}）</summary>
          <ul>
            {block.material.map((m) => (
              <li key={`${m.zoneId}-${m.indicator}`}>
                <strong>{m.zoneName}：</strong>
                {m.text}{' '}
                <button type="button" className="btn small" onClick={() => onChange(quoteInto(value, m.text))}>
                  引用
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function BulletinScreen(props: BulletinScreenProps) {
  const styles = useMemo(() => props.styles ?? builtinBulletinStyles(props.input.set), [props.styles, props.input.set]);
  const [styleId, setStyleId] = useState(props.initialStyleId ?? styles[0]?.id ?? '');
  const [narrative, setNarrative] = useState<Record<string, string>>(props.initialNarrative ?? {});
  const [hover, setHover] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const style = styles.find((s) => s.id === styleId) ?? styles[0];
  const draft = useMemo(() => (style ? draftBulletin(props.input, style) : undefined), [props.input, style]);
  if (!style || !draft) return <div className="notice error">没有可用的通报样式。</div>;

  const setText = (id: string, text: string) => {
    const next = { ...narrative, [id]: text };
    setNarrative(next);
    props.onNarrativeChange?.(next);
  };
  const save = props.saveFile ?? ((args) => getBridge().saveFile(args));
  const doExport = async (kind: 'docx' | 'txt') => {
    setBusy(true);
    try {
      setNotice(describeOutcome(kind, await exportBulletin(kind, withNarrative(draft, narrative), save)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulletin-screen">
      <header className="bulletin-toolbar">
        <h2>通报起草</h2>
        <label>
          样式{' '}
          <select value={style.id} onChange={(e) => { setStyleId(e.target.value); const next = styles.find((s) => s.id === e.target.value); if (next) props.onStyleChange?.(next); }}>
            {styles.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn primary" disabled={busy} onClick={() => void doExport('docx')}>
          导出 Word 文档
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void doExport('txt')}>
          导出纯文本
        </button>
      </header>
      {notice && <div className={`notice ${notice.tone}`}>{notice.text}</div>}
      <div className="bulletin-source" aria-live="polite">
        {hover ?? '将鼠标移到高亮的数字上，查看它来自哪个开发区、哪个指标、哪一期。'}
      </div>
      <div className="bulletin-layout">
        <article className="bulletin-page">
          {draft.blocks.map((b, i) => {
            switch (b.kind) {
              case 'title':
                return <h1 key={i} className="bulletin-title">{b.text}</h1>;
              case 'heading':
                return b.level === 1 ? <h3 key={i} className="bulletin-h1">{b.number}{b.text}</h3> : <h4 key={i} className="bulletin-h2">{b.number}{b.text}</h4>;
              case 'paragraph':
                return (
                  <p key={i} className="bulletin-p" data-paragraph={b.id}>
                    {b.segments.map((s, j) => (
                      <SegmentView key={j} segment={s} onHover={setHover} />
                    ))}
                  </p>
                );
              case 'narrative':
                return <NarrativeEditor key={i} block={b} value={narrative[b.id] ?? ''} onChange={(t) => setText(b.id, t)} />;
              case 'signature':
                return <p key={i} className="bulletin-signature">{b.text}</p>;
            }
          })}
        </article>
        <aside className="bulletin-gaps">
          <h3>缺数（{draft.gaps.length}）</h3>
          {draft.gaps.length === 0 ? (
            <p className="muted">所有数字都已算出。</p>
          ) : (
            <ul>
              {draft.gaps.map((g, i) => (
                <li key={i}>
                  <mark className="bulletin-gap">{g.text}</mark>
                  <div className="muted">{g.reason}</div>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </section>
  );
}
