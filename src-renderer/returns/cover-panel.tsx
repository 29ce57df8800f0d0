import { useRef, useState } from 'react';
import type { CoverInfo } from '../../src-shared/model';
import { COVER_FIELDS, coverPatch, HALF_DATE_MESSAGE, isWholeReportDate } from './cover-patch';

export interface CoverPanelProps {
  cover: CoverInfo;
  readOnly: boolean;
  /** Saves the changed fields; resolves with an error message, or null once committed. */
  onSave(patch: Partial<CoverInfo>): Promise<string | null>;
}

function draftOf(cover: CoverInfo): Record<keyof CoverInfo, string> {
  return { unitHead: cover.unitHead ?? '', statisticsHead: cover.statisticsHead ?? '', filler: cover.filler ?? '', phone: cover.phone ?? '', reportDate: cover.reportDate ?? '' };
}

/**
 * 封面信息 of the return (who is responsible, who filled it, when it is reported), saved on leaving
 * a field; 报出日期 also as soon as it is a whole date (Tab walks its own segments first).
 */
export function CoverPanel({ cover, readOnly, onSave }: CoverPanelProps) {
  const [draft, setDraft] = useState(() => draftOf(cover));
  const [problem, setProblem] = useState<string | null>(null);
  // The date input holds some of its segments only: it reads as '' then, which must not clear the stored date.
  const halfDate = useRef(false);
  const save = (values: Record<keyof CoverInfo, string> = draft): void => {
    const half = halfDate.current;
    const result = coverPatch(half ? { ...values, reportDate: cover.reportDate ?? '' } : values, cover);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(half ? HALF_DATE_MESSAGE : null);
    if (Object.keys(result.patch).length === 0) return;
    void onSave(result.patch).then((refused) => setProblem(refused ?? (halfDate.current ? HALF_DATE_MESSAGE : null)));
  };
  return (
    <details className="panel cover-panel">
      <summary>封面信息：填表人 {cover.filler ?? '—'}，联系电话 {cover.phone ?? '—'}，报出日期 {cover.reportDate ?? '—'}</summary>
      <div className="cover-fields">
        {COVER_FIELDS.map(({ key, label }) => (
          <label key={key}>
            <span>{label}</span>
            <input
              data-cover={key}
              type={key === 'reportDate' ? 'date' : 'text'}
              value={draft[key]}
              readOnly={readOnly}
              onChange={(e) => {
                const next = { ...draft, [key]: e.target.value };
                setDraft(next);
                if (key !== 'reportDate') return;
                halfDate.current = e.target.validity.badInput;
                if (isWholeReportDate(e.target.value)) save(next);
              }}
              onBlur={() => save()}
            />
          </label>
        ))}
      </div>
      {problem !== null && <p className="notice error">{problem}</p>}
    </details>
  );
}
