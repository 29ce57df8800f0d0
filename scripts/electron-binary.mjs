// Finds the Electron binary WITHOUT require('electron'): requiring it when the binary is
// missing starts a download, which cannot succeed on a machine without network access.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './web-build.mjs';

/**
 * The path of the Electron executable, or null when it is not installed.
 * @param {{ root?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {string | null}
 */
export function electronBinary({ root = repoRoot, env = process.env } = {}) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const candidate = join(distDir, relative || 'electron');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  return existsSync(candidate) ? candidate : null;
}

export const MISSING_ELECTRON_MESSAGE =
  '未安装 Electron 的可执行程序（node_modules/electron/dist 不存在），而本机无法联网下载，因此桌面版无法启动。' +
  '请改用网页版：运行 `npm run web`，再用浏览器打开它打印出的地址；功能与桌面版相同，只是打开和保存文件改为浏览器的选择文件和下载。' +
  ' ' +
  "Electron's binary is not installed (node_modules/electron/dist is missing) and cannot be downloaded on this machine, " +
  'so the desktop app cannot start. Run `npm run web` instead and open the address it prints in a browser: it is the same ' +
  'application, with the browser\'s file picker and downloads in place of the open and save dialogs.';
