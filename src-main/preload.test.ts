import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, BRIDGE_METHODS, MENU_COMMAND_CHANNEL, type HostBridge } from '../src-shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed,
    invoked,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return { channel };
      },
      on: (channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

let bridge: HostBridge;
beforeAll(async () => {
  await import('./preload');
  const exposed = electron.exposed.get(BRIDGE_GLOBAL);
  if (typeof exposed !== 'object' || exposed === null) throw new Error('the preload exposed nothing');
  bridge = exposed as HostBridge;
});

describe('the preload', () => {
  it('exposes exactly one object, of named functions only', () => {
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    const names = Object.keys(bridge).sort();
    expect(names).toEqual([...Object.keys(BRIDGE_METHODS), 'onMenuCommand'].sort());
    for (const name of names) expect(typeof Reflect.get(bridge, name)).toBe('function');
    expect(names).not.toContain('ipcRenderer');
  });

  it.each([
    ['appInfo', 'app:info', undefined],
    ['pickAndReadLedger', 'ledger:pick-and-read', { targets: [] }],
    ['saveFile', 'file:save', { suggestedName: 'a.xlsx', bytes: new Uint8Array([1]), filters: [] }],
    ['openFile', 'file:open', { filters: [] }],
    ['openFolder', 'folder:open', { extensions: ['xlsx'] }],
    ['printToPdf', 'print:to-pdf', { suggestedName: 'a.pdf', landscape: true, pageSize: 'A4' }],
    ['saveBackup', 'backup:save', { suggestedName: 'a.zrbak', bytes: new Uint8Array([1]) }],
    ['pickBackup', 'backup:pick', undefined],
  ] as const)('%s invokes %s with its one argument', async (method, channel, args) => {
    electron.invoked.length = 0;
    const call: unknown = Reflect.get(bridge, method);
    if (typeof call !== 'function') throw new Error(`${method} missing`);
    await expect(Reflect.apply(call, undefined, args === undefined ? [] : [args])).resolves.toEqual({ channel });
    expect(electron.invoked).toEqual([{ channel, args: [args] }]);
  });

  it('forwards known menu commands only, and unsubscribes', () => {
    const received: string[] = [];
    const unsubscribe = bridge.onMenuCommand((command) => received.push(command));
    const send = (value: unknown): void => electron.listeners.get(MENU_COMMAND_CHANNEL)?.forEach((listener) => listener({ sender: 'main' }, value));
    send('import-ledger');
    send('rm -rf /');
    send({ toString: () => 'undo' });
    unsubscribe();
    send('redo');
    expect(received).toEqual(['import-ledger']);
    expect(electron.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });
});
