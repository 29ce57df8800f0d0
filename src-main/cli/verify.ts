/**
 * `zone-returns verify <file.xlsx>`: reads a submission workbook and prints, as JSON, the return's
 * identity, its revision, whether the checksum holds, whether the visible sheets agree with the
 * data, and every problem found. Exit 0 only when the workbook is intact and a submission (a
 * 导出草稿 workbook is reported as a draft and exits 1, as a refused file does).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { checkSignatureRecord } from '../../src-shared/collect-protocol';
import { MAX_WORKBOOK_BYTES, readSubmissionWorkbook, verdictText, type SignatureStatus, type SubmissionIdentity, type SubmissionVerdict } from '../../src-shared/workbook';

const USAGE = '用法: zone-returns verify <报送工作簿.xlsx> [--signature 签名记录.sig.json]（默认读取同目录的 <文件>.sig.json）';

interface SignatureVerdict {
  ok: boolean;
  file: string;
  deviceId?: string;
  zoneId?: string;
  zoneName?: string;
  receivedAt?: string;
  message: string;
}

/**
 * The signature record the collection server returned with the upload (saved by `push`, or
 * downloaded by the bureau beside the workbook): checked against these bytes and this identity.
 */
function checkSignatureFile(path: string, bytes: Uint8Array, identity: SubmissionIdentity, sha256: string): SignatureVerdict {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, file: basename(path), message: `无法读取签名记录 ${basename(path)}（${error instanceof Error ? error.message : String(error)}）。` };
  }
  const check = checkSignatureRecord(record, bytes);
  if (!check.ok) return { ok: false, file: basename(path), message: check.message };
  const r = check.record;
  if (r.submissionId !== identity.submissionId || r.revision !== identity.revision || r.sha256 !== sha256 || r.zoneId !== identity.zoneId) {
    return { ok: false, file: basename(path), message: '签名记录与这份工作簿的报送编号、版次、校验码或开发区不符。' };
  }
  return {
    ok: true,
    file: basename(path),
    deviceId: r.deviceId,
    zoneId: r.zoneId,
    zoneName: r.zoneName,
    receivedAt: r.receivedAt,
    message: `signed by ${r.zoneName}'s device ${r.deviceId}：${check.message}`,
  };
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export async function run(argv: string[]): Promise<number> {
  const signatureAt = argv.indexOf('--signature');
  const signatureArg = signatureAt >= 0 ? argv[signatureAt + 1] : undefined;
  const rest = signatureAt >= 0 ? argv.filter((_, i) => i !== signatureAt && i !== signatureAt + 1) : argv;
  const [file, ...extra] = rest;
  if (file === undefined || file.startsWith('-') || extra.length > 0 || (signatureAt >= 0 && signatureArg === undefined)) {
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
  const { identity, revision, checksum, checksumOk, metadataOk, tableOk, intact, draft } = read.value;
  const sidecar = signatureArg ?? `${file}.sig.json`;
  const signature = signatureArg !== undefined || existsSync(sidecar) ? checkSignatureFile(sidecar, bytes, identity, checksum.computed) : undefined;
  // The reader cannot see the sidecar: the verdict's origin half is filled in here, from the signature record.
  const origin: SignatureStatus = signature === undefined ? read.value.verdict.signature : signature.ok ? { state: 'valid', signer: `${signature.zoneName}的设备 ${signature.deviceId}` } : { state: 'invalid', reason: signature.message };
  const verdict: SubmissionVerdict = { ...read.value.verdict, signature: origin, text: verdictText(read.value.verdict.contentIntact, origin, draft) };
  print({ ok: true, file: name, identity, revision, draft, submission: !draft && intact, checksumOk, metadataOk, tableOk, intact, verdict, sha256: checksum, problems: read.issues, ...(signature ? { signature } : {}) });
  if (signature) process.stderr.write(`${signature.ok ? '' : '签名未通过：'}${signature.message}\n`);
  if (draft) {
    // Refused as a submission, as a damaged file is: a script that checks the exit code never passes a draft on.
    process.stderr.write(`${name}：${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版的草稿，不是报送。${verdict.text}。\n`);
    return 1;
  }
  process.stderr.write(
    intact
      ? `${name}：${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版，校验码一致，表格与数据相符。${verdict.text}。\n`
      : `${name}：${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版，${checksumOk ? '校验码一致' : '校验码不一致'}，发现 ${read.issues.length} 处问题（见 problems）。${verdict.text}。\n`,
  );
  return intact && (signature === undefined || signature.ok) ? 0 : 1;
}
