import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cityFigures } from '../collect';
import { exampleReturn, kfqSet } from '../seeds';
import { readCitySummaryWorkbook, writeCitySummaryWorkbook, type CitySummaryPayload } from './city-summary';

const set = kfqSet();
const rets = [exampleReturn('jincheng-kfq-2024-q1'), exampleReturn('gaoping-kfq-2024-q1'), exampleReturn('qinshui-kfq-2024-q1'), exampleReturn('yangcheng-kfq-2024-q1')];

async function summary(): Promise<Uint8Array> {
  const c = cityFigures(set, rets);
  if (!c.ok) throw new Error('consolidate');
  const payload: CitySummaryPayload = { format: 'zone-returns/city-summary@1', summaryId: 's1', revision: 1, exportedAt: '2024-04-12T00:00:00.000Z', city: { code: '140500', name: '晋城市' }, period: rets[0]!.period, indicatorSet: { id: set.id, version: set.version }, figures: c.value.figures, ranks: c.value.ranks, returns: rets };
  return (await writeCitySummaryWorkbook(payload)).bytes;
}

describe('the city summary workbook (市汇总表)', () => {
  it('reads back with its checksum; a changed payload is caught; another file is refused', async () => {
    const bytes = await summary();
    const read = await readCitySummaryWorkbook(bytes);
    expect(read.ok && read.value.checksumOk).toBe(true);
    expect(read.ok && read.value.payload.figures['gyzjz']?.growthPct?.toFixed(2)).toBe('20.35');

    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/sharedStrings.xml')!.async('string');
    const changed = xml.replace('108.78', '118.78');
    expect(changed).not.toBe(xml);
    zip.file('xl/sharedStrings.xml', changed);
    const bad = await readCitySummaryWorkbook(await zip.generateAsync({ type: 'uint8array' }), '晋城汇总.xlsx');
    expect(bad.ok && bad.value.checksumOk).toBe(false);
    expect(bad.issues[0]?.message).toContain('晋城汇总.xlsx：数据页的校验码不符');

    const junk = await readCitySummaryWorkbook(new Uint8Array([1, 2, 3]), 'x.xlsx');
    expect(junk.ok ? '' : junk.issues[0]?.message).toBe('x.xlsx：不是可读取的 xlsx 文件');
  });
});
