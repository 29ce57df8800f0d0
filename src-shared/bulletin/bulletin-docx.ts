/**
 * The draft as a .docx in the form of a government document (GB/T 9704-2012): A4, margins
 * 37 / 35 / 28 / 26 mm (top / bottom / left / right), title in 方正小标宋简体 二号, body in
 * 仿宋_GB2312 三号, headings in 黑体 (一、) and 楷体_GB2312 (（一）), 22 lines of 28 characters.
 * Pure: runs in Node and in the browser and gives the file's bytes.
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { narrativePlaceholder, type BulletinDraft, type Segment } from './bulletin-draft';

const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export const GOV_DOC = {
  pageWidth: mm(210),
  pageHeight: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  linesPerPage: 22,
  charsPerLine: 28,
  /** 三号 = 16 pt, 二号 = 22 pt; docx sizes are in half-points. */
  bodySize: 32,
  titleSize: 44,
  fonts: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
} as const;

const textHeight = GOV_DOC.pageHeight - GOV_DOC.margin.top - GOV_DOC.margin.bottom;
const textWidth = GOV_DOC.pageWidth - GOV_DOC.margin.left - GOV_DOC.margin.right;
/** Twips per line: 22 lines fill the text block. */
export const LINE_PITCH = Math.floor(textHeight / GOV_DOC.linesPerPage);
/** Word's docGrid charSpace: the character pitch's difference from the font size, in 1/4096 pt. */
const CHAR_SPACE = Math.round(((textWidth / GOV_DOC.charsPerLine / 20) - GOV_DOC.bodySize / 2) * 4096);

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const spacing = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indent = { firstLine: GOV_DOC.bodySize * 20 };

const runs = (segments: Segment[], fontName: string): TextRun[] =>
  segments.map((s) => new TextRun({ text: s.text, font: font(fontName), size: GOV_DOC.bodySize, ...(s.kind === 'gap' ? { highlight: 'yellow' } : {}) }));

const body = (text: string, fontName: string = GOV_DOC.fonts.body, highlight = false): Paragraph =>
  new Paragraph({ spacing, indent, children: [new TextRun({ text, font: font(fontName), size: GOV_DOC.bodySize, ...(highlight ? { highlight: 'yellow' } : {}) })] });

function paragraphs(draft: BulletinDraft): Paragraph[] {
  return draft.blocks.flatMap((b): Paragraph[] => {
    switch (b.kind) {
      case 'title':
        return [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing, children: [new TextRun({ text: b.text, font: font(GOV_DOC.fonts.title), size: GOV_DOC.titleSize })] }),
          new Paragraph({ spacing, children: [] }),
        ];
      case 'heading':
        return [body(`${b.number}${b.text}`, b.level === 1 ? GOV_DOC.fonts.heading1 : GOV_DOC.fonts.heading2)];
      case 'paragraph':
        return [new Paragraph({ spacing, indent, children: runs(b.segments, GOV_DOC.fonts.body) })];
      case 'narrative': {
        const text = b.text.trim();
        if (text === '') return [body(narrativePlaceholder(b.label), GOV_DOC.fonts.body, true)];
        return text.split(/\n+/).map((line) => body(line.trim()));
      }
      case 'signature':
        return [new Paragraph({ spacing, children: [] }), new Paragraph({ alignment: AlignmentType.RIGHT, spacing, indent: { right: GOV_DOC.bodySize * 20 * 4 }, children: runs([{ kind: 'text', text: b.text }], GOV_DOC.fonts.body) })];
    }
  });
}

export async function bulletinDocx(draft: BulletinDraft): Promise<Uint8Array> {
  const doc = new Document({
    title: draft.title,
    creator: 'zone-returns',
    styles: { default: { document: { run: { font: font(GOV_DOC.fonts.body), size: GOV_DOC.bodySize } } } },
    sections: [
      {
        properties: {
          page: { size: { width: GOV_DOC.pageWidth, height: GOV_DOC.pageHeight }, margin: { ...GOV_DOC.margin, header: mm(15), footer: mm(20) } },
          grid: { type: 'linesAndChars', linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(GOV_DOC.fonts.pageNumber), size: 28 })] })],
          }),
        },
        children: paragraphs(draft),
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
