export function fileForRequest(root: string, urlPath: string): string | null;
export function serveStatic(options: {
  root: string;
  port?: number;
  host?: string;
  headers?: Record<string, string>;
}): Promise<{ url: string; port: number; close: () => Promise<void> }>;
