import { useState } from 'react';
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
  const save = (values: Record<keyof CoverInfo, string> = draft): void => {
    const result = coverPatch(values, cover);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    if (Object.keys(result.patch).length === 0) return;
    void onSave(result.patch).then(setProblem);
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
                if (key === 'reportDate' && isWholeReportDate(e.target.value)) save(next);
              }}
              onBlur={(e) => {
                // A half-filled date reads as '' here: saving it would clear the stored date. It stays in the box, unsaved.
                if (key === 'reportDate' && e.target.validity.badInput) {
                  setProblem(HALF_DATE_MESSAGE);
                  return;
                }
                save();
              }}
            />
          </label>
        ))}
      </div>
      {problem !== null && <p className="notice error">{problem}</p>}
    </details>
  );
}
