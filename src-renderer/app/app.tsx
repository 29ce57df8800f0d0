// PLACEHOLDER owned by the Shell helper only until the UI helper replaces this file with the real
// application (zone and period choice, return form, roster, …). Keep the export `App`:
// src-renderer/main.tsx renders <App />.
import { useEffect, useState } from 'react';
import { getBridge } from '../bridge';
import type { AppInfo } from '../bridge';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void getBridge().appInfo().then(setInfo);
  }, []);
  return (
    <main>
      <h1>开发区季度指标填报</h1>
      <p data-testid="host-info">{info ? `${info.name} ${info.version}（${info.host === 'electron' ? '桌面版' : '网页版'}）` : '正在启动…'}</p>
    </main>
  );
}
