import { describe, expect, it } from 'vitest';
import type { SaveFileArgs, SaveOutcome } from '../../src-shared/ipc/contract';
import { fileBusyIssue } from '../../src-shared/ipc/contract';
import type { Result, Zone } from '../../src-shared/model';
import { readSubmissionWorkbook, returnJson } from '../../src-shared/workbook';
import type { Repository } from '../db';
import { expectOk, REGISTRY, repositoryWithReturn } from '../db/test-support';
import { inThreadWorkbookService } from './workbook-client';
import { exportDraft, exportSubmission, loadSubmission, submitPrompt, markReturnValidated, reopenSubmittedReturn, zoneOutbox, type ExportDeps } from './submission-store';

const found = REGISTRY.zones.find((z) => z.id === 'jincheng-kfq');
if (!found) throw new Error('jincheng-kfq missing from the test registry');
const zone: Zone = found;
const who = '张明';

/** A return with the required figures and two texts, and 规上工业增加值 up 91%: one warning (gyzjz-growth). */
async function filledReturn(): Promise<{ repo: Repository; returnId: string }> {
  const { repo, returnId } = await repositoryWithReturn();
  const figures: Record<string, [number, number]> = { gyzjz: [100, 52.3], gytz: [16.92, 10.85], zxxmtz: [15.7, 10], gyzcz: [248.6, 211.4] };
  expectOk(
    await repo.saveValues({
      returnId,
      who,
      cells: Object.entries(figures).flatMap(([code, [current, lastYear]]) => [
        { code, column: 'current' as const, value: current },
        { code, column: 'lastYear' as const, value: lastYear },
      ]),
    }),
  );
  expectOk(await repo.saveText(returnId, 'txtHighlights', '=引进康佳智慧科技城项目', who));
  expectOk(await repo.saveText(returnId, 'txtMeasures', '开展“政府+链主企业+园区”招商。', who));
  return { repo, returnId };
}

interface SavedFile {
  args: SaveFileArgs;
}

function host(outcomes: Array<Result<SaveOutcome>>): { deps: (repo: Repository) => ExportDeps; saved: SavedFile[] } {
  const saved: SavedFile[] = [];
  let ids = 0;
  let clock = Date.UTC(2024, 3, 8, 8, 0, 0);
  return {
    saved,
    deps: (repo) => ({
      repo,
      workbook: inThreadWorkbookService(),
      now: () => new Date((clock += 60_000)),
      newSubmissionId: () => `0f8fad5b-d9cb-469f-a165-70867728950${(ids += 1)}`,
      saveFile: async (args) => {
        saved.push({ args });
        const next = outcomes.shift();
        if (!next) throw new Error('unexpected save');
        return next;
      },
    }),
  };
}

const downloaded = (fileName: string): Result<SaveOutcome> => ({ ok: true, value: { kind: 'downloaded', fileName }, issues: [] });

async function load(repo: Repository, returnId: string) {
  return expectOk(await loadSubmission(repo, returnId, zone));
}

describe('the submission of a return', () => {
  it('validates, explains, exports revision 1 (locked), reopens with a reason, exports revision 2', async () => {
    const { repo, returnId } = await filledReturn();
    const { deps, saved } = host([downloaded('晋城开发区_2024年1–3月_报送_第1版.xlsx'), downloaded('晋城开发区_2024年1–3月_报送_第2版.xlsx')]);

    let state = await load(repo, returnId);
    expect(state.gate.errors).toEqual([]);
    expect(state.gate.unexplained.map((i) => i.key)).toEqual(['rule:gyzjz-growth']);
    const refused = await markReturnValidated(repo, state, who);
    expect(refused.ok ? undefined : refused.issues[0]?.code).toBe('warnings-unexplained');
    // Export is refused before 已校验.
    expect(await exportSubmission(deps(repo), state, zone, who)).toMatchObject({ kind: 'failed', issues: [{ code: 'not-validated' }] });

    expectOk(await repo.saveExplanation(returnId, 'rule:gyzjz-growth', '一季度两家企业新投产，增加值大幅增长。', who));
    state = await load(repo, returnId);
    expect(state.gate.passed).toBe(true);
    expectOk(await markReturnValidated(repo, state, who));
    state = await load(repo, returnId);
    expect(state.lifecycle.state).toBe('已校验');

    const first = await exportSubmission(deps(repo), state, zone, who);
    expect(first.kind).toBe('exported');
    expect(saved[0]?.args.suggestedName).toBe('晋城开发区_2024年1–3月_报送_第1版.xlsx');
    const read = await readSubmissionWorkbook(saved[0]?.args.bytes ?? new Uint8Array());
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value).toMatchObject({ intact: true, revision: 1 });
    expect(returnJson(read.value.ret)).toBe(returnJson(state.ret));
    expect(read.value.ret.explanations['rule:gyzjz-growth']).toBe('一季度两家企业新投产，增加值大幅增长。');

    state = await load(repo, returnId);
    expect(state.lifecycle).toMatchObject({ state: '已报送', revision: 1 });
    expect(state.submitted?.sha256).toBe(read.value.checksum.stored);
    // Locked: the return's own data can no longer be changed.
    const edit = await repo.saveValue(returnId, 'gyzjz', 'current', 101, who);
    expect(edit.ok ? undefined : edit.issues[0]?.code).toBe('return-locked');

    const noReason = await reopenSubmittedReturn(repo, state, '  ', '李秀英');
    expect(noReason.ok ? undefined : noReason.issues[0]?.code).toBe('reason-required');
    expectOk(await reopenSubmittedReturn(repo, state, '市局要求核对工业投资', '李秀英'));
    state = await load(repo, returnId);
    expect(state.lifecycle).toMatchObject({ state: '退回修改', revision: 1, reopenReason: '市局要求核对工业投资' });
    expectOk(await repo.saveValue(returnId, 'gytz', 'current', 17.02, who));
    state = await load(repo, returnId);
    expectOk(await markReturnValidated(repo, state, who));
    state = await load(repo, returnId);

    const second = await exportSubmission(deps(repo), state, zone, who);
    expect(second.kind).toBe('exported');
    const read2 = await readSubmissionWorkbook(saved[1]?.args.bytes ?? new Uint8Array());
    expect(read2.ok && [read2.value.revision, read2.value.ret.values['gytz']?.current]).toEqual([2, 17.02]);

    const outbox = await zoneOutbox(repo, zone.id);
    expect(outbox.map((r) => [r.revision, r.superseded, r.fileName])).toEqual([
      [2, false, '晋城开发区_2024年1–3月_报送_第2版.xlsx'],
      [1, true, '晋城开发区_2024年1–3月_报送_第1版.xlsx'],
    ]);
    state = await load(repo, returnId);
    expect(state.history.map((e) => [e.new, e.who])).toEqual([
      ['填报中', who],
      ['已校验', who],
      ['已报送', who],
      ['退回修改', '李秀英'],
      ['已校验', who],
      ['已报送', who],
    ]);
  });

  it.each([
    ['busy', { ok: false, issues: [fileBusyIssue('报送.xlsx')] } satisfies Result<SaveOutcome>, 'busy'],
    ['cancelled', { ok: true, value: { kind: 'cancelled' }, issues: [] } satisfies Result<SaveOutcome>, 'cancelled'],
  ])('a save that is %s records nothing and leaves the return 已校验', async (_label, outcome, kind) => {
    const { repo, returnId } = await filledReturn();
    expectOk(await repo.saveExplanation(returnId, 'rule:gyzjz-growth', '新投产', who));
    expectOk(await markReturnValidated(repo, await load(repo, returnId), who));
    const { deps } = host([outcome]);
    const result = await exportSubmission(deps(repo), await load(repo, returnId), zone, who);
    expect(result.kind).toBe(kind);
    if (result.kind === 'busy') expect(result.message).toContain('另存为');
    const state = await load(repo, returnId);
    expect(state.lifecycle).toMatchObject({ state: '已校验', revision: 0 });
    expect(await zoneOutbox(repo, zone.id)).toEqual([]);
  });

  it('导出草稿 writes the same workbook marked as a draft and locks nothing, queues nothing', async () => {
    const { repo, returnId } = await filledReturn();
    const { deps, saved } = host([downloaded('晋城开发区_2024年1–3月_草稿_第1版.xlsx')]);
    const before = await load(repo, returnId);
    // Any state before 已报送 may be exported as a draft, errors and unexplained warnings included.
    expect(before.gate.passed).toBe(false);
    const draft = await exportDraft(deps(repo), before, zone);
    expect(draft).toMatchObject({ kind: 'exported', revision: 1, how: 'downloaded' });
    expect(saved[0]?.args.suggestedName).toBe('晋城开发区_2024年1–3月_草稿_第1版.xlsx');
    const read = await readSubmissionWorkbook(saved[0]?.args.bytes ?? new Uint8Array());
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value).toMatchObject({ intact: true, draft: true, revision: 1 });
    const after = await load(repo, returnId);
    expect(after.lifecycle).toEqual(before.lifecycle);
    expect(await zoneOutbox(repo, zone.id)).toEqual([]);
    expect(await repo.listUploads()).toEqual([]);
    expect(submitPrompt(after)).toBe('报送后本期报表将锁定，生成第 1 版报送工作簿。');
  });
});
