/** What the 核对工作簿 panel says about a workbook that was read back. */
import type { Result } from '../../src-shared/model';
import type { SubmissionRead } from '../../src-shared/workbook/read-submission-workbook';

export interface VerificationView {
  verdict: 'intact' | 'changed' | 'unreadable';
  headline: string;
  /** One line per problem: where, and what. */
  problems: string[];
}

export function describeVerification(fileName: string, read: Result<SubmissionRead>): VerificationView {
  const problems = read.issues.map((issue) => issue.message);
  if (!read.ok) return { verdict: 'unreadable', headline: `${fileName}：无法读取报表数据。`, problems };
  const { identity, revision, checksumOk, intact } = read.value;
  const who = `${identity.zoneName} ${identity.periodLabel} 第 ${revision} 版（报送编号 ${identity.submissionId}）`;
  if (intact) return { verdict: 'intact', headline: `${fileName}：${who}，校验码一致，表格与数据相符。`, problems };
  return {
    verdict: 'changed',
    headline: `${fileName}：${who}，${checksumOk ? '校验码一致，但表格与数据不符' : '校验码不一致'}，共 ${problems.length} 处问题。该文件在导出后被改动过，请向填报单位索取重新导出的文件。`,
    problems,
  };
}
