import { useEffect, useRef, useState } from 'react';
import type { Indicator } from '../../src-shared/model';
import { dropTypingDraft, keepTypingDraft } from '../app/typing-draft';
import { countText } from './count-text';

export interface TextSectionProps {
  indicator: Indicator;
  text: string;
  readOnly: boolean;
  /** Saves the text; resolves once the database has committed it. */
  onSave(code: string, text: string): Promise<void>;
  /** Marks the box when a validation issue points at it. */
  problem?: string;
  /** One line (a name like 第一主导产业名称) instead of a page of text. */
  compact?: boolean;
  /** The return the text belongs to: each keystroke is kept in localStorage until saved (see typing-draft). */
  returnId?: string;
}

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed';

const SAVE_LABEL: Record<SaveState, string> = { idle: '', dirty: '未保存', saving: '保存中…', saved: '已保存', failed: '保存失败，请重试' };

/** One written section (亮点, 主要举措 …) with its character counter; saved a moment after typing stops, and on leaving the box. */
export function TextSection({ indicator, text, readOnly, onSave, problem, compact = false, returnId }: TextSectionProps) {
  const [draft, setDraft] = useState(text);
  const [state, setState] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(text);
  const latest = useRef(text);

  useEffect(() => {
    // Text from the database (a reload, a restore) replaces the box unless the clerk has unsaved typing.
    if (state !== 'dirty' && state !== 'saving') {
      setDraft(text);
      saved.current = text;
      latest.current = text;
    }
  }, [text]);

  const save = (value: string): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (value === saved.current) return;
    setState('saving');
    onSave(indicator.code, value).then(
      () => {
        saved.current = value;
        if (returnId !== undefined && latest.current === value) dropTypingDraft({ returnId, kind: 'text', code: indicator.code });
        setState((s) => (s === 'saving' ? 'saved' : s));
      },
      () => setState('failed'),
    );
  };

  // Leaving the page (reload, close, another window on top) saves at once what is typed.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const flush = (): void => {
      saveRef.current(latest.current);
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const onType = (value: string): void => {
    latest.current = value;
    if (returnId !== undefined) keepTypingDraft({ returnId, kind: 'text', code: indicator.code, text: value });
    setDraft(value);
    setState('dirty');
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(value), 800);
  };

  const counter = countText(draft, indicator.maxLength);
  return (
    <div className={`text-section${compact ? ' compact' : ''}${problem !== undefined ? ' has-problem' : ''}`}>
      <label htmlFor={`text-${indicator.code}`} className="text-title">
        {indicator.name}
        {indicator.required === true && <span className="required-mark">（必填）</span>}
      </label>
      {compact ? (
        <input
          id={`text-${indicator.code}`}
          data-text-code={indicator.code}
          value={draft}
          readOnly={readOnly}
          title={problem}
          onChange={(e) => onType(e.target.value)}
          onBlur={() => save(draft)}
        />
      ) : (
        <textarea
          id={`text-${indicator.code}`}
          data-text-code={indicator.code}
          value={draft}
          readOnly={readOnly}
          rows={6}
          title={problem}
          onChange={(e) => onType(e.target.value)}
          onBlur={() => save(draft)}
        />
      )}
      <div className="text-footer">

        <span className={`text-counter${counter.over ? ' over' : ''}`}>{counter.label}</span>
        <span className={`save-state save-${state}`} role="status">
          {SAVE_LABEL[state]}
        </span>
      </div>
      {problem !== undefined && <p className="text-problem">{problem}</p>}
    </div>
  );
}
