/// <reference lib="webworker" />
/** The ledger preview's near-duplicate search, off the window's thread: the preview is shown first. */
import { flagNearDuplicates, type ExistingRow, type Preview } from '../../src-shared/ledger';

export interface NearDuplicateRequest {
  preview: Preview;
  existing: ExistingRow[];
  keyFields: string[];
}

self.onmessage = (e: MessageEvent<NearDuplicateRequest>) => {
  try {
    self.postMessage({ ok: true, preview: flagNearDuplicates(e.data.preview, e.data.existing, { keyFields: e.data.keyFields }) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
