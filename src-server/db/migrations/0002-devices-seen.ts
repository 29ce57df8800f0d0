/**
 * Version 2: for the bureau's 报送情况 board and the zone's 退回修改 line. A city's devices are
 * listed by city (index); each submission keeps when its state last changed (the bureau's
 * 退回修改 or 已汇总), filled for the rows already there from their state changes.
 */
export const migration0002 = {
  version: 2,
  name: 'devices-seen',
  sql: `
CREATE INDEX devices_city ON devices (city_code, enrolled_at);

ALTER TABLE submissions ADD COLUMN state_changed_at timestamptz;

UPDATE submissions s SET state_changed_at = (SELECT max(c.at) FROM state_changes c WHERE c.submission_seq = s.seq) WHERE s.state <> '已接收';
`,
};
