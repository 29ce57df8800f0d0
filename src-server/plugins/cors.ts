/**
 * Cross-origin access for the browser build of the app (issue 12): its pages come from another
 * origin than the server, so the browser asks first (preflight) and needs these headers on every
 * answer. Requests carry no cookies — each is signed by the device's key — so any origin may
 * call the device API; the admin endpoint gets no CORS headers (a page cannot reach it).
 */
import type { FastifyInstance } from 'fastify';

const ALLOW_HEADERS = 'authorization, content-type, accept';

function isDeviceApi(url: string): boolean {
  return url.startsWith('/api/v1/') && !url.startsWith('/api/v1/admin');
}

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.origin === undefined || !isDeviceApi(request.url)) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'content-type');
    if (request.method === 'OPTIONS') {
      reply.header('access-control-allow-methods', 'GET, POST');
      reply.header('access-control-allow-headers', ALLOW_HEADERS);
      reply.header('access-control-max-age', '600');
      await reply.code(204).send();
    }
  });
  // A route for the preflight, so it is not answered 404 before the hook runs.
  app.options('/api/v1/*', async (_request, reply) => reply.code(204).send());
}
