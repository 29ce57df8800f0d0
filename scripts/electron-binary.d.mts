export function electronBinary(options?: { root?: string; env?: Record<string, string | undefined> }): string | null;
export const MISSING_ELECTRON_MESSAGE: string;
