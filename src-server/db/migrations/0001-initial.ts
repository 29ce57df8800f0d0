/** Version 1: the registry, devices and codes, submissions with their states, indicator sets, the audit log. */
export const migration0001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE cities (
  code text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE zones (
  id text PRIMARY KEY,
  name text NOT NULL,
  city_code text NOT NULL REFERENCES cities(code),
  county text NOT NULL,
  type text NOT NULL,
  level text NOT NULL
);

CREATE TABLE enrollment_codes (
  code text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('zone', 'reader')),
  city_code text NOT NULL REFERENCES cities(code),
  zone_id text REFERENCES zones(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_from text,
  used_by_device text,
  CHECK ((role = 'zone') = (zone_id IS NOT NULL))
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('zone', 'reader')),
  city_code text NOT NULL REFERENCES cities(code),
  zone_id text REFERENCES zones(id),
  device_name text,
  public_key text NOT NULL UNIQUE,
  enrollment_code text NOT NULL REFERENCES enrollment_codes(code),
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_from text,
  revoked_at timestamptz,
  revoked_reason text,
  last_seen_at timestamptz
);

CREATE TABLE request_nonces (
  device_id text NOT NULL REFERENCES devices(id),
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, nonce)
);

CREATE TABLE indicator_sets (
  id text NOT NULL,
  version text NOT NULL,
  year integer NOT NULL,
  name text NOT NULL,
  body jsonb NOT NULL,
  sha256 text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE submissions (
  seq serial PRIMARY KEY,
  submission_id text NOT NULL,
  revision integer NOT NULL,
  sha256 text NOT NULL,
  body_sha256 text NOT NULL,
  workbook bytea NOT NULL,
  size integer NOT NULL,
  parsed_return jsonb NOT NULL,
  identity jsonb NOT NULL,
  verdict jsonb NOT NULL,
  zone_id text NOT NULL REFERENCES zones(id),
  city_code text NOT NULL REFERENCES cities(code),
  period_key text NOT NULL,
  set_id text NOT NULL,
  set_version text NOT NULL,
  device_id text NOT NULL REFERENCES devices(id),
  canonical_request text NOT NULL,
  signature text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  received_from text,
  state text NOT NULL DEFAULT '已接收' CHECK (state IN ('已接收', '退回修改', '已汇总')),
  reason text,
  superseded boolean NOT NULL DEFAULT false,
  UNIQUE (submission_id, revision),
  UNIQUE (zone_id, period_key, revision)
);
CREATE INDEX submissions_city_seq ON submissions (city_code, seq);
CREATE INDEX submissions_zone ON submissions (zone_id, period_key);

CREATE TABLE state_changes (
  id serial PRIMARY KEY,
  submission_seq integer NOT NULL REFERENCES submissions(seq),
  state text NOT NULL,
  reason text,
  consolidation text,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  from_addr text
);

-- Append-only: the audit log proves what happened, so nothing may rewrite it.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
`,
};
