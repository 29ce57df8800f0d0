import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { computeReturn } from '../../src-shared/compute';
import { AggregateMemo } from '../../src-shared/expr';
import type { ComputedReturn, CoverInfo, IndicatorSet, ValidationIssue, Zone, ZoneReturn } from '../../src-shared/model';
import { findIndicatorSet } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import type { Repository, ReturnRecord, ReturnStatus } from '../db';
import { UndoStack } from '../grid/undo-stack';
import { COVER_FIELDS } from './cover-patch';
import { submittedReturn } from './submitted-return';
import { initialSaveState, saveLabel, trackSave, type SaveLabel } from './save-tracker';
import { applyValueEdits, invertValueEdits, type ValueEdit } from './value-edits';

/** Runs `body` as a performance measure named `name` (seen in a Chromium trace and by the browser benchmark). */
export function timed<T>(name: string, body: () => T): T {
  const start = performance.now();
  try {
    return body();
  } finally {
    performance.measure(name, { start });
  }
}

/** Aggregates over rosters, kept by the roster array (weakly): one per roster version of a zone. */
const sharedAggregateMemo = new AggregateMemo();

/** A zone set up in the return's year (or later) has no 上年同期; the set says how that is treated. */
const isNewIn = (establishedYear: number | undefined, year: number): boolean => establishedYear !== undefined && establishedYear >= year;

export interface ReturnEditor {
  set: IndicatorSet;
  record: ReturnRecord;
  status: ReturnStatus;
  ret: ZoneReturn;
  lastYearReturn: ZoneReturn | undefined;
  computed: ComputedReturn;
  issues: ValidationIssue[];
  readOnly: boolean;
  save: SaveLabel;
  /** Saves edits as one undo step. */
  edit(edits: ValueEdit[]): void;
  /** The number being typed into a cell (null when no cell is being edited), for live derived figures. */
  setDraft(draft: ValueEdit | null): void;
  undo(): void;
  redo(): void;
  saveText(code: string, text: string): Promise<void>;
  saveExplanation(key: string, text: string): void;
  /** Saves cover fields; resolves with the refusal's message, or null once committed. */
  saveCover(patch: Partial<CoverInfo>): Promise<string | null>;
  message: { text: string; problem: boolean } | null;
  say(text: string, problem?: boolean): void;
}

export type EditorState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; editor: ReturnEditor };

interface Loaded {
  set: IndicatorSet;
  record: ReturnRecord;
  ret: ZoneReturn;
  lastYearReturn: ZoneReturn | undefined;
}

function issuesText(issues: ReadonlyArray<{ message: string }>): string {
  return issues.map((i) => i.message).join('；');
}

/**
 * One return open for editing: loaded from the database, recomputed and revalidated on every
 * change, every edit saved at once (undo and redo too, as new saves). The screen shows the
 * edit immediately; 已保存 comes only from the database's commit.
 */
export function useReturnEditor(repo: Repository, returnId: string, zone: Zone, who: string): EditorState {
  const [loaded, setLoaded] = useState<Loaded | { failed: string } | null>(null);
  const [saveState, dispatchSave] = useReducer(trackSave, initialSaveState);
  const [status, setStatus] = useState<ReturnStatus>('未填');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const undoStack = useRef(new UndoStack<ValueEdit[]>());

  useEffect(() => {
    let live = true;
    undoStack.current.clear();
    void (async () => {
      const result = await repo.loadReturn(returnId);
      if (!live) return;
      if (!result.ok) {
        setLoaded({ failed: issuesText(result.issues) });
        return;
      }
      const { record, zoneReturn, submitted } = result.value;
      const set = findIndicatorSet(record.indicatorSet.id, record.indicatorSet.version);
      if (set === undefined) {
        setLoaded({ failed: `本程序中没有该报表使用的指标集“${record.indicatorSet.id}（${record.indicatorSet.version}版）”。请安装最新版本的程序。` });
        return;
      }
      const lastYearReturn = result.value.lastYear;
      setStatus(record.status);
      setLoaded({ set, record, ret: submittedReturn(record.status, submitted) ?? zoneReturn, lastYearReturn });
    })();
    return () => {
      live = false;
    };
  }, [repo, returnId]);

  const ready = loaded !== null && !('failed' in loaded) ? loaded : null;
  const ret = ready?.ret;
  const set = ready?.set;
  const lastYearReturn = ready?.lastYearReturn;
  const [draft, setDraftState] = useState<ValueEdit | null>(null);
  // The roster's count(...) and sum(...) are kept while only indicator values change (a large roster would slow every keystroke),
  // and across openings: the repository gives the same roster array while the zone's roster version stays.
  const aggregateMemo = sharedAggregateMemo;
  const committed = useMemo(() => (set && ret ? timed('open:compute', () => computeReturn(set, ret, { lastYearReturn, zoneType: zone.type, aggregateMemo, newZone: isNewIn(zone.establishedYear, ret.period.year) })) : { figures: {} }), [set, ret, lastYearReturn, zone.type, zone.establishedYear, aggregateMemo]);
  // While a cell is being typed into, the derived figures follow the typed number; the checks wait for the commit.
  const computed = useMemo(
    () => (set && ret && draft !== null ? timed('key:compute', () => computeReturn(set, { ...ret, values: applyValueEdits(ret.values, [draft]) }, { lastYearReturn, zoneType: zone.type, aggregateMemo, newZone: isNewIn(zone.establishedYear, ret.period.year) })) : committed),
    [set, ret, draft, lastYearReturn, zone.type, zone.establishedYear, committed, aggregateMemo],
  );
  const issues = useMemo(() => (set && ret ? timed('open:validate', () => validateReturn(set, ret, committed, { lastYearReturn, zoneType: zone.type, newZone: isNewIn(zone.establishedYear, ret.period.year) })) : []), [set, ret, committed, lastYearReturn, zone.type, zone.establishedYear]);
  const setDraft = useCallback((next: ValueEdit | null) => {
    setDraftState((prev) => (prev === next || (prev !== null && next !== null && prev.code === next.code && prev.column === next.column && prev.after === next.after) ? prev : next));
  }, []);

  const setRet = useCallback((change: (ret: ZoneReturn) => ZoneReturn) => {
    setLoaded((prev) => (prev !== null && !('failed' in prev) ? { ...prev, ret: change(prev.ret) } : prev));
  }, []);

  const say = useCallback((text: string, problem = false) => setMessage({ text, problem }), []);

  // A plain notice (已撤销…) fades after a while; a problem stays until the next message.
  useEffect(() => {
    if (message === null || message.problem) return;
    const timer = setTimeout(() => setMessage((m) => (m === message ? null : m)), 8000);
    return () => clearTimeout(timer);
  }, [message]);

  /** Shows the edits, saves them in one transaction, and takes them back off the screen if the save fails. */
  const write = useCallback(
    async (edits: ValueEdit[]): Promise<boolean> => {
      setRet((r) => ({ ...r, values: applyValueEdits(r.values, edits) }));
      dispatchSave({ kind: 'started' });
      const result = await repo.saveValues({ returnId, who, cells: edits.map((e) => ({ code: e.code, column: e.column, value: e.after })) });
      if (result.ok) {
        dispatchSave({ kind: 'committed', savedAt: result.value.savedAt });
        setStatus(result.value.status);
        return true;
      }
      setRet((r) => ({ ...r, values: applyValueEdits(r.values, invertValueEdits(edits)) }));
      dispatchSave({ kind: 'failed', message: issuesText(result.issues) });
      say(issuesText(result.issues), true);
      return false;
    },
    [repo, returnId, who, say, setRet],
  );

  const edit = useCallback(
    (edits: ValueEdit[]) => {
      if (edits.length === 0) return;
      // A valid edit ends an earlier problem message (a cell that could not be read no longer holds);
      // what this edit brings (a paste's notes) is said after this, so it stays.
      setMessage((m) => (m?.problem === true ? null : m));
      undoStack.current.push(edits);
      void write(edits).then((ok) => {
        // A refused save leaves nothing to undo.
        if (!ok) undoStack.current.discard(edits);
      });
    },
    [write],
  );

  const undo = useCallback(() => {
    const batch = undoStack.current.undo();
    if (batch === undefined) {
      say('没有可以撤销的修改。');
      return;
    }
    void write(invertValueEdits(batch)).then((ok) => {
      if (!ok) undoStack.current.restore(batch, 'undo');
      else say(`已撤销：${batch.length} 个单元格。`);
    });
  }, [write, say]);

  const redo = useCallback(() => {
    const batch = undoStack.current.redo();
    if (batch === undefined) {
      say('没有可以恢复的修改。');
      return;
    }
    void write(batch).then((ok) => {
      if (!ok) undoStack.current.restore(batch, 'redo');
      else say(`已恢复：${batch.length} 个单元格。`);
    });
  }, [write, say]);

  const saveText = useCallback(
    async (code: string, text: string): Promise<void> => {
      setRet((r) => ({ ...r, values: { ...r.values, [code]: { current: text } } }));
      dispatchSave({ kind: 'started' });
      const result = await repo.saveText(returnId, code, text, who);
      // The box keeps the refused text: the header says 保存失败 until this text is saved.
      if (!result.ok) {
        dispatchSave({ kind: 'failed', message: issuesText(result.issues), key: `text:${code}` });
        throw new Error(issuesText(result.issues));
      }
      dispatchSave({ kind: 'committed', savedAt: result.value.savedAt, key: `text:${code}` });
      setStatus(result.value.status);
    },
    [repo, returnId, who, setRet],
  );

  const saveExplanation = useCallback(
    (key: string, text: string) => {
      setRet((r) => {
        const explanations = { ...r.explanations };
        if (text.trim() === '') delete explanations[key];
        else explanations[key] = text;
        return { ...r, explanations };
      });
      dispatchSave({ kind: 'started' });
      void repo.saveExplanation(returnId, key, text, who).then((result) => {
        if (result.ok) {
          dispatchSave({ kind: 'committed', savedAt: result.value.savedAt, key: `explanation:${key}` });
          setStatus(result.value.status);
        } else {
          dispatchSave({ kind: 'failed', message: issuesText(result.issues), key: `explanation:${key}` });
          say(issuesText(result.issues), true);
        }
      });
    },
    [repo, returnId, who, say, setRet],
  );

  const saveCover = useCallback(
    async (patch: Partial<CoverInfo>): Promise<string | null> => {
      dispatchSave({ kind: 'started' });
      const result = await repo.saveCover(returnId, patch, who);
      // The cover's fields keep what was typed; one key per field, so saving another field does not hide this one.
      const keys = Object.keys(patch).map((k) => `cover:${k}`);
      if (!result.ok) {
        const text = issuesText(result.issues);
        dispatchSave({ kind: 'failed', message: text, key: keys.join(',') });
        return text;
      }
      setRet((r) => {
        const cover: CoverInfo = { ...r.cover };
        for (const { key } of COVER_FIELDS) {
          if (!(key in patch)) continue;
          const value = patch[key];
          if (value === undefined || value === '') delete cover[key];
          else cover[key] = value;
        }
        return { ...r, cover };
      });
      dispatchSave({ kind: 'committed', savedAt: result.value.savedAt, key: keys.join(',') });
      setStatus(result.value.status);
      return null;
    },
    [repo, returnId, who, setRet],
  );

  if (loaded === null) return { kind: 'loading' };
  if ('failed' in loaded) return { kind: 'failed', message: loaded.failed };
  return {
    kind: 'ready',
    editor: {
      set: loaded.set,
      record: loaded.record,
      status,
      ret: loaded.ret,
      lastYearReturn: loaded.lastYearReturn,
      computed,
      issues,
      readOnly: status === '已报送',
      save: saveLabel(saveState),
      edit,
      setDraft,
      undo,
      redo,
      saveText,
      saveExplanation,
      saveCover,
      message,
      say,
    },
  };
}
