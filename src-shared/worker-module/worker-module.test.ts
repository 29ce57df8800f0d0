import { describe, expect, it } from 'vitest';
import { workerModule } from '.';

describe('workerModule', () => {
  it('is the TypeScript sibling, through tsx, when the caller runs from source', () => {
    expect(workerModule('file:///repo/src-main/excel/parse-in-worker.ts', 'ledger-worker')).toEqual({ url: new URL('file:///repo/src-main/excel/ledger-worker.ts'), typescript: true });
  });

  it('is the bundled .mjs beside the chunk when the caller is the CLI bundle', () => {
    expect(workerModule('file:///opt/zr/out/cli/chunk-import-ledger-AbC.mjs', 'ledger-worker')).toEqual({ url: new URL('file:///opt/zr/out/cli/ledger-worker.mjs'), typescript: false });
    expect(workerModule('file:///opt/zr/out/cli/chunk-serve.js?v=1', 'verify-worker').typescript).toBe(false);
  });
});
