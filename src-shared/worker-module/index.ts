/**
 * Where a worker thread's script is, seen from the module that starts it. From source (vitest,
 * the benchmarks through tsx) the caller is a .ts file and the worker is its TypeScript sibling,
 * to be loaded through tsx; in the CLI's bundle (out/cli/, vite.cli.config.ts) every chunk and
 * every worker lies flat in one folder, the worker as `<name>.mjs`.
 */
export interface WorkerModule {
  url: URL;
  /** True when the script is TypeScript and must be loaded through tsx. */
  typescript: boolean;
}

export function workerModule(callerUrl: string, name: string): WorkerModule {
  const typescript = /\.[cm]?tsx?$/.test(new URL(callerUrl).pathname);
  return { url: new URL(`./${name}.${typescript ? 'ts' : 'mjs'}`, callerUrl), typescript };
}
