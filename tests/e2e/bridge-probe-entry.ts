// Loaded only by the end-to-end tests (tests/e2e/harness.ts → exposeBridgeProbe): puts the real
// browser bridge on `window.bridgeProbe` so a test can call it without the app's screens.
import type { HostBridge } from '../../src-shared/ipc/contract';
import { createBrowserBridge } from '../../src-renderer/bridge';
import { parseLedgerInWebWorker } from '../../src-renderer/excel/parse-in-web-worker';

declare global {
  interface Window {
    bridgeProbe?: HostBridge;
  }
}

window.bridgeProbe = createBrowserBridge({ parseLedger: (job) => parseLedgerInWebWorker(job) });
