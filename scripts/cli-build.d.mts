export const repoRoot: string;
export const cliOut: string;
export const cliEntry: string;
export function hasSources(): boolean;
export function cliBuildIsStale(): boolean;
export function buildCli(options?: { quiet?: boolean }): void;
export function cliBuildIsStaleAsync(): Promise<boolean>;
