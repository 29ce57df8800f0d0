import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bulletinInputFromReturns, draftBulletin, builtinBulletinStyle, withNarrative, type ReferenceFigures } from '../../src-shared/bulletin';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns } from '../../src-shared/bulletin/article-fixtures';
import type { SaveFileArgs } from '../../src-shared/ipc/contract';
import { kfqSet } from '../../src-shared/seeds';
import { bulletinFileName, describeOutcome, exportBulletin } from './bulletin-export';
import { BulletinScreen } from './bulletin-screen';
import { quoteInto, sourceNote } from './source-note';

const set = kfqSet();
function input(reference: ReferenceFigures = JINCHENG_Q1_REFERENCE) {
  const r = bulletinInputFromReturns(set, jinchengQ1Returns(), { reference, cityZoneTypes: ['industrial'] });
  if (!r.ok) throw new Error('fixture');
  return r.value;
}

describe('BulletinScreen', () => {
  it('highlights every generated number with its source as the hover note', () => {
    const html = renderToStaticMarkup(<BulletinScreen input={input()} saveFile={async () => ({ ok: true, value: { kind: 'cancelled' }, issues: [] })} />);
    expect(html).toContain('<mark class="bulletin-figure" title="晋城市（4个开发区合计） · 规上工业增加值 · 2024年1–3月 · 本期累计" data-figure="city.gyzjz" tabindex="0">108.78</mark>');
    expect(html).toContain('title="陵川生态文化旅游示范区 · 固定资产投资 · 2024年1–3月 · 本期累计" data-figure="zone.gdzctz" tabindex="0">12852</mark>');
    expect(html).toContain('title="参照数据 · 规上工业增加值 · 2024年1–3月 · 全省开发区平均增速"');
    expect(html).toContain('缺数（0）');
    // The narrative is a text box with the zones' material to quote.
    expect(html).toContain('主要举措（由市商务局撰写）');
    expect(html).toContain('修订出台《支持企业高质量发展的若干意见》');
  });

  it('marks and lists the gaps when reference figures are missing', () => {
    const html = renderToStaticMarkup(<BulletinScreen input={input({})} />);
    expect(html).toContain('<mark class="bulletin-gap" title="参照数据中没有全省开发区平均增速，请在参照数据中填写">【缺：全省开发区平均增速（规上工业增加值）】</mark>');
    expect(html).toMatch(/缺数（[1-9]\d*）/);
  });

  it('shows the chosen style and the narrative it starts from', () => {
    const html = renderToStaticMarkup(<BulletinScreen input={input()} initialStyleId="yangquan" initialNarrative={{ next: '加快签约项目开工。' }} />);
    expect(html).toContain('阳泉市商务局样式');
    expect(html.replace(/<[^>]+>/g, '')).toContain('晋城开发区规上工业增加值完成62.4亿元，增长19.3%');
    expect(html).toContain('加快签约项目开工。</textarea>');
  });
});

describe('export through the bridge', () => {
  const draft = withNarrative(draftBulletin(input(), builtinBulletinStyle('jincheng', set)), { measures: '一是聚焦发展提档升级。' });
  it.each(['docx', 'txt'] as const)('%s: one save with the title as file name and the right filter', async (kind) => {
    const calls: SaveFileArgs[] = [];
    const r = await exportBulletin(kind, draft, async (args) => {
      calls.push(args);
      return { ok: true, value: { kind: 'downloaded', fileName: args.suggestedName }, issues: [] };
    });
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.suggestedName).toBe(`晋城市开发区2024年第一季度主要经济指标运行情况.${kind}`);
    expect(call?.filters[0]?.extensions).toEqual([kind]);
    const bytes = call?.bytes ?? new Uint8Array();
    if (kind === 'docx') expect(String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0)).toBe('PK');
    else expect(new TextDecoder().decode(bytes)).toContain('　　一是聚焦发展提档升级。\r\n');
    expect(describeOutcome(kind, r)).toEqual({ tone: 'ok', text: `${kind === 'docx' ? 'Word 文档' : '纯文本'}已下载：${call?.suggestedName}` });
  });
  it('a refused save shows its message; a cancelled one says so', () => {
    expect(describeOutcome('docx', { ok: false, issues: [{ code: 'file-busy', severity: 'error', message: '文件正被其他程序打开，请另存为。' }] })).toEqual({ tone: 'error', text: '文件正被其他程序打开，请另存为。' });
    expect(describeOutcome('txt', { ok: true, value: { kind: 'cancelled' }, issues: [] }).text).toBe('已取消保存。');
  });
  it('file names drop characters a file system refuses', () => {
    expect(bulletinFileName({ ...draft, title: '晋城/开发区: 通报' }, 'docx')).toBe('晋城开发区通报.docx');
  });
});

describe('helpers', () => {
  it('source note and quoting', () => {
    expect(sourceNote({ place: '晋城开发区', indicator: 'gyzjz', indicatorName: '规上工业增加值', period: '2024年1–3月', measure: '同比增速' })).toBe('晋城开发区 · 规上工业增加值 · 2024年1–3月 · 同比增速');
    expect(quoteInto('', '甲。')).toBe('甲。');
    expect(quoteInto('甲。\n', '乙。')).toBe('甲。\n乙。');
  });
});
