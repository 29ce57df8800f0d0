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
