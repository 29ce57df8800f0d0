/** The server answers the browser build's preflight for the device API, never for the admin endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../server/harness';

const dir = tempDir('zr-cors-');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dataDir: dir.path }, { verifyWorkers: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
  dir.remove();
});

describe('CORS for the web build', () => {
  it('preflight and answers of /api/v1 carry the headers; admin does not', async () => {
    const headers = { origin: 'http://127.0.0.1:5555', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' };
    const pre = await fetch(`${server.url}/api/v1/submissions`, { method: 'OPTIONS', headers });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const health = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'http://127.0.0.1:5555' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    const admin = await fetch(`${server.url}/api/v1/admin/list`, { method: 'OPTIONS', headers });
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
    const unsigned = await fetch(`${server.url}/api/v1/submissions`, { headers: { origin: 'http://127.0.0.1:5555' } });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('access-control-allow-origin')).toBe('*');
  });
});
