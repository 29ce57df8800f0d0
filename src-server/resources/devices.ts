/**
 * Devices as the apps see them: the bureau's reader lists its city's enrolled devices with when
 * each was last seen (报送情况 on the board); any device may withdraw its own enrollment (the
 * app's 取消登记), after which the server refuses it like a device the administrator revoked.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { API_PREFIX, type EnrolledDevice } from '../../src-shared/collect-protocol';
import { revoke } from '../admin/admin-ops';
import type { Database } from '../db/database';
import { listDevices, type DeviceRow } from '../model/query/devices';
import { errorReplies, sendError } from '../reply-error';

const enrolledDeviceSchema = {
  type: 'object',
  required: ['deviceId', 'role', 'zoneId', 'enrolledAt', 'lastSeenAt', 'revokedAt'],
  properties: {
    deviceId: { type: 'string' },
    role: { type: 'string', enum: ['zone', 'reader'] },
    zoneId: { type: ['string', 'null'] },
    zoneName: { type: ['string', 'null'] },
    deviceName: { type: ['string', 'null'] },
    enrolledAt: { type: 'string' },
    lastSeenAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;

export function enrolledDevice(d: DeviceRow): EnrolledDevice {
  return {
    deviceId: d.id,
    role: d.role,
    zoneId: d.zone_id,
    zoneName: d.zone_name,
    deviceName: d.device_name,
    enrolledAt: d.enrolled_at.toISOString(),
    lastSeenAt: d.last_seen_at?.toISOString() ?? null,
    revokedAt: d.revoked_at?.toISOString() ?? null,
  };
}

export function deviceRoutes(app: FastifyInstance, db: Database, authenticate: preHandlerAsyncHookHandler): void {
  app.get(
    `${API_PREFIX}/devices`,
    {
      preHandler: authenticate,
      schema: { response: { 200: { type: 'object', required: ['ok', 'devices'], properties: { ok: { const: true }, devices: { type: 'array', items: enrolledDeviceSchema } } }, ...errorReplies() } },
    },
    async (request, reply) => {
      const device = request.device!;
      if (device.role !== 'reader') return sendError(reply, 'forbidden', { message: '只有市商务局的设备可以查看本市各开发区的联网设备。' });
      return { ok: true, devices: (await listDevices(db, device.city_code)).map(enrolledDevice) };
    },
  );

  app.post(
    `${API_PREFIX}/devices/self/revoke`,
    {
      preHandler: authenticate,
      schema: {
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: { type: 'object', required: ['ok', 'revokedAt'], properties: { ok: { const: true }, revokedAt: { type: 'string' } } }, ...errorReplies() },
      },
    },
    async (request, reply) => {
      const device = request.device!;
      const outcome = await revoke(db, device.id, '本机取消登记', `device:${device.id}`, request.ip);
      if (!outcome.ok) return sendError(reply, outcome.code, { ...(outcome.message ? { message: outcome.message } : {}) });
      return { ok: true, revokedAt: outcome.value.revokedAt! };
    },
  );
}
