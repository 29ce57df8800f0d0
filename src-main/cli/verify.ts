/**
 * `zone-returns verify <file.xlsx>`: reads a submission workbook and prints, as JSON, the return's
 * identity, its revision, whether the checksum holds, whether the visible sheets agree with the
 * data, and every problem found. Exit 0 only when the workbook is intact.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_WORKBOOK_BYTES, readSubmissionWorkbook } from '../../src-shared/workbook';

const USAGE = '用法: zone-returns verify <报送工作簿.xlsx>';

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export async function run(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (file === undefined || file.startsWith('-') || extra.length > 0) {
    process.stderr.write(`${file === undefined ? '缺少报送工作簿文件。' : '参数有误。'}\n${USAGE}\n`);
    return 2;
  }
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > MAX_WORKBOOK_BYTES) {
      process.stderr.write(`文件 ${name} 太大（${size} 字节），不是报送工作簿。\n`);
      return 1;
    }
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    process.stderr.write(`无法读取文件 ${name}（${error instanceof Error ? error.message : String(error)}）。请确认文件存在。\n`);
    return 1;
  }

  const read = await readSubmissionWorkbook(bytes, { fileName: name });
  if (!read.ok) {
    print({ ok: false, file: name, intact: false, problems: read.issues });
    process.stderr.write(`${name}：无法读取报表数据。${read.issues[0]?.message ?? ''}\n`);
    return 1;
  }
  const { identity, revision, checksum, checksumOk, metadataOk, tableOk, intact, verdict } = read.value;
  print({ ok: true, file: name, identity, revision, checksumOk, metadataOk, tableOk, intact, verdict, sha256: checksum, problems: read.issues });
  process.stderr.write(
    intact
      ? `${name}：${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版，校验码一致，表格与数据相符。${verdict.text}。\n`
      : `${name}：${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版，${checksumOk ? '校验码一致' : '校验码不一致'}，发现 ${read.issues.length} 处问题（见 problems）。${verdict.text}。\n`,
  );
  return intact ? 0 : 1;
}
