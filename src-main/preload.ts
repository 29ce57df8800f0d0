/**
 * The preload: exposes the host bridge as named functions, one per channel of the contract.
 * Sandboxed (bundled to one CommonJS file; it may require only 'electron'); no raw ipcRenderer,
 * no Node objects cross into the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_GLOBAL,
  MENU_COMMAND_CHANNEL,
  MENU_COMMANDS,
  type ArgsOf,
  type Channel,
  type HostBridge,
  type MenuCommand,
  type ResultOf,
} from '../src-shared/ipc/contract';

function invoke<K extends Channel>(channel: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
  // ipcRenderer.invoke is untyped; main's handler for `channel` is typed from the same contract.
  const reply: Promise<ResultOf<K>> = ipcRenderer.invoke(channel, args);
  return reply;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

const bridge = {
  appInfo: () => invoke('app:info', undefined),
  pickAndReadLedger: (args) => invoke('ledger:pick-and-read', args),
  saveFile: (args) => invoke('file:save', args),
  openFile: (args) => invoke('file:open', args),
  openFolder: (args) => invoke('folder:open', args),
  printToPdf: (args) => invoke('print:to-pdf', args),
  saveBackup: (args) => invoke('backup:save', args),
  pickBackup: () => invoke('backup:pick', undefined),
  onMenuCommand: (listener) => {
    const forward = (_event: Electron.IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} satisfies HostBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
