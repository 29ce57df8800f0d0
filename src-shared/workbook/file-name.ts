/**
 * The file name offered for a submission: `晋城开发区_2024年1–3月_报送_第1版.xlsx`. Characters
 * Windows refuses in file names are replaced.
 */
export function submissionFileName(zoneName: string, periodLabel: string, revision: number, draft = false): string {
  const safe = (part: string): string => part.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return `${safe(zoneName)}_${safe(periodLabel)}_${draft ? '草稿' : '报送'}_第${revision}版.xlsx`;
}
