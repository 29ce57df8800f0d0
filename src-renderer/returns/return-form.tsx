import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { onMenuEdit } from '../app/menu-events';
import type { IndicatorSection, ValidationIssue, Zone } from '../../src-shared/model';
import { periodLabel, periodShortLabel } from '../../src-shared/period';
import { indicatorsFor } from '../../src-shared/seeds';
import type { Repository } from '../db';
import { TextSection } from '../texts/text-section';
import { buildSectionRows, keepUnchangedRows, type IndicatorRow } from './build-section-rows';
import { CoverPanel } from './cover-panel';
import { KeptIssueList } from './issue-list';
import { buildFormTable } from './paste-into-section';
import { KeptSectionGrid } from './section-grid';
import { lockBannerText } from './lock-banner';
import { edgeInputCell, isInputCell } from './section-navigation';
import { takeTypingDraft } from '../app/typing-draft';
import { parseCellNumber } from '../grid/parse-cell-number';
import { cellNumber } from './value-edits';
import { timed, useReturnEditor, type ReturnEditor } from './use-return-editor';

export interface ReturnFormProps {
  repo: Repository;
  zone: Zone;
  who: string;
  returnId: string;
  onBack(): void;
  /** Go to a roster cell an issue points at (项目台账 tab). */
  onRosterIssue(rowId: string, field: string): void;
}

const COLUMN_NAME = { current: '本期', lastYear: '上年同期' } as const;

/** The return form: one grid per section, the text sections, and the list of issues beside them. */
export function ReturnForm(props: ReturnFormProps) {
  const state = useReturnEditor(props.repo, props.returnId, props.zone, props.who);
  if (state.kind === 'loading') return <p className="muted">正在打开报表…</p>;
  if (state.kind === 'failed') return <p className="notice error">{state.message}</p>;
  return <ReturnFormView {...props} editor={state.editor} />;
}

function ReturnFormView({ zone, editor, onBack, onRosterIssue, returnId }: ReturnFormProps & { editor: ReturnEditor }) {
  const apis = useRef(new Map<string, GridApi<IndicatorRow>>());

  // What was being typed when the page went away (a reload, a crash) comes back and is saved.
  useEffect(() => {
    const draft = takeTypingDraft(returnId);
    if (draft === null || editor.readOnly) return;
    const ind = editor.set.sections.flatMap((s) => s.indicators).find((i) => i.code === draft.code);
    if (ind === undefined) return;
    if (draft.kind === 'text') {
      const stored = editor.ret.values[draft.code]?.current;
      if (stored === draft.text) return;
      void editor.saveText(draft.code, draft.text).then(
        () => editor.say(`已恢复重新载入前输入的“${ind.name}”。`, false),
        () => editor.say(`重新载入前输入的“${ind.name}”未能保存，请重新输入。`),
      );
      return;
    }
    const parsed = parseCellNumber(draft.text, ind.kind, ind.unit);
    const before = cellNumber(editor.ret.values, draft.code, draft.column);
    if (!parsed.ok || parsed.value === before) return;
    editor.edit([{ code: draft.code, column: draft.column, before, after: parsed.value }]);
    editor.say(`已恢复重新载入前输入的“${ind.name}”${draft.column === 'current' ? '本期' : '上年同期'}：${draft.text}。`, false);
    // Once, when the form opens; the editor's later changes are the clerk's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const reported = useMemo(() => new Set(indicatorsFor(editor.set, zone.type).map((i) => i.code)), [editor.set, zone.type]);
  const names = useMemo(() => new Map(editor.set.sections.flatMap((s) => s.indicators.map((i) => [i.code, i.name] as const))), [editor.set]);
  const rosterNames = useMemo(() => new Map(editor.set.roster.fields.map((f) => [f.code, f.name])), [editor.set]);
  const gridSections = editor.set.sections.filter((s) => s.kind === 'indicators' && s.indicators.some((i) => reported.has(i.code) && i.kind !== 'text'));
  const textProblems = useMemo(() => {
    const map = new Map<string, string>();
    for (const i of editor.issues) if (i.target.kind === 'text') map.set(i.target.code, i.message);
    return map;
  }, [editor.issues]);
  const textIndicators = editor.set.sections.filter((s) => s.kind === 'text').flatMap((s) => s.indicators).filter((i) => reported.has(i.code));
  const textInput = (code: string, compact: boolean) => {
    const ind = editor.set.sections.flatMap((s) => s.indicators).find((i) => i.code === code);
    if (ind === undefined) return null;
    const value = editor.ret.values[code]?.current;
    const problem = textProblems.get(code);
    return (
      <TextSection
        key={code}
        indicator={ind}
        text={typeof value === 'string' ? value : ''}
        readOnly={editor.readOnly}
        onSave={editor.saveText}
        compact={compact}
        returnId={returnId}
        {...(problem !== undefined ? { problem } : {})}
      />
    );
  };

  // Rows whose figures did not change stay the same objects (and a section with none changed, the same array).
  const keptRows = useRef(new Map<string, IndicatorRow[]>());
  const rowsBySection = useMemo(() => timed('rows', () => {
    const next = new Map(
      gridSections.map((section: IndicatorSection) => {
        const rows = buildSectionRows({ section, reported, ret: editor.ret, computed: editor.computed, issues: editor.issues, lastYearReturn: editor.lastYearReturn, readOnly: editor.readOnly });
        return [section.id, keepUnchangedRows(keptRows.current.get(section.id), rows)] as const;
      }),
    );
    keptRows.current = next;
    return next;
  }), [gridSections, reported, editor.ret, editor.computed, editor.issues, editor.lastYearReturn, editor.readOnly]);

  // The official 主要指标 table's rows (every indicators section, text indicators included), for a paste that runs on past its section.
  const formTable = useMemo(() => {
    const gridRows = new Map([...rowsBySection.values()].flat().map((r) => [r.code, r] as const));
    const sections = editor.set.sections.filter((s) => s.kind === 'indicators').map((s) => ({ title: s.title, indicators: s.indicators.filter((i) => reported.has(i.code)) }));
    return buildFormTable(sections, gridRows);
  }, [rowsBySection, editor.set, reported]);

  const { undo, redo } = editor;
  useEffect(
    () =>
      onMenuEdit((command) => {
        const active = document.activeElement;
        // In a text box the menu undoes typing, as in any editor; elsewhere it undoes saved cell edits.
        if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) document.execCommand(command);
        else if (command === 'undo') undo();
        else redo();
      }),
    [undo, redo],
  );

  const onApi = useCallback((sectionId: string, api: GridApi<IndicatorRow> | null) => {
    if (api === null) apis.current.delete(sectionId);
    else apis.current.set(sectionId, api);
  }, []);

  // Enter / ↓ / ↑ / Tab at the edge of a section go on into the next (or previous) one, as down one long sheet.
  const onLeave = useCallback(
    (sectionId: string, step: 1 | -1, colId: string, tab: boolean): boolean => {
      const order = gridSections.map((s) => s.id);
      for (let i = order.indexOf(sectionId) + step; i >= 0 && i < order.length; i += step) {
        const id = order[i] as string;
        const rows = rowsBySection.get(id) ?? [];
        const api = apis.current.get(id);
        if (rows.length === 0 || api === undefined) continue;
        let place = tab ? edgeInputCell(rows, step) : null;
        if (!tab) {
          const indexes = rows.map((_, n) => n);
          if (step === -1) indexes.reverse();
          const input = indexes.find((n) => isInputCell(rows[n], colId));
          place = { rowIndex: input ?? (step === 1 ? 0 : rows.length - 1), colId };
        }
        if (place === null) continue;
        apis.current.get(sectionId)?.clearFocusedCell();
        api.ensureIndexVisible(place.rowIndex);
        api.setFocusedCell(place.rowIndex, place.colId);
        document.querySelector(`[data-section="${id}"] .ag-row[row-index="${place.rowIndex}"]`)?.scrollIntoView({ block: 'nearest' });
        return true;
      }
      return false;
    },
    [gridSections, rowsBySection],
  );

  const placeOf = useCallback(
    (issue: ValidationIssue): string => {
      const t = issue.target;
      if (t.kind === 'indicator') return `${names.get(t.code) ?? t.code}·${COLUMN_NAME[t.column]}`;
      if (t.kind === 'text') return names.get(t.code) ?? t.code;
      if (t.kind === 'roster') {
        const row = editor.ret.roster.find((r) => r.id === t.rowId);
        return `项目台账·${typeof row?.name === 'string' ? row.name : '未命名项目'}·${rosterNames.get(t.field) ?? t.field}`;
      }
      return '整张报表';
    },
    [names, rosterNames, editor.ret.roster],
  );

  const rowsRef = useRef(rowsBySection);
  rowsRef.current = rowsBySection;
  const jump = useCallback(
    (issue: ValidationIssue) => {
      const t = issue.target;
      if (t.kind === 'indicator') {
        for (const [sectionId, rows] of rowsRef.current) {
          const rowIndex = rows.findIndex((r) => r.code === t.code);
          if (rowIndex < 0) continue;
          const api = apis.current.get(sectionId);
          document.querySelector(`[data-section="${sectionId}"]`)?.scrollIntoView({ block: 'center' });
          api?.ensureIndexVisible(rowIndex);
          api?.setFocusedCell(rowIndex, t.column);
          return;
        }
        editor.say(`“${names.get(t.code) ?? t.code}”不在本开发区的填报表中。`);
      } else if (t.kind === 'text') {
        const box = document.querySelector<HTMLTextAreaElement>(`[data-text-code="${t.code}"]`);
        box?.scrollIntoView({ block: 'center' });
        box?.focus();
      } else if (t.kind === 'roster') {
        onRosterIssue(t.rowId, t.field);
      }
    },
    [names, editor.say, onRosterIssue],
  );


  const period = editor.record.period;
  return (
    <div className="return-form">
      <div className="return-head">
        <button type="button" className="btn" onClick={onBack}>
          ← 返回报表列表
        </button>
        <h2>
          {zone.name} · {periodShortLabel(period)}（{periodLabel(period)}累计）
        </h2>
        <span className={`status status-${editor.status}`}>{editor.status}</span>
        <span className={`save-indicator ${editor.save.kind}`} role="status" data-testid="save-indicator" hidden={editor.save.text === ''}>
          {editor.save.text}
        </span>
      </div>
      {editor.readOnly && (
        <p className="readonly-banner" role="note">
          {lockBannerText(editor.record)}
        </p>
      )}
      {editor.record.status === '退回修改' && editor.record.reopenReason && <p className="notice warning">退回原因：{editor.record.reopenReason}</p>}
      <CoverPanel cover={editor.ret.cover} readOnly={editor.readOnly} onSave={editor.saveCover} />
      <p className="muted" hidden={editor.readOnly}>
        方向键移动，直接输入即开始编辑，Enter 下移，Tab 右移，Delete 清除，Ctrl+Z 撤销，Ctrl+Y 恢复；可从 Excel / WPS 复制一块数据，点选起始单元格后按 Ctrl+V 粘贴。灰色单元格由程序计算。
      </p>
      <p className={`status-line${editor.message?.problem === true ? ' problem' : ''}`} role="status" data-testid="status-line">
        {editor.message?.text ?? ''}
      </p>
      <div className="return-body">
        <div className="return-sections">
          {gridSections.map((section) => (
            <KeptSectionGrid
              key={section.id}
              sectionId={section.id}
              title={section.title}
              rows={rowsBySection.get(section.id) ?? []}
              values={editor.ret.values}
              onEdits={(edits) => editor.edit(edits)}
              onDraft={editor.setDraft}
              onUndo={editor.undo}
              onRedo={editor.redo}
              onMessage={(text, problem = true) => editor.say(text, problem)}
              formTable={formTable}
              onApi={onApi}
              onLeave={onLeave}
              returnId={returnId}
              readOnly={editor.readOnly}
            >
              {section.indicators.filter((i) => i.kind === 'text' && reported.has(i.code)).map((i) => textInput(i.code, true))}
            </KeptSectionGrid>
          ))}
          {textIndicators.length > 0 && (
            <section className="panel">
              <h3 className="section-title">文字材料</h3>
              <div className="text-sections">
                {textIndicators.map((ind) => textInput(ind.code, false))}
              </div>
            </section>
          )}
        </div>
        <KeptIssueList issues={editor.issues} explanations={editor.ret.explanations} placeOf={placeOf} onJump={jump} onExplain={editor.saveExplanation} readOnly={editor.readOnly} />
      </div>
    </div>
  );
}
