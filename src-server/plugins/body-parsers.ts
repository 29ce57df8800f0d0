/**
 * Bodies are kept as the bytes received (the signature covers them): the workbook as it is, JSON
 * parsed from the same bytes. A body that is not JSON is `malformed-json`, named as such.
 */
import type { FastifyInstance } from 'fastify';
import { WORKBOOK_MEDIA_TYPE } from '../../src-shared/collect-protocol';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

class MalformedJson extends Error {
  code = 'ZR_MALFORMED_JSON';
  statusCode = 400;
}

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    request.rawBody = body;
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      done(new MalformedJson(`请求内容不是有效的 JSON（${detail}），未处理。请检查后重新发送。`), undefined);
    }
  });
  app.addContentTypeParser([WORKBOOK_MEDIA_TYPE, 'application/octet-stream'], { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    request.rawBody = body;
    done(null, body);
  });
}
