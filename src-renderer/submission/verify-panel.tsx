import { useState } from 'react';
import { MAX_FILE_BYTES } from '../../src-shared/ipc/contract';
import { getBridge } from '../bridge';
import { describeVerification, type VerificationView } from './describe-verification';
import { WORKBOOK_FILTERS } from './submission-store';
import type { WorkbookService } from './workbook-client';

const SHOWN_PROBLEMS = 20;

/** 核对报送工作簿: reads a workbook (one's own, or one received) and says whether it is as exported. */
export function VerifyPanel({ workbook }: { workbook: WorkbookService }) {
  const [view, setView] = useState<VerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const check = async (): Promise<void> => {
    setWorking(true);
    setError(null);
    try {
      const picked = await getBridge().openFile({ filters: WORKBOOK_FILTERS, maxBytes: MAX_FILE_BYTES });
      if (!picked.ok) {
        setError(picked.issues.map((i) => i.message).join('\n'));
        return;
      }
      if (picked.value.kind === 'cancelled') return;
      const { name, bytes } = picked.value.file;
      setView(describeVerification(name, await workbook.read(bytes, name)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="panel no-print" aria-label="核对报送工作簿">
      <h3>核对报送工作簿</h3>
      <p className="muted">打开一份报送工作簿，检查校验码，并逐格核对表格是否与报表数据相符（例如确认收到的文件未被改动）。</p>
      <button type="button" className="btn" disabled={working} onClick={() => void check()}>
        选择工作簿…
      </button>
      {error !== null && <p className="notice error">{error}</p>}
      {view !== null && (
        <div data-testid="verification" data-verdict={view.verdict}>
          <p className={`notice ${view.verdict === 'intact' ? 'ok' : 'error'}`}>{view.headline}</p>
          {view.problems.length > 0 && (
            <ol className="verification-problems">
              {view.problems.slice(0, SHOWN_PROBLEMS).map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
              {view.problems.length > SHOWN_PROBLEMS && <li className="muted">另有 {view.problems.length - SHOWN_PROBLEMS} 处问题未列出。</li>}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
