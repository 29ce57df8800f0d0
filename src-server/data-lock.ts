/**
 * A PGlite data folder is opened by one process at a time: `server.lock` holds the owner's pid.
 * A lock left by a process that is gone (killed, power cut) is taken over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'server.lock';

export type LockResult = { ok: true; release: () => void } | { ok: false; pid: number; message: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockHolder(dir: string): number | undefined {
  try {
    const pid = Number(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid);
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function acquireLock(dir: string, purpose: string): LockResult {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }), { flag: 'wx', mode: 0o600 });
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dir);
      if (holder !== undefined && holder !== process.pid) {
        return { ok: false, pid: holder, message: `数据目录 ${resolve(dir)} 正由另一个进程（PID ${holder}）使用，不能同时打开。若报送服务器正在运行，管理命令会通过它的本机管理接口执行；否则请先停止该进程。` };
      }
      try {
        unlinkSync(path);
      } catch {
        // Another process took the stale lock over first; try again.
      }
    }
  }
  return { ok: false, pid: 0, message: `无法锁定数据目录 ${resolve(dir)}，请稍后重试。` };
}
