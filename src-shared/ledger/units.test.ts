import { describe, expect, it } from 'vitest';
import { convertValue, unitInCaption, unitInHeader } from './units';

describe('unitInHeader', () => {
  it.each([
    ['总投资（亿元）', '亿元'],
    ['计划总投资(万元)', '万元'],
    ['投资情况 / 总投资 / 亿元', '亿元'],
    ['面积（万平方米）', '万平方米'],
    ['标准厂房(㎡)', '平方米'],
    ['占比(%)', '%'],
    ['出让面积【亩】', '亩'],
    ['产出强度（万元/亩）', '万元/亩'],
    ['总投资（单位：万元）', '万元'],
    ['项目名称', undefined],
    ['投资 / 万', undefined],
  ])('%s → %s', (header, unit) => {
    expect(unitInHeader(header)).toBe(unit);
  });

  it('reads a 单位 caption', () => {
    expect(unitInCaption('填报单位：某开发区  单位：万元')).toBe('万元');
    expect(unitInCaption('填报单位：某开发区')).toBeUndefined();
  });
});

describe('convertValue', () => {
  it.each([
    [12345, '万元', '亿元', 1.2345],
    [1.2345, '亿元', '万元', 12345],
    [83080, '万元', '亿元', 8.308],
    [150000000, '元', '亿元', 1.5],
    [35000, '平方米', '万平方米', 3.5],
    [7, '亿元', '亿元', 7],
  ] as const)('%d %s → %d %s', (value, from, to, expected) => {
    expect(convertValue(value, from, to)).toBe(expected);
  });
});
