import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../src-shared/ipc/contract';
import { menuTemplate } from './menu-template';

function items(submenu: MenuItemConstructorOptions['submenu']): MenuItemConstructorOptions[] {
  return Array.isArray(submenu) ? submenu : [];
}

function build(isDev = false) {
  const sent: MenuCommand[] = [];
  let quit = 0;
  const template = menuTemplate({ send: (c) => sent.push(c), quit: () => (quit += 1) }, { isMac: false, isDev });
  const find = (label: string): MenuItemConstructorOptions | undefined =>
    template.flatMap((menu) => items(menu.submenu)).find((item) => item.label === label);
  const click = (label: string): void => {
    const item = find(label);
    if (!item?.click) throw new Error(`no clickable ${label}`);
    // The Electron arguments are not used by our handlers.
    Reflect.apply(item.click, undefined, []);
  };
  return { template, sent, find, click, quits: () => quit };
}

describe('the application menu', () => {
  it('has 文件 / 编辑 / 视图 / 帮助, all labelled in Chinese', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const labels = template.flatMap((m) => items(m.submenu)).filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
    expect(labels.every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
  });

  it.each([
    ['导入台账…', 'import-ledger'],
    ['打开报送工作簿…', 'open-file'],
    ['打印 / 导出 PDF…', 'print'],
    ['备份数据…', 'backup'],
    ['从备份恢复…', 'restore'],
    ['撤销', 'undo'],
    ['重做', 'redo'],
    ['关于开发区季度指标填报', 'about'],
  ] as const)('%s sends %s to the renderer', (label, command) => {
    const menu = build();
    menu.click(label);
    expect(menu.sent).toEqual([command]);
  });

  it('undo and redo show their keys but leave them to the page (the grid has its own undo)', () => {
    const { find } = build();
    expect(find('撤销')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(find('重做')).toMatchObject({ accelerator: 'CmdOrCtrl+Y', registerAccelerator: false });
  });

  it('退出 quits; developer tools only in development', () => {
    const menu = build();
    menu.click('退出');
    expect(menu.quits()).toBe(1);
    expect(menu.find('开发者工具')).toBeUndefined();
    expect(build(true).find('开发者工具')).toMatchObject({ role: 'toggleDevTools' });
  });
});
