/**
 * Gathers the returns a bulletin is drafted from: submission workbooks (read and verified with
 * `readSubmissionWorkbook`), city summary workbooks (市汇总表, `readCitySummaryWorkbook`: the zones'
 * returns it carries) and return JSON files (`parseReturn`). Kept in one function so that the
 * bureau's `collect` (issue 10) can take its place and feed the same returns.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { IndicatorSet, Result, UserIssue, ZoneReturn } from '../../src-shared/model';
import { parseReturn } from '../../src-shared/return';
import { findIndicatorSet } from '../../src-shared/seeds';
import { MAX_WORKBOOK_BYTES, readCitySummaryWorkbook, readSubmissionWorkbook } from '../../src-shared/workbook';

export interface GatheredReturns {
  set: IndicatorSet;
  returns: ZoneReturn[];
}

const fail = (message: string, file: string): Result<never> => ({ ok: false, issues: [{ code: 'bad-input', severity: 'error', message, location: { file } }] });

async function readOne(path: string): Promise<Result<ZoneReturn[]>> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    if (statSync(path).size > MAX_WORKBOOK_BYTES) return fail(`文件 ${name} 太大，不是报表或报送工作簿。`, name);
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    return fail(`无法读取文件 ${name}（${error instanceof Error ? error.message : String(error)}）。请确认文件存在。`, name);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      return fail(`${name} 不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）。`, name);
    }
    const r = parseReturn(json, name);
    return r.ok ? { ok: true, value: [r.value], issues: [] } : r;
  }
  if (ext === '.xlsx') {
    const read = await readSubmissionWorkbook(bytes, { fileName: name });
    if (!read.ok) {
      const summary = await readCitySummaryWorkbook(bytes, name);
      if (summary.ok) {
        if (!summary.value.checksumOk) return fail(`${name}：数据页的校验码不符，市汇总表在导出后被改动过，不能用来起草通报。`, name);
        const rets: ZoneReturn[] = [];
        for (const [i, ret] of (Array.isArray(summary.value.payload.returns) ? summary.value.payload.returns : []).entries()) {
          const r = parseReturn(ret, `${name} 的第${i + 1}份报表`);
          if (!r.ok) return r;
          rets.push(r.value);
        }
        if (rets.length === 0) return fail(`${name}：市汇总表里没有开发区的报表。`, name);
        return { ok: true, value: rets, issues: [] };
      }
      return { ok: false, issues: read.issues.map((i) => ({ ...i, message: `${name}：${i.message}（此处只接受各开发区的报送工作簿、市汇总表或报表 JSON）` })) };
    }
    if (!read.value.intact) return fail(`${name} 与导出时不一致（${read.issues[0]?.message ?? '校验未通过'}），不能用来起草通报。请向开发区索取原报送工作簿。`, name);
    return { ok: true, value: [read.value.ret], issues: [] };
  }
  return fail(`${name}：只接受 .xlsx 报送工作簿或 .json 报表文件。`, name);
}

/** Reads every file; all returns must use one indicator set. Problems of every file are reported together. */
export async function gatherReturns(paths: string[]): Promise<Result<GatheredReturns>> {
  const issues: UserIssue[] = [];
  const returns: ZoneReturn[] = [];
  for (const p of paths) {
    const r = await readOne(p);
    if (r.ok) returns.push(...r.value);
    else issues.push(...r.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  const first = returns[0];
  if (!first) return { ok: false, issues: [{ code: 'no-input', severity: 'error', message: '没有给出报表文件。' }] };
  const set = findIndicatorSet(first.indicatorSet.id, first.indicatorSet.version);
  if (!set) return fail(`找不到报表所用的指标集「${first.indicatorSet.id} ${first.indicatorSet.version}」。`, paths[0] ?? '');
  return { ok: true, value: { set, returns }, issues: [] };
}
