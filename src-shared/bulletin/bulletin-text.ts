import { narrativePlaceholder, segmentsText, type BulletinDraft } from './bulletin-draft';

/** The plain text of a draft: title, numbered headings, paragraphs indented by two full-width spaces. */
export function bulletinText(draft: BulletinDraft): string {
  const lines = draft.blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return `${b.text}\n`;
      case 'heading':
        return `　　${b.number}${b.text}`;
      case 'paragraph':
        return `　　${segmentsText(b.segments)}`;
      case 'narrative':
        return (b.text.trim() === '' ? narrativePlaceholder(b.label) : b.text)
          .split(/\n+/)
          .map((l) => `　　${l.trim()}`)
          .join('\n');
      case 'signature':
        return `\n　　${b.text}`;
    }
  });
  return lines.join('\n') + '\n';
}
