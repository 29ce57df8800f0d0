import { existsSync } from 'node:fs';

/** The Debian Chromium the end-to-end tests drive (playwright-core downloads no browser). */
export const CHROMIUM_PATH = process.env.ZONE_RETURNS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the end-to-end tests cannot run here, or null when Chromium is present. */
export function chromiumProblem(path = CHROMIUM_PATH): string | null {
  if (existsSync(path)) return null;
  return (
    `端到端测试需要 Chromium，但没有找到 ${path}。请安装：apt-get install -y chromium（CI 的 .ci/run 会自动安装）。\n` +
    `The end-to-end tests need Chromium at ${path}, which is missing. Install it with: apt-get install -y chromium ` +
    `(.ci/run installs it in CI), or point ZONE_RETURNS_CHROMIUM at another Chromium binary.`
  );
}
