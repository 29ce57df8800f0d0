/**
 * The bulletin .docx read by programs other than ours: Python's zipfile + ElementTree (the page
 * setup, the fonts and the text), and LibreOffice converting it to PDF and to text. The PDF's first
 * page is rendered to tests/bulletin/out/bulletin-page1.png for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kfqSet } from '../../src-shared/seeds';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns } from '../../src-shared/bulletin/article-fixtures';
import { bulletinDocx, bulletinInputFromReturns, bulletinText, builtinBulletinStyle, draftBulletin, GOV_DOC, LINE_PITCH, withNarrative } from '../../src-shared/bulletin';

const PYTHON = '/usr/bin/python3';
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOPPM = existsSync('/usr/bin/pdftoppm') ? '/usr/bin/pdftoppm' : undefined;
if (!SOFFICE) console.warn('跳过 LibreOffice 检查：未安装 soffice（apt-get install -y libreoffice-writer）。');

const set = kfqSet();
const style = builtinBulletinStyle('jincheng', set);
const input = bulletinInputFromReturns(set, jinchengQ1Returns(), { reference: JINCHENG_Q1_REFERENCE, cityZoneTypes: ['industrial'] });
if (!input.ok) throw new Error('fixture');
const MEASURES = '一是聚焦发展提档升级，推动改革创新。注重顶层设计，坚持创新驱动。';
const draft = withNarrative(draftBulletin(input.value, style), { measures: MEASURES });
const dir = mkdtempSync(join(tmpdir(), 'bulletin-docx-'));
const file = join(dir, '通报.docx');
const noSpace = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  writeFileSync(file, await bulletinDocx(draft));
});

describe.skipIf(!existsSync(PYTHON))('read back by Python (zipfile + ElementTree)', () => {
  it('has A4 with the GB/T 9704 margins, the 22-line grid, the fonts and every paragraph of the text', () => {
    const script = `
import zipfile, json, sys, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
root = ET.fromstring(z.read('word/document.xml'))
body = root.find(W + 'body')
sect = body.find(W + 'sectPr')
size = sect.find(W + 'pgSz'); mar = sect.find(W + 'pgMar'); grid = sect.find(W + 'docGrid')
paras = []
fonts = []
for p in body.iter(W + 'p'):
    paras.append(''.join(t.text or '' for t in p.iter(W + 't')))
    for r in p.iter(W + 'rFonts'):
        fonts.append(r.get(W + 'eastAsia'))
print(json.dumps({'w': size.get(W + 'w'), 'h': size.get(W + 'h'), 'top': mar.get(W + 'top'), 'bottom': mar.get(W + 'bottom'), 'left': mar.get(W + 'left'), 'right': mar.get(W + 'right'),
  'gridType': grid.get(W + 'type'), 'linePitch': grid.get(W + 'linePitch'), 'paras': paras, 'fonts': sorted(set(f for f in fonts if f))}, ensure_ascii=False))
`;
    const r = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { w: string; h: string; top: string; bottom: string; left: string; right: string; gridType: string; linePitch: string; paras: string[]; fonts: string[] };
    expect([got.w, got.h]).toEqual(['11906', '16838']);
    expect([got.top, got.bottom, got.left, got.right]).toEqual([String(GOV_DOC.margin.top), String(GOV_DOC.margin.bottom), String(GOV_DOC.margin.left), String(GOV_DOC.margin.right)]);
    expect([got.top, got.bottom, got.left, got.right]).toEqual(['2098', '1984', '1587', '1474']);
    expect(got.gridType).toBe('linesAndChars');
    expect(got.linePitch).toBe(String(LINE_PITCH));
    expect(got.fonts).toEqual(expect.arrayContaining(['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']));
    const text = noSpace(got.paras.join('\n'));
    expect(text).toContain(noSpace(bulletinText(draft).split('\n').slice(2).join('')).slice(0, 200));
    expect(text).toBe(noSpace(bulletinText(draft)));
    expect(text).toContain(MEASURES);
  });
});

describe.skipIf(!SOFFICE)('opened by LibreOffice', () => {
  const profile = () => `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  it('converts to PDF (A4 pages; first page rendered for a look) and to text with the same sentences', () => {
    const pdf = spawnSync(SOFFICE ?? 'soffice', [profile(), '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
    expect(pdf.status, pdf.stderr).toBe(0);
    const pdfFile = join(dir, '通报.pdf');
    const bytes = readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points.
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/);
    if (PDFTOPPM) {
      const out = join(import.meta.dirname, 'out');
      mkdirSync(out, { recursive: true });
      const png = spawnSync(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '2', pdfFile, join(out, 'bulletin-page')], { encoding: 'utf8', timeout: 60_000 });
      expect(png.status, png.stderr).toBe(0);
    }
    const txt = spawnSync(SOFFICE ?? 'soffice', [profile(), '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file], { encoding: 'utf8', timeout: 180_000 });
    expect(txt.status, txt.stderr).toBe(0);
    const text = noSpace(readFileSync(join(dir, '通报.txt'), 'utf8').replace(/^\uFEFF/, ''));
    expect(text).toContain('累计完成工业投资16.92亿元，同比增长55.99%，高于省定目标（16%）39.99个百分点，高于全省开发区平均增速（10.9%）45.09个百分点；');
    expect(text).toContain('一、主要经济指标完成情况');
    expect(text).toContain('（二）“三个一批”项目');
  }, 400_000);
});
