import { describe, expect, it } from 'vitest';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, returnJson, SHEET, VISIBLE_SHEETS } from '../../src-shared/workbook';
import { foundValue } from '../../src-shared/workbook/cell-value';
import { generateReturn, TRICKY_TEXTS } from './generate-return';
import { computeReturn } from '../../src-shared/compute';
import { exampleReturns, seedSet } from './fixtures';
import { exportReturn, SUBMISSION_ID } from './helpers';

describe('export then read back gives the identical canonical JSON', () => {
  it.each(Array.from({ length: 12 }, (_, i) => [i + 1]))('generated return, seed %i', async (seed) => {
    const { ret, computed, issues } = generateReturn(seedSet(), { seed, zoneType: seed % 4 === 0 ? 'tourism' : 'industrial', zoneId: seed % 4 === 0 ? 'lingchuan-lyq' : 'jincheng-kfq' });
    const written = await exportReturn(ret, computed, issues, { revision: seed });
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues, null, 2));
    expect(read.issues).toEqual([]);
    expect(read.value.intact).toBe(true);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
    expect(read.value.revision).toBe(seed);
    expect(read.value.identity.submissionId).toBe(SUBMISSION_ID);
    expect(read.value.checksum.stored).toBe(written.checksum);
  });

  it('keeps a text longer than an Excel cell holds, split over rows in the visible sheet', async () => {
    const { ret, computed, issues } = generateReturn(seedSet(), { seed: 101, longText: 70_000 });
    const longest = Math.max(...Object.values(ret.values).map((v) => (typeof v.current === 'string' ? v.current.length : 0)));
    expect(longest).toBe(70_000);
    const written = await exportReturn(ret, computed, issues);
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
  });

  it('keeps a roster of 2,000 projects', async () => {
    const { ret, computed, issues } = generateReturn(seedSet(), { seed: 202, rosterRows: 2000 });
    const written = await exportReturn(ret, computed, issues);
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(read.value.ret.roster).toHaveLength(2000);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
  });

  it('keeps a return with every optional part empty', async () => {
    const ret = {
      format: 'zone-returns/return@1' as const,
      indicatorSet: { id: seedSet().id, version: seedSet().version },
      zoneId: 'qinshui-kfq',
      period: { year: 2024, endMonth: 1, frequency: 'month' as const },
      values: {},
      roster: [],
      explanations: {},
      cover: {},
    };
    const written = await exportReturn(ret, { figures: {} }, []);
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
  });

  it.each(exampleReturns().map(({ name, ret }) => [name, ret]))('keeps the example return %s with its computed figures', async (_name, ret) => {
    const written = await exportReturn(ret, computeReturn(seedSet(), ret), []);
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
  });
});

describe('text that could be a formula', () => {
  it('is never a formula and never begins with a formula character in any visible cell, yet round-trips exactly', async () => {
    const { ret, computed, issues } = generateReturn(seedSet(), { seed: 303, rosterRows: 40 });
    const texts = ret.values;
    TRICKY_TEXTS.forEach((tricky, i) => {
      texts[`txt-extra-${i}`] = { current: tricky };
    });
    // Put every tricky text where the visible sheets show it: text sections, roster names, explanations, cover.
    const textCodes = seedSet().sections.filter((s) => s.kind === 'text').flatMap((s) => s.indicators.map((i) => i.code));
    textCodes.forEach((code, i) => (texts[code] = { current: TRICKY_TEXTS.slice(i * 5, i * 5 + 5).join('') || '=A1' }));
    TRICKY_TEXTS.forEach((tricky, i) => {
      const row = ret.roster[i];
      if (row) {
        row['name'] = tricky;
        row['note'] = tricky;
      }
    });
    ret.cover.filler = '=cmd|" /C calc"!A0';
    ret.cover.phone = '+86 0356 2021234';
    issues.push({ code: 'growth-range', severity: 'warning', key: 'formula-explanation', target: { kind: 'return' }, message: '增长过快' });
    ret.explanations['formula-explanation'] = '@SUM(1+1)*cmd|" /C calc"!A0';

    const written = await exportReturn(ret, computed, issues);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(written.bytes).buffer);
    let strings = 0;
    let guarded = 0;
    for (const name of VISIBLE_SHEETS) {
      const sheet = workbook.getWorksheet(name);
      expect(sheet, name).toBeDefined();
      sheet?.eachRow((row) =>
        row.eachCell((cell) => {
          const found = foundValue(cell.value);
          expect(found.kind, `${name}!${cell.address}`).not.toBe('formula');
          if (found.kind === 'text') {
            strings += 1;
            expect(found.value, `${name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
            if (found.value.startsWith("'")) guarded += 1;
          }
        }),
      );
    }
    expect(strings).toBeGreaterThan(100);
    expect(guarded).toBeGreaterThanOrEqual(8);
    const read = await readSubmissionWorkbook(written.bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.issues).toEqual([]);
    expect(returnJson(read.value.ret)).toBe(returnJson(ret));
    expect(read.value.ret.cover.filler).toBe('=cmd|" /C calc"!A0');
  });

  it('keeps the hidden sheet free of cells that begin with a formula character', async () => {
    // Numbers such as -12.5 inside the JSON would start a part if parts were cut blindly.
    const { ret, computed, issues } = generateReturn(seedSet(), { seed: 404, rosterRows: 600 });
    const written = await exportReturn(ret, computed, issues);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(written.bytes).buffer);
    const data = workbook.getWorksheet(SHEET.data);
    expect(data?.state).toBe('veryHidden');
    let parts = 0;
    data?.eachRow((row, n) => {
      const value = foundValue(row.getCell(2).value);
      if (n >= 10) {
        parts += 1;
        expect(value.kind).toBe('text');
        if (value.kind === 'text') expect(value.value).not.toMatch(/^[=+\-@\s]|\s$/);
      }
    });
    expect(parts).toBeGreaterThan(3);
  });
});
