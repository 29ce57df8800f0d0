import type { CellClassParams, CellEditingStartedEvent, CellEditRequestEvent, CellPosition, ColDef, GetRowIdParams, GridApi, GridReadyEvent, ITooltipParams, NavigateToNextCellParams, TabToNextCellParams, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { memo, useCallback, useEffect, useMemo, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { IndicatorValue } from '../../src-shared/model';
import type { GridKeyCommand } from '../grid/grid-key-command';
import { parseCellNumber } from '../grid/parse-cell-number';
import { gridTheme, spreadsheetGridOptions } from '../grid/grid-setup';
import { useSpreadsheetKeys, type FocusedCell } from '../grid/use-spreadsheet-keys';
import type { CellFigure, IndicatorRow } from './build-section-rows';
import { cellTooltip, figureText, gapText, issueClass, lastYearNote, PERCENT_DECIMALS } from './format-cell';
import { isValueColumn, pasteIntoForm, type FormTable } from './paste-into-section';
import { dropTypingDraft, keepTypingDraft } from '../app/typing-draft';
import { nextInputCell, whyLocked } from './section-navigation';
import { cellNumber, type ValueEdit } from './value-edits';

export interface SectionGridProps {
  sectionId: string;
  title: string;
  rows: IndicatorRow[];
  values: Readonly<Record<string, IndicatorValue>>;
  /** Save these edits as one action (one undo step); `what` names it for the status line. */
  onEdits(edits: ValueEdit[], what: string): void;
  /** The number being typed into a cell, or null when the edit ends. */
  onDraft(draft: ValueEdit | null): void;
  onUndo(): void;
  onRedo(): void;
  /** A message for the status line (a cell that could not be read, what a paste did); a problem unless `problem` is false. */
  onMessage(message: string, problem?: boolean): void;
  onApi(sectionId: string, api: GridApi<IndicatorRow> | null): void;
  /** Shown between the title and the grid (the section's one-line text fields). */
  children?: ReactNode;
  /** A submitted return: every key that would change a cell says why it cannot. */
  readOnly?: boolean;
  /** The whole form in the official table's rows, so that a pasted column goes on into the sections below. */
  formTable: FormTable;
  /**
   * Enter / ↓ on the last row (step 1) or ↑ on the first (step −1) goes on into the next section, as
   * down one long sheet; `tab` for Tab past the last input cell. True when another section took the focus.
   */
  onLeave?(sectionId: string, step: 1 | -1, colId: string, tab: boolean): boolean;
  /** The return being filled: the cell being typed in is kept in localStorage per keystroke (see typing-draft). */
  returnId?: string;
}

const sectionRowId = (p: GetRowIdParams<IndicatorRow>): string => p.data.code;
const SECTION_HEADER_HEIGHT = 48;
const SECTION_LOCALE: Record<string, string> = { noRowsToShow: '本部分没有本开发区需填报的指标' };

const LOCKED_MESSAGE = '本报表已报送，只能查看，不能修改。如需修改，请由审核人退回后再改。';

type RowParams = { data?: IndicatorRow | undefined };

function valueCellClass(figure: (r: IndicatorRow) => CellFigure, editable: (r: IndicatorRow) => boolean, column: 'current' | 'lastYear' | null) {
  return (params: CellClassParams<IndicatorRow>): string[] => {
    const row = params.data;
    if (row === undefined) return [];
    const classes = ['cell-number'];
    classes.push(editable(row) ? 'cell-editable' : 'cell-readonly');
    if (column === 'lastYear' && row.lastYearSource === 'last-year-return') classes.push('cell-from-last-year');
    if (figure(row).kind === 'problem') classes.push('cell-problem');
    const marked = column === null ? undefined : issueClass(row.issues[column]);
    if (marked !== undefined) classes.push(marked);
    return classes;
  };
}

/** One section of the return as a grid: 指标, 单位, 本期, 上年同期, 同比增长, 省定目标, 差距. */
export function SectionGrid({ sectionId, title, rows, values, onEdits, onDraft, onUndo, onRedo, onMessage, onApi, children, readOnly = false, formTable, onLeave, returnId }: SectionGridProps) {
  const apiRef = useRef<GridApi<IndicatorRow> | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const formTableRef = useRef(formTable);
  formTableRef.current = formTable;
  const onLeaveRef = useRef(onLeave);
  onLeaveRef.current = onLeave;
  const readOnlyRef = useRef(readOnly);
  readOnlyRef.current = readOnly;

  const navigateToNextCell = useCallback((params: NavigateToNextCellParams<IndicatorRow>): CellPosition | null => {
    const vertical = params.key === 'ArrowDown' || params.key === 'ArrowUp' || params.key === 'Enter';
    const atEdge = params.nextCellPosition === null || params.nextCellPosition.rowIndex < 0;
    if (!atEdge || !vertical || params.previousCellPosition.rowPinned) return params.nextCellPosition;
    const step = params.key === 'ArrowUp' || (params.key === 'Enter' && params.event?.shiftKey === true) ? -1 : 1;
    onLeaveRef.current?.(sectionId, step, params.previousCellPosition.column.getColId(), false);
    return null;
  }, [sectionId]);

  const tabToNextCell = useCallback((params: TabToNextCellParams<IndicatorRow>): CellPosition | boolean => {
    const from = params.previousCellPosition;
    const step = params.backwards ? -1 : 1;
    // A submitted return has no input cells: Tab walks every cell as the grid does.
    if (readOnlyRef.current) return params.nextCellPosition ?? false;
    const next = nextInputCell(rowsRef.current, { rowIndex: from.rowIndex, colId: from.column.getColId() }, step);
    const column = next === null ? null : params.api.getColumn(next.colId);
    if (next !== null && column !== null) return { rowIndex: next.rowIndex, column, rowPinned: null };
    if (onLeaveRef.current?.(sectionId, step, from.column.getColId(), true) === true) return from;
    return params.nextCellPosition ?? false;
  }, [sectionId]);

  // Enter on the last row (Shift+Enter on the first) ends the edit and goes on into the next section;
  // AG Grid's own Enter stops at the grid's edge and asks no callback.
  const onEdgeEnter = useCallback((event: KeyboardEvent<HTMLElement>): boolean => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return false;
    const api = apiRef.current;
    const focus = api?.getFocusedCell();
    if (api === null || focus === null || focus === undefined || focus.rowPinned) return false;
    const step = event.shiftKey ? -1 : 1;
    const edge = step === 1 ? rowsRef.current.length - 1 : 0;
    if (focus.rowIndex !== edge) return false;
    event.preventDefault();
    event.stopPropagation();
    if (api.getEditingCells().length > 0) api.stopEditing();
    onLeaveRef.current?.(sectionId, step, focus.column.getColId(), false);
    return true;
  }, [sectionId]);

  // Typing on a cell that takes no input says why, instead of doing nothing.
  const onLockedTyping = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.key.length !== 1) return;
    const api = apiRef.current;
    if (api === null || api.getEditingCells().length > 0) return;
    if (!(event.target instanceof HTMLElement) || event.target.closest('.ag-cell') === null) return;
    const focus = api.getFocusedCell();
    if (focus === null || focus === undefined || focus.rowPinned) return;
    const why = whyLocked(rowsRef.current[focus.rowIndex], focus.column.getColId(), readOnlyRef.current);
    if (why !== null) onMessage(why);
  }, [onMessage]);

  const columnDefs = useMemo<ColDef<IndicatorRow>[]>(
    () => [
      {
        colId: 'name',
        headerName: '指标',
        field: 'name',
        flex: 2.2,
        minWidth: 190,
        cellClass: (p: CellClassParams<IndicatorRow>) => (p.data?.required === true ? 'cell-label cell-required' : 'cell-label'),
        tooltipValueGetter: (p: ITooltipParams<IndicatorRow>) => p.data?.note ?? (p.data?.derived === true ? '由项目台账或其他指标计算，不需填写' : undefined),
      },
      { colId: 'unit', headerName: '单位', field: 'unit', flex: 0.75, minWidth: 84, cellClass: 'cell-unit' },
      {
        colId: 'current',
        headerName: '本期',
        flex: 1,
        minWidth: 104,
        editable: (p: RowParams) => p.data?.currentEditable === true,
        valueGetter: (p: RowParams) => (p.data?.current.kind === 'number' ? p.data.current.value : null),
        valueFormatter: (p: ValueFormatterParams<IndicatorRow>) => (p.data ? figureText(p.data.current, p.data.decimals) : ''),
        cellClass: valueCellClass((r) => r.current, (r) => r.currentEditable, 'current'),
        tooltipValueGetter: (p: ITooltipParams<IndicatorRow>) =>
          p.data ? cellTooltip(p.data.issues.current, p.data.current, p.data.derived ? '由公式计算' : undefined) : undefined,
      },
      {
        colId: 'lastYear',
        headerName: '上年同期',
        flex: 1,
        minWidth: 104,
        editable: (p: RowParams) => p.data?.lastYearEditable === true,
        valueGetter: (p: RowParams) => (p.data?.lastYear.kind === 'number' ? p.data.lastYear.value : null),
        valueFormatter: (p: ValueFormatterParams<IndicatorRow>) => (p.data ? figureText(p.data.lastYear, p.data.decimals) : ''),
        cellClass: valueCellClass((r) => r.lastYear, (r) => r.lastYearEditable, 'lastYear'),
        tooltipValueGetter: (p: ITooltipParams<IndicatorRow>) =>
          p.data ? cellTooltip(p.data.issues.lastYear, p.data.lastYear, lastYearNote(p.data.lastYearSource)) : undefined,
      },
      {
        colId: 'growth',
        headerName: '同比增长（%）',
        wrapHeaderText: true,
        flex: 0.9,
        minWidth: 104,
        valueGetter: (p: RowParams) => (p.data?.growth.kind === 'number' ? p.data.growth.value : null),
        valueFormatter: (p: ValueFormatterParams<IndicatorRow>) => (p.data ? figureText(p.data.growth, PERCENT_DECIMALS) : ''),
        cellClass: valueCellClass((r) => r.growth, () => false, null),
        tooltipValueGetter: (p: ITooltipParams<IndicatorRow>) => (p.data?.growth.kind === 'problem' ? `无法计算：${p.data.growth.detail}` : undefined),
      },
      {
        colId: 'target',
        headerName: '省定目标（%）',
        wrapHeaderText: true,
        flex: 0.9,
        minWidth: 104,
        valueGetter: (p: RowParams) => p.data?.target ?? null,
        valueFormatter: (p: ValueFormatterParams<IndicatorRow>) => (typeof p.value === 'number' ? figureText({ kind: 'number', value: p.value }, PERCENT_DECIMALS) : ''),
        cellClass: 'cell-number cell-readonly',
      },
      {
        colId: 'gap',
        headerName: '差距（百分点）',
        wrapHeaderText: true,
        flex: 1,
        minWidth: 116,
        valueGetter: (p: RowParams) => (p.data?.gap.kind === 'number' ? p.data.gap.value : null),
        valueFormatter: (p: ValueFormatterParams<IndicatorRow>) => (p.data ? gapText(p.data.gap, p.data.comparison) : ''),
        cellClass: (p: CellClassParams<IndicatorRow>) =>
          ['cell-number', 'cell-readonly', p.data?.comparison === '低于' ? 'cell-below-target' : p.data?.comparison === '高于' ? 'cell-above-target' : ''].filter(Boolean),
      },
    ],
    [],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<IndicatorRow>) => {
      const row = event.data;
      const colId = event.column.getColId();
      if (!isValueColumn(colId)) return;
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      const parsed = parseCellNumber(raw, row.kind, row.unit);
      if (!parsed.ok) {
        onMessage(`${row.name}：${parsed.message}`);
        return;
      }
      const before = cellNumber(valuesRef.current, row.code, colId);
      if (before === parsed.value) return;
      onEdits([{ code: row.code, column: colId, before, after: parsed.value }], `${row.name}`);
    },
    [onEdits, onMessage],
  );

  const onCommand = useCallback(
    (command: GridKeyCommand, focus: FocusedCell) => {
      if (readOnly) return onMessage(LOCKED_MESSAGE);
      if (command === 'undo') return onUndo();
      if (command === 'redo') return onRedo();
      const row = rowsRef.current[focus.rowIndex];
      if (row === undefined || !isValueColumn(focus.colId)) return;
      const editable = focus.colId === 'current' ? row.currentEditable : row.lastYearEditable;
      const before = cellNumber(valuesRef.current, row.code, focus.colId);
      if (!editable || before === null) return;
      onEdits([{ code: row.code, column: focus.colId, before, after: null }], `清除${row.name}`);
    },
    [onEdits, onRedo, onUndo, onMessage, readOnly],
  );

  const onPasteText = useCallback(
    (text: string, focus: FocusedCell | null) => {
      if (readOnly) {
        onMessage(LOCKED_MESSAGE);
        return;
      }
      if (focus === null) {
        onMessage('请先点选要粘贴到的起始单元格，再按 Ctrl+V。');
        return;
      }
      const result = pasteIntoForm(text, focus, rowsRef.current, formTableRef.current, valuesRef.current);
      if (result.edits.length > 0) onEdits(result.edits, `粘贴 ${result.edits.length} 个单元格`);
      const notes: string[] = result.notice === undefined ? [] : [result.notice.text];
      if (result.skipped > 0) notes.push(`${result.skipped} 个单元格落在计算项或表格之外，未粘贴`);
      if (result.problems.length > 0) notes.push(`${result.problems.length} 个单元格无法识别：${result.problems.slice(0, 3).join('；')}`);
      const problem = result.notice?.problem === true || result.skipped > 0 || result.problems.length > 0;
      if (notes.length > 0 || result.edits.length === 0) onMessage(result.edits.length === 0 && notes.length === 0 ? '粘贴的内容与表中数值相同，没有改动。' : notes.join('。'), problem || result.edits.length === 0);
    },
    [onEdits, onMessage, readOnly],
  );

  const keys = useSpreadsheetKeys(apiRef, { onCommand, onPaste: onPasteText });

  // Typing in a cell editor: derived figures follow the number as it is typed (before Enter).
  const draftOf = useCallback(
    (text: string, rowIndex: number, colId: string) => {
      const row = rowsRef.current[rowIndex];
      if (row === undefined || !isValueColumn(colId)) return;
      const parsed = parseCellNumber(text, row.kind, row.unit);
      if (returnId !== undefined) keepTypingDraft({ returnId, kind: 'cell', code: row.code, column: colId, text });
      onDraft(parsed.ok ? { code: row.code, column: colId, before: cellNumber(valuesRef.current, row.code, colId), after: parsed.value } : null);
    },
    [onDraft, returnId],
  );

  const onInputCapture = useCallback(
    (event: FormEvent<HTMLElement>) => {
      const editing = apiRef.current?.getEditingCells()[0];
      if (!(event.target instanceof HTMLInputElement) || editing?.column === undefined) return;
      draftOf(event.target.value, editing.rowIndex, editing.column.getColId());
    },
    [draftOf],
  );

  // An edit begun by typing starts with that key already in the editor, and no input event says
  // so: the first keystroke's figure is drafted here, or the growth would wait for the second key.
  const onCellEditingStarted = useCallback(
    (event: CellEditingStartedEvent<IndicatorRow>) => {
      const colId = event.column.getColId();
      const rowIndex = event.rowIndex;
      if (rowIndex === null || !isValueColumn(colId)) return;
      const value: unknown = event.api.getCellEditorInstances()[0]?.getValue();
      const text = value === null || value === undefined ? undefined : String(value);
      const row = rowsRef.current[rowIndex];
      if (text === undefined || row === undefined) return;
      const stored = cellNumber(valuesRef.current, row.code, colId);
      if (text.trim() === (stored === null ? '' : String(stored))) return;
      draftOf(text, rowIndex, colId);
    },
    [draftOf],
  );

  // AG Grid restyles only cells whose value changed; a new issue can mark a cell whose value did not.
  // Restyle the rows whose issues changed, but never a row being edited (a refresh would drop the
  // editor and the keys the clerk is typing into it); that row is restyled on a later change.
  const issueMarks = useRef(new Map<string, string>());
  useEffect(() => {
    const api = apiRef.current;
    if (api === null) return;
    const editing = new Set(api.getEditingCells().map((c) => c.rowIndex));
    const nodes = rows.flatMap((row, index) => {
      const mark = [...row.issues.current, ...row.issues.lastYear].map((i) => `${i.key}:${i.severity}:${i.explained === true ? 1 : 0}`).join('|');
      if (issueMarks.current.get(row.code) === mark || editing.has(index)) return [];
      issueMarks.current.set(row.code, mark);
      const node = api.getRowNode(row.code);
      return node === undefined ? [] : [node];
    });
    if (nodes.length > 0) api.refreshCells({ rowNodes: nodes, force: true });
  }, [rows]);

  const onGridReady = useCallback(
    (event: GridReadyEvent<IndicatorRow>) => {
      apiRef.current = event.api;
      onApi(sectionId, event.api);
    },
    [onApi, sectionId],
  );

  return (
    <section className="section-grid" data-section={sectionId} onKeyDownCapture={(event) => {
        if (onEdgeEnter(event)) return;
        onLockedTyping(event);
        keys.onKeyDownCapture(event);
      }} onPaste={keys.onPaste} onInputCapture={onInputCapture}>
      <h3 className="section-title">{title}</h3>
      {children}
      <textarea ref={keys.pasteTarget} className="paste-target" aria-hidden="true" tabIndex={-1} readOnly={false} />
      <AgGridReact<IndicatorRow>
        theme={gridTheme}
        {...spreadsheetGridOptions}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={sectionRowId}
        domLayout="autoHeight"
        // A fixed header of two lines (同比增长 / （%）): no header measured on first paint (autoHeaderHeight would force a layout per grid).
        headerHeight={SECTION_HEADER_HEIGHT}
        navigateToNextCell={navigateToNextCell}
        tabToNextCell={tabToNextCell}
        onCellEditRequest={onCellEditRequest}
        onCellEditingStarted={onCellEditingStarted}
        onCellEditingStopped={(event) => {
          onDraft(null);
          // The edit is now a cell edit request (saved) or given up with Esc: its draft is done.
          const colId = event.column.getColId();
          if (returnId !== undefined && event.data !== undefined && isValueColumn(colId)) dropTypingDraft({ returnId, kind: 'cell', code: event.data.code, column: colId });
        }}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => {
          apiRef.current = null;
          onApi(sectionId, null);
        }}
        localeText={SECTION_LOCALE}
      />
    </section>
  );
}

/**
 * The section grid, drawn again only when what it shows changed: its rows (kept as the same
 * array while no figure of the section moved, see keepUnchangedRows), the stored values, or
 * whether it is read-only. A keystroke in one section thus redraws that section only. The
 * callbacks are not compared: the form's are stable or read what they need at call time, and
 * `formTable` (for a paste running past the section) changes with drafts only, which a paste
 * does not read — any commit changes `values` and so redraws every section with a fresh one.
 */
export const KeptSectionGrid = memo(
  SectionGrid,
  (a, b) => a.rows === b.rows && a.values === b.values && a.readOnly === b.readOnly && a.returnId === b.returnId && a.title === b.title && a.sectionId === b.sectionId && a.onDraft === b.onDraft && a.onUndo === b.onUndo && a.onRedo === b.onRedo,
);
