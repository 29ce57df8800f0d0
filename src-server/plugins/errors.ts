/**
 * Maps everything Fastify refuses before a handler runs (an oversize body, a body that is not
 * JSON, a field that fails its schema, an unknown route) and every unexpected failure to the
 * protocol's stable codes with a Chinese message. An unexpected failure is logged with its stack
 * and answered `internal`; its transaction has been rolled back, so nothing was stored.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { sendError } from '../reply-error';

const FIELD_NAMES: Record<string, string> = {
  code: '报送码',
  publicKey: '公钥',
  proof: '登记签名',
  deviceName: '设备名称',
  reason: '退回原因',
  consolidation: '汇总名称',
  since: 'since（游标）',
  limit: 'limit',
  zoneId: '开发区',
  city: '市',
};

function fieldOf(error: FastifyError): string {
  const v = error.validation?.[0];
  if (!v) return '';
  const missing = v.keyword === 'required' && typeof v.params?.missingProperty === 'string' ? v.params.missingProperty : undefined;
  const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return missing ?? path;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const field = fieldOf(error);
      const where = error.validationContext === 'querystring' ? '查询参数' : error.validationContext === 'params' ? '路径' : '请求';
      const name = FIELD_NAMES[field] ?? field;
      return sendError(reply, 'invalid-field', { field, message: `${where}字段「${name || '（整体）'}」有误：${error.validation[0]?.message ?? ''}。请按 docs/collection-api.md 填写后重新发送。` });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 'body-too-large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 'unsupported-media-type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendError(reply, 'malformed-json');
      case 'ZR_MALFORMED_JSON':
        return sendError(reply, 'malformed-json', { message: error.message });
      default:
        break;
    }
    if (error.statusCode === 408 || error.code === 'ECONNRESET' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return sendError(reply, 'request-timeout');
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 'internal');
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 'not-found', { message: `没有这个接口：${request.method} ${request.url.split('?')[0]}。接口见 docs/collection-api.md。` }));
}
