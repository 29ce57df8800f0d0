import type { SaveOutcome } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/model/results';

const MIME_BY_EXTENSION: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv',
};

export function mimeTypeFor(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

/**
 * Hands bytes to the browser as a download (`<a download>` of a Blob). The browser decides where
 * the file goes, so the outcome is `downloaded`, never `saved`.
 */
export function downloadFile(fileName: string, bytes: Uint8Array): Result<SaveOutcome> {
  // Copy into a fresh ArrayBuffer: the Blob constructor wants an ArrayBuffer-backed view.
  const blob = new Blob([bytes.slice()], { type: mimeTypeFor(fileName) });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: { kind: 'downloaded', fileName }, issues: [] };
}
