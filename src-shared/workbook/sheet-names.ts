/** Sheet names of the submission workbook, in order. */
export const SHEET = {
  cover: '封面',
  indicators: '主要指标',
  roster: '项目清单',
  texts: '文字材料',
  validation: '校验结果',
  /** veryHidden: not listed by Excel's or WPS's 取消隐藏, only by code. */
  data: 'zr_data',
} as const;

export const VISIBLE_SHEETS = [SHEET.cover, SHEET.indicators, SHEET.roster, SHEET.texts, SHEET.validation] as const;
