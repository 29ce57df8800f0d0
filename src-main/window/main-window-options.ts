import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './web-preferences';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: '开发区季度指标填报',
    // Shown on ready-to-show, so the clerk never sees an empty white window.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
