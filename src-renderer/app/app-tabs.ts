export type AppTab = 'returns' | 'roster' | 'import' | 'submission' | 'backup' | 'settings';

/** The app's tabs, left to right. */
export const APP_TABS: ReadonlyArray<{ id: AppTab; label: string }> = [
  { id: 'returns', label: '填报' },
  { id: 'roster', label: '项目台账' },
  { id: 'import', label: '导入台账' },
  { id: 'submission', label: '报送' },
  { id: 'backup', label: '备份与恢复' },
  { id: 'settings', label: '设置' },
];

export type BureauTab = 'inbox' | 'board' | 'summary' | 'ranks' | 'charts' | 'bulletin' | 'settings';

/** The city bureau's tabs (本单位 = 市商务局), left to right. */
export const BUREAU_TABS: ReadonlyArray<{ id: BureauTab; label: string }> = [
  { id: 'inbox', label: '收件箱' },
  { id: 'board', label: '报送情况' },
  { id: 'summary', label: '汇总' },
  { id: 'ranks', label: '排名' },
  { id: 'charts', label: '图表' },
  { id: 'bulletin', label: '通报' },
  { id: 'settings', label: '设置' },
];
