import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/ipc/contract';

export interface MenuActions {
  /** Sends a command to the focused window's renderer. */
  send(command: MenuCommand): void;
  quit(): void;
}

/**
 * The application menu (文件 / 编辑 / 视图 / 帮助), as plain data so that it can be tested.
 * Undo/redo go to the app's own undo stack (the grids are not text fields), and their shortcut is
 * shown but not registered, so the keys reach the page, where the grid handles them.
 */
export function menuTemplate(actions: MenuActions, options: { isMac: boolean; isDev: boolean }): MenuItemConstructorOptions[] {
  const { send } = actions;
  const view: MenuItemConstructorOptions[] = [
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (options.isDev) view.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件',
      submenu: [
        { label: '导入台账…', accelerator: 'CmdOrCtrl+I', click: () => send('import-ledger') },
        { label: '打开报送工作簿…', accelerator: 'CmdOrCtrl+O', click: () => send('open-file') },
        { type: 'separator' },
        { label: '打印 / 导出 PDF…', accelerator: 'CmdOrCtrl+P', click: () => send('print') },
        { type: 'separator' },
        { label: '备份数据…', click: () => send('backup') },
        { label: '从备份恢复…', click: () => send('restore') },
        { type: 'separator' },
        { label: '退出', accelerator: options.isMac ? 'Cmd+Q' : 'Alt+F4', click: () => actions.quit() },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
        { label: '重做', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false, click: () => send('redo') },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      // F1 is shown, not registered: the page itself opens the help on F1, in the web build too.
      submenu: [
        { label: '使用帮助', accelerator: 'F1', registerAccelerator: false, click: () => send('help') },
        { type: 'separator' },
        { label: '关于开发区季度指标填报', click: () => send('about') },
      ],
    },
  ];
}
