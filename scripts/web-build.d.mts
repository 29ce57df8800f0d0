export const repoRoot: string;
export const distWeb: string;
export function webBuildIsStale(): boolean;
export function buildWeb(options?: { quiet?: boolean }): Promise<void>;
export function cspHeaderOfBuild(): string | undefined;
