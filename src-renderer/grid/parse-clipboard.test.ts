import { describe, expect, it } from 'vitest';
import { parseClipboardBlock } from './parse-clipboard';

describe('parseClipboardBlock', () => {
  it.each<[string, string, string[][]]>([
    ['one cell', '108.78', [['108.78']]],
    ['one cell with the trailing line break Excel adds', '108.78\r\n', [['108.78']]],
    ['a column', '108.78\r\n16.92\r\n15.7\r\n', [['108.78'], ['16.92'], ['15.7']]],
    ['a row', '108.78\t90.39\r\n', [['108.78', '90.39']]],
    ['a block with LF line breaks (WPS on some systems)', '1\t2\n3\t4\n', [['1', '2'], ['3', '4']]],
    ['empty cells kept in place', '1\t\t3\r\n\t5\t\r\n', [['1', '', '3'], ['', '5', '']]],
    ['an empty row inside the block', '1\r\n\r\n3\r\n', [['1'], [''], ['3']]],
    ['a quoted cell with a line break', '"第一行\n第二行"\t2\r\n', [['第一行\n第二行', '2']]],
    ['a quoted cell with a tab and doubled quotes', '"a\t""b"""\tc', [['a\t"b"', 'c']]],
    ['a cell that only starts with a quote is plain text', '"A" 级\t2', [['"A" 级', '2']]],
    ['full-width digits and separators are left for the number reader', '１，２３４．５\t1,234', [['１，２３４．５', '1,234']]],
    ['no text at all', '', []],
  ])('%s', (_name, text, expected) => {
    expect(parseClipboardBlock(text)).toEqual(expected);
  });
});
