import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// Without the modules registered AG Grid renders but editing, filtering and tooltips are off.
ModuleRegistry.registerModules([AllCommunityModule]);

/** One theme for every grid: compact rows, a font that has the Chinese glyphs on Windows, macOS and Linux. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Droid Sans Fallback', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 13,
  rowHeight: 32,
  headerHeight: 34,
  spacing: 6,
  wrapperBorderRadius: 4,
  headerBackgroundColor: '#eef2f7',
  accentColor: '#1f6feb',
});

/** Default grid options that make the keyboard behave like Excel. */
export const spreadsheetGridOptions = {
  enterNavigatesVertically: true,
  enterNavigatesVerticallyAfterEdit: true,
  // The app writes every edit itself (through the database), then hands the grid new rows.
  readOnlyEdit: true,
  stopEditingWhenCellsLoseFocus: true,
  tooltipShowDelay: 300,
  suppressDragLeaveHidesColumns: true,
} as const;
