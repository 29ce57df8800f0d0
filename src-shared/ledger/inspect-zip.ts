/**
 * Reads a zip's central directory before anything is inflated: a truncated download has no
 * end record, and a zip bomb declares unpacked sizes far beyond what a ledger needs.
 */
import type { UserIssue } from '../model';
import { fileError } from './issues';
import type { LedgerLimits } from './types';

export interface ZipDirectory {
  names: Set<string>;
  unpackedBytes: number;
  encrypted: boolean;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

/** Decodes an entry name: UTF-8 when flagged, otherwise the bytes (zip names in workbooks are ASCII). */
function entryName(b: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String.fromCharCode(b[at + i] ?? 0);
  return s;
}

export function inspectZip(bytes: Uint8Array, fileName: string, limits: LedgerLimits): { ok: true; value: ZipDirectory } | { ok: false; issues: UserIssue[] } {
  const broken = (detail: string): { ok: false; issues: UserIssue[] } => ({
    ok: false,
    issues: [fileError('corrupt', `文件「${fileName}」已损坏或不完整（${detail}），无法读取。可能是下载或复制时中断了：请重新拷贝原文件，或在 Excel/WPS 中打开并修复后另存再导入。`, fileName)],
  });
  // The end-of-central-directory record sits in the last 22 + up to 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return broken('找不到压缩目录');
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  const zip64Locator = eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50;
  if (zip64Locator || cdOffset === 0xffffffff || cdSize === 0xffffffff || count === 0xffff) {
    return { ok: false, issues: [fileError('zip64-unsupported', `文件「${fileName}」是 ZIP64 格式的压缩文件，本程序不支持读取这种格式。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入。`, fileName)] };
  }
  if (cdOffset + cdSize > eocd) return broken('压缩目录超出文件范围');
  const names = new Set<string>();
  let unpacked = 0;
  let encrypted = false;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return broken('压缩目录条目不完整');
    const flags = u16(bytes, at + 8);
    const packed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const name = entryName(bytes, at + 46, nameLength);
    if ((flags & 1) === 1) encrypted = true;
    if (packed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      return { ok: false, issues: [fileError('zip64-unsupported', `文件「${fileName}」中的「${name}」使用 ZIP64 格式，本程序不支持读取这种格式。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入。`, fileName)] };
    }
    if (names.has(name)) {
      return { ok: false, issues: [fileError('zip-ambiguous', `文件「${fileName}」中有两个同名的条目「${name}」，不同程序会读到不同的内容，无法确定哪一个才是台账，已拒绝读取。请在 Excel 或 WPS 中打开并另存后再导入。`, fileName)] };
    }
    if (localOffset + 30 > cdOffset || u32(bytes, localOffset) !== 0x04034b50) return broken(`条目 ${name} 的数据缺失`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    // SheetJS trusts the local header: when it declares other sizes than the directory (and no
    // data descriptor follows), the directory's sizes prove nothing, so the file is refused.
    const localFlags = u16(bytes, localOffset + 6);
    const localPacked = u32(bytes, localOffset + 18);
    const localSize = u32(bytes, localOffset + 22);
    const described = (localFlags & 8) === 8 && localPacked === 0 && localSize === 0;
    if (!described && (localPacked !== packed || localSize !== size || u16(bytes, localOffset + 8) !== u16(bytes, at + 10))) {
      return {
        ok: false,
        issues: [fileError('zip-bomb', `文件「${fileName}」中的「${name}」记录的大小前后不一致（目录记为 ${size} 字节，条目头记为 ${localSize} 字节），解压后可能会膨胀到远超所记录的大小，不像正常的台账，已拒绝读取以免程序卡死。请确认文件来源。`, fileName)],
      };
    }
    if (dataStart + packed > cdOffset) return broken(`条目 ${name} 的数据不完整`);
    if (size >= limits.bombMinBytes && packed > 0 && size / packed > limits.maxCompressionRatio) {
      return {
        ok: false,
        issues: [fileError('zip-bomb', `文件「${fileName}」中的「${name}」解压后会膨胀到 ${(size / 1024 / 1024).toFixed(0)} MB（压缩比 ${Math.round(size / packed)} 倍），不像正常的台账，已拒绝读取以免程序卡死。请确认文件来源。`, fileName)],
      };
    }
    unpacked += size;
    names.add(name);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (unpacked > limits.maxUnpackedBytes) {
    return {
      ok: false,
      issues: [fileError('too-large-unpacked', `文件「${fileName}」解压后有 ${(unpacked / 1024 / 1024).toFixed(0)} MB，超过上限 ${(limits.maxUnpackedBytes / 1024 / 1024).toFixed(0)} MB。请删去无关的工作表或拆分文件后再导入。`, fileName)],
    };
  }
  return { ok: true, value: { names, unpackedBytes: unpacked, encrypted } };
}
