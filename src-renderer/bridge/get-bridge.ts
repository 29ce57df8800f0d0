import { BRIDGE_GLOBAL, BRIDGE_METHODS, type HostBridge } from '../../src-shared/ipc/contract';
import { createBrowserBridge } from './browser-bridge';
import { parseLedgerInWebWorker } from '../excel/parse-in-web-worker';

let browserBridge: HostBridge | undefined;

function isHostBridge(value: unknown): value is HostBridge {
  if (typeof value !== 'object' || value === null) return false;
  const names = [...Object.keys(BRIDGE_METHODS), 'onMenuCommand'];
  return names.every((name) => typeof Reflect.get(value, name) === 'function');
}

function preloadBridge(): HostBridge | undefined {
  // Under Electron the preload exposed the bridge with contextBridge; nowhere else is it set.
  const exposed: unknown = Reflect.get(window, BRIDGE_GLOBAL);
  return isHostBridge(exposed) ? exposed : undefined;
}

/** The host bridge: the preload's under Electron, the browser bridge in the web build. */
export function getBridge(): HostBridge {
  const fromPreload = preloadBridge();
  if (fromPreload) return fromPreload;
  browserBridge ??= createBrowserBridge({ parseLedger: (job) => parseLedgerInWebWorker(job) });
  return browserBridge;
}

export function isElectronHost(): boolean {
  return preloadBridge() !== undefined;
}
