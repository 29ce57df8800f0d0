export const repoRoot: string;
export const distWeb: string;
export function webBuildIsStale(): boolean;
export function buildWeb(options?: { quiet?: boolean; outDir?: string }): Promise<void>;
export function cspHeaderOfBuild(dir?: string): string | undefined;
