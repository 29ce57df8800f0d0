/**
 * 报送情况's devices on the real server, over PGlite and over a real PostgreSQL: the bureau's
 * reader lists its city's enrolled devices with when each was last seen (its last authenticated
 * request, written at most once a minute), a zone may not; a device withdraws its own enrollment
 * (取消登记) and is refused from then on; version 2 of the schema fills state_changed_at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, EnrolledDevice } from '../../src-shared/collect-protocol';
import { migrate, MIGRATIONS } from '../../src-server/db/migrate';
import { openStorage } from '../../src-server/open-database';
import { enrolledDevice, send, signedRequest, startOnBackend, tempDir, type Backend } from './harness';
import { postgresMissing } from './postgres-cluster';
import { makeWorkbook } from './workbooks';

const missing = postgresMissing();
if (missing) console.warn(`\n!!! SKIPPING the PostgreSQL half of tests/server/devices.test.ts: ${missing}\n`);

const LIMITS = { verifyWorkers: 0, rate: { burst: 1000, perMinute: 60_000 } };

describe.each<Backend>(['pglite', 'postgres'])('devices and last seen over %s', (backend) => {
  let server: Awaited<ReturnType<typeof startOnBackend>>;
  let jincheng: Device;
  let gaoping: Device;
  let reader: Device;
  let linfenReader: Device;
  const skip = backend === 'postgres' && missing !== undefined;

  beforeAll(async () => {
    if (skip) return;
    server = await startOnBackend(backend, 'zr-devices-', LIMITS);
    jincheng = await enrolledDevice(server, { zoneId: 'jincheng-kfq' });
    gaoping = await enrolledDevice(server, { zoneId: 'gaoping-kfq' });
    reader = await enrolledDevice(server, { city: '晋城市' });
    linfenReader = await enrolledDevice(server, { city: '临汾市' });
  }, 120_000);

  afterAll(() => server?.dispose());

  const lastSeen = async (d: Device): Promise<Date | null> => (await server.db.query<{ last_seen_at: Date | null }>('SELECT last_seen_at FROM devices WHERE id = $1', [d.deviceId]))[0]!.last_seen_at;
  const listed = async (by: Device): Promise<EnrolledDevice[]> => {
    const answer = await server.client.devices(by);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value.devices;
  };

  it.skipIf(skip)("the reader lists its own city's devices (not another city's); a zone may not list them", async () => {
    const devices = await listed(reader);
    expect(devices.map((d) => d.deviceId).sort()).toEqual([jincheng.deviceId, gaoping.deviceId, reader.deviceId].sort());
    expect(devices.find((d) => d.deviceId === jincheng.deviceId)).toMatchObject({ role: 'zone', zoneId: 'jincheng-kfq', zoneName: '晋城开发区', revokedAt: null });
    expect(devices.find((d) => d.deviceId === reader.deviceId)).toMatchObject({ role: 'reader', zoneId: null });
    for (const d of devices) expect(Date.parse(d.enrolledAt)).toBeGreaterThan(Date.now() - 120_000);
    // Neither the key nor the address it enrolled from is given out.
    expect(Object.keys(devices[0]!).sort()).toEqual(['deviceId', 'deviceName', 'enrolledAt', 'lastSeenAt', 'revokedAt', 'role', 'zoneId', 'zoneName']);
    expect((await listed(linfenReader)).map((d) => d.deviceId)).toEqual([linfenReader.deviceId]);

    const zone = await server.client.devices(jincheng);
    expect(zone.ok).toBe(false);
    if (zone.ok) return;
    expect({ status: zone.status, code: zone.error.code }).toEqual({ status: 403, code: 'forbidden' });
    expect(zone.error.message).toMatch(/只有市商务局的设备/);
  });

  it.skipIf(skip)('last seen is the last authenticated request, written at most once a minute, never by a refused one', async () => {
    // A second device of 晋城开发区, enrolled now: not seen yet (enrolling is not a signed request).
    const fresh = await enrolledDevice(server, { zoneId: 'jincheng-kfq' });
    expect(await lastSeen(fresh)).toBeNull();
    expect((await listed(reader)).find((d) => d.deviceId === fresh.deviceId)?.lastSeenAt).toBeNull();

    // A forged request (signed with another key) is refused and does not count.
    const forged = await signedRequest(fresh, 'GET', '/api/v1/submissions', undefined, { signWith: jincheng.signer });
    expect((await send(server.url, 'GET', '/api/v1/submissions', forged)).body.error?.code).toBe('bad-signature');
    expect(await lastSeen(fresh)).toBeNull();

    const before = Date.now();
    expect((await server.client.list(fresh)).ok).toBe(true);
    const first = await lastSeen(fresh);
    expect(first).not.toBeNull();
    expect(first!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await listed(reader)).find((d) => d.deviceId === fresh.deviceId)?.lastSeenAt).toBe(first!.toISOString());

    // Within the minute: no write. Seen 30 s ago stays 30 s ago.
    const recent = new Date(Date.now() - 30_000);
    await server.db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [fresh.deviceId, recent]);
    expect((await server.client.list(fresh)).ok).toBe(true);
    expect((await server.client.indicatorSets(fresh)).ok).toBe(true);
    expect((await lastSeen(fresh))!.getTime()).toBe(recent.getTime());

    // Older than a minute: the next request writes the time of that request.
    await server.db.query("UPDATE devices SET last_seen_at = now() - interval '5 minutes' WHERE id = $1", [fresh.deviceId]);
    const again = Date.now();
    expect((await server.client.list(fresh)).ok).toBe(true);
    expect((await lastSeen(fresh))!.getTime()).toBeGreaterThanOrEqual(again - 1000);

    // An upload counts as well (the reader's own requests count for the reader).
    await server.db.query("UPDATE devices SET last_seen_at = now() - interval '2 hours' WHERE id IN ($1, $2)", [jincheng.deviceId, reader.deviceId]);
    const wb = await makeWorkbook({ zone: 'jincheng-kfq', period: { year: 2024, endMonth: 6, frequency: 'quarter' } });
    expect((await server.client.push(jincheng, wb.bytes)).ok).toBe(true);
    const devices = await listed(reader);
    for (const id of [jincheng.deviceId, reader.deviceId]) expect(Date.parse(devices.find((d) => d.deviceId === id)!.lastSeenAt!)).toBeGreaterThan(Date.now() - 60_000);
  });

  it.skipIf(skip)('取消登记: a device revokes itself; the reader sees it revoked; its next request is refused', async () => {
    const revoked = await server.client.revokeSelf(gaoping);
    expect(revoked.ok).toBe(true);
    if (!revoked.ok) return;
    expect((await listed(reader)).find((d) => d.deviceId === gaoping.deviceId)?.revokedAt).toBe(revoked.value.revokedAt);
    const [audit] = await server.db.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE target = $1 AND action = 'device.revoked'", [gaoping.deviceId]);
    expect(audit).toEqual({ actor: `device:${gaoping.deviceId}`, action: 'device.revoked' });
    const after = await server.client.list(gaoping);
    expect(!after.ok && after.error.code).toBe('device-revoked');
    const twice = await server.client.revokeSelf(gaoping);
    expect(!twice.ok && twice.error.code).toBe('device-revoked');
  });
});

describe('schema version 2', () => {
  it('fills state_changed_at of the submissions already sent back or consolidated, from their state changes', async () => {
    const dir = tempDir('zr-migrate-');
    try {
      const opened = await openStorage({ dataDir: dir.path }, 'test');
      if (!opened.ok) throw new Error(opened.message);
      const db = opened.db;
      try {
        // Opened at the newest version; taken back to version 1, with a sent-back row as it was then.
        expect(await migrate(db)).toEqual({ applied: [], version: MIGRATIONS.length });
        await db.exec(`
          DROP INDEX devices_city;
          ALTER TABLE submissions DROP COLUMN state_changed_at;
          DELETE FROM schema_migrations WHERE version = 2;
          INSERT INTO cities (code, name) VALUES ('t1', '测试市');
          INSERT INTO zones (id, name, city_code, county, type, level) VALUES ('t-z', '测试区', 't1', '测试县', '经开区', '省级');
          INSERT INTO enrollment_codes (code, role, city_code, zone_id, expires_at) VALUES ('T-1', 'zone', 't1', 't-z', now());
          INSERT INTO devices (id, role, city_code, zone_id, public_key, enrollment_code) VALUES ('dev-t', 'zone', 't1', 't-z', 'k', 'T-1');
        `);
        const insert = async (revision: number, state: string): Promise<number> =>
          (await db.query<{ seq: number }>(
            `INSERT INTO submissions (submission_id, revision, sha256, body_sha256, workbook, size, parsed_return, identity, verdict, zone_id, city_code, period_key, set_id, set_version, device_id, canonical_request, signature, state)
             VALUES ('00000000-0000-4000-8000-000000000001', $1, 'h', 'b', '\\x00'::bytea, 1, '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, 't-z', 't1', '2024-03-q', 's', '1', 'dev-t', 'c', 'sig', $2) RETURNING seq`,
            [revision, state],
          ))[0]!.seq;
        const backSeq = await insert(1, '退回修改');
        const keptSeq = await insert(2, '已接收');
        await db.query("INSERT INTO state_changes (submission_seq, state, actor, at) VALUES ($1, '已接收', 'x', '2024-04-10T01:00:00Z'), ($1, '退回修改', 'x', '2024-04-12T02:31:00Z'), ($2, '已接收', 'x', '2024-04-13T00:00:00Z')", [backSeq, keptSeq]);

        expect(await migrate(db)).toEqual({ applied: [2], version: 2 });
        const rows = await db.query<{ seq: number; state_changed_at: Date | null }>('SELECT seq, state_changed_at FROM submissions ORDER BY seq');
        expect(rows.map((r) => [r.seq, r.state_changed_at?.toISOString() ?? null])).toEqual([[backSeq, '2024-04-12T02:31:00.000Z'], [keptSeq, null]]);
        expect(await migrate(db)).toEqual({ applied: [], version: 2 });
      } finally {
        await opened.close();
      }
    } finally {
      dir.remove();
    }
  });
});
