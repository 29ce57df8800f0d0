import './submission.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { allowedActions } from '../../src-shared/lifecycle';
import type { ValidationIssue } from '../../src-shared/model';
import { periodLabel } from '../../src-shared/period';
import { allIndicators } from '../../src-shared/seeds';
import { layoutSubmission } from '../../src-shared/workbook/layout-submission';
import type { ScreenProps } from '../app/screen-props';
import { getBridge } from '../bridge';
import type { ReturnSummary } from '../db';
import { IssueList } from '../returns/issue-list';
import { LifecyclePanel } from './lifecycle-panel';
import { OutboxTable } from './outbox-table';
import { useSyncStatus } from '../sync/app-sync';
import { PrintView } from './print-view';
import { periodName } from '../returns/list-periods';
import { defaultExportDeps, exportDraft, exportSubmission, markReturnValidated, printPayload, reopenSubmittedReturn, submitPrompt, type SubmissionState } from './submission-store';
import { workbookService } from './workbook-client';
import { useSubmission } from './use-submission';
import { VerifyPanel } from './verify-panel';

type Message = { kind: 'ok' | 'error' | 'busy'; text: string };

/** What the screen says when a draft or a submission was not handed over: nothing for a cancel. */
function notExported(outcome: { kind: 'cancelled' } | { kind: 'busy'; message: string } | { kind: 'failed'; issues: Array<{ message: string }> }): Message | null {
  if (outcome.kind === 'cancelled') return null;
  if (outcome.kind === 'busy') return { kind: 'busy', text: outcome.message };
  return { kind: 'error', text: outcome.issues.map((i) => i.message).join('\n') };
}

const COLUMN_NAME = { current: '本期', lastYear: '上年同期' } as const;

function usePlaceOf(state: SubmissionState | undefined): (issue: ValidationIssue) => string {
  return useMemo(() => {
    const names = new Map(state ? allIndicators(state.set).map((i) => [i.code, i.name]) : []);
    const fields = new Map(state ? state.set.roster.fields.map((f) => [f.code, f.name]) : []);
    return (issue: ValidationIssue): string => {
      const t = issue.target;
      if (t.kind === 'indicator') return `${names.get(t.code) ?? t.code}·${COLUMN_NAME[t.column]}`;
      if (t.kind === 'text') return names.get(t.code) ?? t.code;
      if (t.kind === 'roster') {
        const row = state?.ret.roster.find((r) => r.id === t.rowId);
        return `项目台账·${typeof row?.['name'] === 'string' ? row['name'] : '未命名项目'}·${fields.get(t.field) ?? t.field}`;
      }
      return '整张报表';
    };
  }, [state]);
}

/** 报送: validate and explain, mark 已校验, export the submission workbook, reopen, outbox, print. */
export function SubmissionScreen({ repo, zone, who, returnId: openReturnId, openReturn }: ScreenProps) {
  const [returns, setReturns] = useState<ReturnSummary[]>([]);
  const [chosen, setChosen] = useState<string | null>(openReturnId);
  const { load, outbox, reload } = useSubmission(repo, zone, chosen);
  const sync = useSyncStatus(repo);
  // A 退回修改 from the server reopens a return under this screen: reload when an upload's state changes.
  const uploadStates = sync?.items.map((i) => `${i.submissionId}:${i.state}`).join(',') ?? '';
  useEffect(() => {
    if (uploadStates !== '') void reload();
  }, [uploadStates, reload]);
  const [message, setMessage] = useState<Message | null>(null);
  const [working, setWorking] = useState(false);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState(false);
  // 报送 asks once before it exports, submits and locks.
  const [confirming, setConfirming] = useState(false);
  // Which export 另存为 repeats when the file was busy: a draft must never turn into a submission.
  const [lastExport, setLastExport] = useState<'draft' | 'submit'>('submit');
  const state = load.kind === 'ready' ? load.state : undefined;
  const placeOf = usePlaceOf(state);

  useEffect(() => {
    void repo.listReturns(zone.id).then((list) => {
      const sorted = [...list].sort((a, b) => (a.periodKey < b.periodKey ? 1 : -1));
      setReturns(sorted);
      setChosen((current) => current ?? sorted[0]?.id ?? null);
    });
  }, [repo, zone.id, load]);

  // exceljs runs in a Web Worker started with the screen, so it is loaded before the first export.
  const workbook = useMemo(() => workbookService(), []);
  useEffect(() => {
    workbook.warm();
    return () => workbook.dispose();
  }, [workbook]);

  const run = useCallback(
    async (action: () => Promise<Message | null>) => {
      setWorking(true);
      try {
        setMessage(await action());
      } catch (error) {
        // A bug or a part of the program that failed to load: say so rather than leave the button dead.
        console.error(error);
        setMessage({ kind: 'error', text: `操作未完成：${error instanceof Error ? error.message : String(error)}。请重试；如仍失败，请重新打开程序。` });
      } finally {
        await reload();
        setWorking(false);
      }
    },
    [reload],
  );

  const validate = (s: SubmissionState) =>
    run(async () => {
      const result = await markReturnValidated(repo, s, who);
      return result.ok ? { kind: 'ok', text: '已标记为已校验，可以报送。' } : { kind: 'error', text: result.issues.map((i) => i.message).join('\n') };
    });

  const exportDraftWorkbook = (s: SubmissionState) =>
    run(async () => {
      setLastExport('draft');
      const outcome = await exportDraft(defaultExportDeps(repo, workbook, (args) => getBridge().saveFile(args)), s, zone);
      if (outcome.kind !== 'exported') return notExported(outcome);
      return { kind: 'ok', text: `已${outcome.how === 'saved' ? '保存' : '下载'}草稿工作簿：${outcome.fileName}。每页页眉标有“草稿”，市商务局不会作为报送接收；报表未锁定，可继续修改。` };
    });

  const exportWorkbook = (s: SubmissionState) =>
    run(async () => {
      setConfirming(false);
      setLastExport('submit');
      const outcome = await exportSubmission(defaultExportDeps(repo, workbook, (args) => getBridge().saveFile(args)), s, zone, who);
      if (outcome.kind !== 'exported') return notExported(outcome);
      return {
        kind: 'ok',
        text: `已报送第 ${outcome.entry.revision} 版，并${outcome.how === 'saved' ? '保存' : '下载'}报送工作簿：${outcome.entry.fileName}。报表已锁定为只读；如需修改，请退回修改。`,
      };
    });

  const reopenReturn = (s: SubmissionState) =>
    run(async () => {
      const result = await reopenSubmittedReturn(repo, s, reason, who);
      if (!result.ok) return { kind: 'error', text: result.issues.map((i) => i.message).join('\n') };
      setReason('');
      return { kind: 'ok', text: `已退回修改。改完后重新校验，再导出第 ${s.lifecycle.revision + 1} 版。` };
    });

  const print = (s: SubmissionState) =>
    run(async () => {
      setPreview(true);
      // Let the print view render before the host prints the page.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const result = await getBridge().printToPdf({ suggestedName: `${zone.name}_${s.periodLabel}.pdf`, landscape: true, pageSize: 'A4' });
      if (!result.ok) return { kind: 'error', text: result.issues.map((i) => i.message).join('\n') };
      return result.value.kind === 'saved' ? { kind: 'ok', text: `已保存 PDF：${result.value.fileName}` } : null;
    });

  const printSheets = useMemo(() => (state && preview ? layoutSubmission(printPayload(state, zone, new Date())) : []), [state, preview, zone]);

  if (returns.length === 0 && chosen === null) {
    return (
      <div className="panel submission-screen">
        <h2>报送</h2>
        <p className="muted">{zone.name}还没有报表。请先在“填报”中打开一个报告期并填写。</p>
      </div>
    );
  }

  const actions = state ? allowedActions(state.lifecycle.state) : undefined;
  return (
    <div className="submission-screen">
      <div className="panel no-print">
        <div className="toolbar">
          <h2 className="submission-title">报送</h2>
          <label>
            报告期{' '}
            <select aria-label="报告期" value={chosen ?? ''} onChange={(e) => { setChosen(e.target.value); setMessage(null); setPreview(false); setConfirming(false); }}>
              {returns.map((r) => (
                <option key={r.id} value={r.id}>
                  {periodName(r.period)}（{periodLabel(r.period)}累计 · {r.status}）
                </option>
              ))}
            </select>
          </label>
          {chosen !== null && (
            <button type="button" className="btn" onClick={() => openReturn(chosen)}>
              打开报表
            </button>
          )}
        </div>
        {load.kind === 'loading' && <p className="muted">正在读取报表…</p>}
        {load.kind === 'failed' && <p className="notice error">{load.message}</p>}
        {state && <LifecyclePanel state={state} />}
        {message && (
          <p className={`notice ${message.kind === 'ok' ? 'ok' : message.kind === 'busy' ? 'warning' : 'error'}`} role="status" data-testid="submission-message" style={{ whiteSpace: 'pre-wrap' }}>
            {message.text}
          </p>
        )}
        {message?.kind === 'busy' && state && (
          <button type="button" className="btn" disabled={working} onClick={() => void (lastExport === 'draft' ? exportDraftWorkbook(state) : exportWorkbook(state))}>
            另存为…
          </button>
        )}
      </div>

      {state && actions && (
        <div className="submission-steps no-print">
          <section className="panel" aria-label="校验">
            <h3>1. 校验与合理性说明</h3>
            <p data-testid="gate-summary">
              {state.gate.passed
                ? `无错误；${state.issues.length === 0 ? '没有提示。' : '提示均已填写合理性说明。'}`
                : `错误 ${state.gate.errors.length} 条，未说明的提示 ${state.gate.unexplained.length} 条。`}
            </p>
            <IssueList
              issues={state.issues}
              explanations={state.ret.explanations}
              placeOf={placeOf}
              onJump={() => openReturn(state.returnId)}
              onExplain={(key, text) => void run(async () => {
                const saved = await repo.saveExplanation(state.returnId, key, text, who);
                return saved.ok ? null : { kind: 'error', text: saved.issues.map((i) => i.message).join('\n') };
              })}
              readOnly={!actions.edit}
            />
            <div className="toolbar">
              <button type="button" className="btn primary" disabled={working || !actions.validate || state.lifecycle.state === '已校验'} onClick={() => void validate(state)}>
                标记为已校验
              </button>
            </div>
          </section>

          <section className="panel" aria-label="导出与报送">
            <h3>2. 导出草稿与报送</h3>
            <p className="muted">
              导出草稿：生成与报送相同的工作簿（封面、主要指标、项目清单、文字材料、校验结果），每页页眉标明“草稿”，供核对和送领导审阅；报表不锁定，不进入发件箱，市商务局不会作为报送接收。
            </p>
            <div className="toolbar">
              <button type="button" className="btn" disabled={working || !actions.edit} onClick={() => void exportDraftWorkbook(state)}>
                导出草稿
              </button>
            </div>
            <p className="muted">报送：标记为已校验后，生成带校验码的报送工作簿，记入发件箱（联网报送时同时上传），报表锁定为只读。</p>
            {confirming && actions.submit ? (
              <div className="notice warning submit-confirm" role="alertdialog" aria-label="确认报送">
                <p>{submitPrompt(state)}确定报送吗？</p>
                <div className="toolbar">
                  <button type="button" className="btn primary" disabled={working} onClick={() => void exportWorkbook(state)}>
                    确定报送
                  </button>
                  <button type="button" className="btn" disabled={working} onClick={() => setConfirming(false)}>
                    取消
                  </button>
                </div>
              </div>
            ) : (
              <div className="toolbar">
                <button type="button" className="btn primary" disabled={working || !actions.submit} onClick={() => setConfirming(true)}>
                  {state.lifecycle.state === '已报送' ? `第 ${state.lifecycle.revision} 版已报送` : `报送（第 ${state.lifecycle.revision + 1} 版）`}
                </button>
                {!actions.submit && state.lifecycle.state !== '已报送' && <span className="muted">须先在上一步标记为已校验。</span>}
              </div>
            )}
          </section>

          {actions.reopen && (
            <section className="panel" aria-label="退回修改">
              <h3>退回修改</h3>
              <p className="muted">审核人或市商务局要求修改时，填写原因后退回；改完重新校验，下次导出为第 {state.lifecycle.revision + 1} 版。</p>
              <textarea aria-label="退回原因" rows={2} value={reason} placeholder="例如：市局要求核对工业投资数" onChange={(e) => setReason(e.target.value)} />
              <div className="toolbar">
                <button type="button" className="btn" disabled={working} onClick={() => void reopenReturn(state)}>
                  退回修改
                </button>
              </div>
            </section>
          )}

          <section className="panel" aria-label="打印">
            <h3>打印</h3>
            <div className="toolbar">
              <button type="button" className="btn" onClick={() => setPreview((p) => !p)}>
                {preview ? '关闭打印预览' : '打印预览'}
              </button>
              <button type="button" className="btn" disabled={working} onClick={() => void print(state)}>
                打印 / 导出 PDF
              </button>
            </div>
          </section>
        </div>
      )}

      <section className="panel no-print" aria-label="发件箱">
        <h3>发件箱</h3>
        <OutboxTable rows={outbox} {...(sync?.enrolled || (sync?.items.length ?? 0) > 0 ? { uploads: sync?.items ?? [] } : {})} />
      </section>

      <VerifyPanel workbook={workbook} />

      {preview && printSheets.length > 0 && <PrintView sheets={printSheets} />}
    </div>
  );
}
