import { describe, expect, it } from 'vitest';
import type { EnrolledDevice } from '../../src-shared/collect-protocol';
import { describeZoneLink, zoneLinks } from './bureau-sync';

const at = (d: number, h: number, m: number): string => new Date(2026, 11, d, h, m).toISOString();
const device = (id: string, zoneId: string | null, more: Partial<EnrolledDevice> = {}): EnrolledDevice => ({
  deviceId: id, role: zoneId === null ? 'reader' : 'zone', zoneId, zoneName: zoneId, deviceName: null, enrolledAt: at(1, 9, 0), lastSeenAt: null, revokedAt: null, ...more,
});
const NOW = new Date(2026, 11, 2, 12, 0);

describe('报送情况: zones enrolled and last seen', () => {
  it('已联网 with the latest contact of its active devices; 已注销 when all were revoked; 未联网 without a device', () => {
    const links = zoneLinks([
      device('a1', 'a', { lastSeenAt: at(2, 10, 31) }),
      device('a2', 'a', { lastSeenAt: at(1, 15, 0) }),
      device('a3', 'a', { lastSeenAt: at(2, 11, 50), revokedAt: at(2, 11, 50) }),
      device('b1', 'b'),
      device('c1', 'c', { lastSeenAt: at(1, 10, 0), revokedAt: at(1, 16, 5) }),
      device('r', null, { lastSeenAt: at(2, 11, 59) }),
    ]);
    expect([...links.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(describeZoneLink(links.get('a'), NOW)).toBe('已联网（最近 12-02 10:31）');
    // Enrolled, no signed request yet: its enrollment is its last contact.
    expect(describeZoneLink(links.get('b'), NOW)).toBe('已联网（最近 12-01 09:00）');
    expect(describeZoneLink(links.get('c'), NOW)).toBe('已注销（12-01 16:05）');
    expect(describeZoneLink(links.get('d'), NOW)).toBe('未联网');
    expect(links.get('a')?.devices).toHaveLength(3);
  });
});
