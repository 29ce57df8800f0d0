/** Characters Windows refuses in file names, and control characters. */
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/g;

/** A suggested name reduced to a plain base name that every file system accepts. */
export function safeFileName(suggested: string, fallback = '未命名'): string {
  const base = suggested.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(FORBIDDEN, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 200) : fallback;
}
