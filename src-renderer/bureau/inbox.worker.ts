/// <reference lib="webworker" />
// Reads one received workbook (or return JSON) off the UI thread with the core's reader.
import { readReceivedFile } from '../../src-shared/collect';

self.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = event.data;
  try {
    self.postMessage({ ok: true, read: await readReceivedFile(bytes, fileName) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
