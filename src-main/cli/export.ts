/**
 * `zone-returns export <return.json> -o <file.xlsx> [--revision N] [--submission-id UUID] [--force]`
 * Computes and validates a return, writes its submission workbook atomically, and prints the
 * submission's identity and checksum as JSON. A return with errors or unexplained warnings is
 * refused (exit 1) unless `--force`; the workbook then says 校验未通过 on its validation sheet.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { computeReturn } from '../../src-shared/compute';
import { isUuidV4, uuidV4 } from '../../src-shared/crypto';
import type { UserIssue } from '../../src-shared/model';
import { periodLabel } from '../../src-shared/period';
import { parseReturn } from '../../src-shared/return';
import { findIndicatorSet } from '../../src-shared/seeds';
import { hasHardErrors, unexplainedWarnings, validateReturn } from '../../src-shared/validate';
import { MAX_WORKBOOK_BYTES, submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';
import { writeFileAtomic } from '../files/atomic-write';

const USAGE = '用法: zone-returns export <报表.json> -o <报送工作簿.xlsx> [--revision 版次] [--submission-id 报送编号UUID] [--exported-at ISO时间] [--force]';

interface ExportArgs {
  input: string;
  output: string;
  revision: number;
  submissionId?: string;
  exportedAt?: string;
  force: boolean;
}

export function parseExportArgs(args: string[]): ExportArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  let revision = 1;
  let submissionId: string | undefined;
  let exportedAt: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = (): string | undefined => args[++i];
    if (arg === '-o' || arg === '--output') {
      output = next();
      if (output === undefined) return '-o 后面要写报送工作簿的文件名（.xlsx）。';
    } else if (arg === '--revision') {
      const text = next() ?? '';
      revision = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(revision) || revision < 1) return `--revision 应为从 1 开始的整数，实为「${text}」。`;
    } else if (arg === '--submission-id') {
      submissionId = (next() ?? '').toLowerCase();
      if (!isUuidV4(submissionId)) return `--submission-id 应为 UUID（第 4 版，如 6f1c2d3e-4b5a-4c6d-8e7f-001122334455），实为「${submissionId}」。`;
    } else if (arg === '--exported-at') {
      exportedAt = next() ?? '';
      if (Number.isNaN(Date.parse(exportedAt))) return `--exported-at 应为 ISO 时间（如 2024-04-08T08:30:00Z），实为「${exportedAt}」。`;
    } else if (arg === '--force') {
      force = true;
    } else if (arg.startsWith('-')) {
      return `不认识的参数「${arg}」。`;
    } else if (input === undefined) {
      input = arg;
    } else {
      return `多余的参数「${arg}」：一次只能导出一张报表。`;
    }
  }
  if (input === undefined) return '缺少报表文件（JSON）。';
  if (output === undefined) return '缺少 -o <报送工作簿.xlsx>。';
  if (!/\.xlsx$/i.test(output)) return `报送工作簿的文件名应以 .xlsx 结尾，实为「${output}」。`;
  const parsed: ExportArgs = { input, output, revision, force };
  if (submissionId !== undefined) parsed.submissionId = submissionId;
  if (exportedAt !== undefined) parsed.exportedAt = new Date(exportedAt).toISOString();
  return parsed;
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

function fail(message: string, issues: UserIssue[] = []): number {
  process.stderr.write(`${message}\n`);
  if (issues.length > 0) print({ ok: false, issues });
  return 1;
}

function readJsonFile(path: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const size = statSync(path).size;
    if (size > MAX_WORKBOOK_BYTES) return { ok: false, message: `报表文件 ${basename(path)} 太大（${size} 字节），不是报表。` };
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return { ok: true, value };
  } catch (error) {
    const detail = error instanceof SyntaxError ? `不是有效的 JSON：${error.message}` : error instanceof Error ? error.message : String(error);
    return { ok: false, message: `无法读取报表文件 ${basename(path)}（${detail}）。请确认文件存在，且是本程序导出的报表 JSON。` };
  }
}

export async function run(argv: string[]): Promise<number> {
  const args = parseExportArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  const json = readJsonFile(args.input);
  if (!json.ok) return fail(json.message);
  const parsed = parseReturn(json.value, basename(args.input));
  if (!parsed.ok) return fail(`报表文件 ${basename(args.input)} 有误，未导出。`, parsed.issues);
  const ret = parsed.value;

  const set = findIndicatorSet(ret.indicatorSet.id, ret.indicatorSet.version);
  if (!set) return fail(`本程序没有报表所用的指标体系「${ret.indicatorSet.id} ${ret.indicatorSet.version}」，请升级程序后再导出。`);
  const zone = submissionZone(ret.zoneId);
  if (!zone) return fail(`开发区「${ret.zoneId}」不在开发区名录中，请检查报表的 zoneId。`);

  const computed = computeReturn(set, ret, { zoneType: zone.type });
  const issues = validateReturn(set, ret, computed, { zoneType: zone.type });
  const errors = issues.filter((i) => i.severity === 'error');
  const unexplained = unexplainedWarnings(issues);
  if ((hasHardErrors(issues) || unexplained.length > 0) && !args.force) {
    return fail(
      `报表未通过校验：错误 ${errors.length} 条，未说明的提示 ${unexplained.length} 条。请在程序中改正错误、为提示填写合理性说明后再导出（或加 --force 导出草稿）。`,
      [...errors, ...unexplained].map((i) => ({ code: i.code, severity: i.severity, message: i.message, location: { path: i.key } })),
    );
  }

  const written = await writeSubmissionWorkbook({
    set,
    ret,
    computed,
    issues,
    zone,
    submissionId: args.submissionId ?? uuidV4(),
    revision: args.revision,
    exportedAt: args.exportedAt ?? new Date().toISOString(),
  });
  const target = resolve(args.output);
  const saved = await writeFileAtomic(target, written.bytes);
  if (saved.kind !== 'written') return fail(saved.message);

  print({
    ok: true,
    file: target,
    bytes: written.bytes.length,
    submissionId: written.payload.submissionId,
    revision: written.payload.revision,
    sha256: written.checksum,
    zone: { id: zone.id, name: zone.name },
    period: periodLabel(ret.period),
    indicatorSet: { id: set.id, version: set.version },
    validation: { errors: errors.length, warnings: issues.length - errors.length, unexplained: unexplained.length },
  });
  return 0;
}
