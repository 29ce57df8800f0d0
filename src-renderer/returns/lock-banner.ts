import type { ReturnRecord } from '../db';

/**
 * What the banner over a locked (已报送) return says, and who can open it again. The program
 * allows two ways, both here: the clerk's own 退回修改 on the 报送 page (with a reason), and the city
 * bureau's 退回修改, which reopens the return on this computer by itself when it was sent online.
 */
export function lockBannerText(record: Pick<ReturnRecord, 'revision' | 'submittedAt'>): string {
  const when = record.submittedAt === null ? '' : `于 ${record.submittedAt.slice(0, 10)} `;
  return (
    `本报表第 ${record.revision} 版已${when}报送，已锁定，只能查看，不能修改。` +
    `如需修改：在“报送”页填写原因后点“退回修改”，即可重新打开；市商务局退回修改时（联网报送），本机也会自动重新打开。` +
    `改完重新校验，报送第 ${record.revision + 1} 版。`
  );
}
