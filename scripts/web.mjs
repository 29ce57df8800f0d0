#!/usr/bin/env node
// `npm run web`: builds the web renderer if it is missing or stale, then serves dist-web/ on
// http://127.0.0.1:PORT (PORT from --port N or $PORT, default 4173; a busy port falls back to a free one).
import { serveStatic } from './serve-static.mjs';
import { buildWeb, cspHeaderOfBuild, distWeb, webBuildIsStale } from './web-build.mjs';

function requestedPort() {
  const flag = process.argv.indexOf('--port');
  const raw = flag >= 0 ? process.argv[flag + 1] : process.env.PORT;
  const port = Number(raw ?? 4173);
  return Number.isInteger(port) && port >= 0 && port < 65536 ? port : 4173;
}

if (process.argv.includes('--rebuild') || webBuildIsStale()) {
  console.log('正在构建网页版… / Building the web renderer…');
  await buildWeb();
}

const csp = cspHeaderOfBuild();
const headers = csp ? { 'Content-Security-Policy': csp } : {};
let served;
try {
  served = await serveStatic({ root: distWeb, port: requestedPort(), headers });
} catch (error) {
  if (error?.code !== 'EADDRINUSE') throw error;
  served = await serveStatic({ root: distWeb, port: 0, headers });
}
console.log(`开发区季度指标填报（网页版）已启动，请用浏览器打开 / Web build served at: ${served.url}`);
console.log('按 Ctrl+C 停止 / Press Ctrl+C to stop.');
const stop = () => void served.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
