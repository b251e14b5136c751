-- Alerts: destinations (Slack, Teams, a generic signed webhook) and one delivery per event and
-- destination. The unique (destination_id, event_key) is what makes an event go out once however
-- many workers scan for events at the same moment.
CREATE TABLE alert_destination (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  type text NOT NULL,
  source text NOT NULL DEFAULT 'ui',
  url_encrypted text NOT NULL,
  url_host text NOT NULL,
  secret_encrypted text,
  secret_env text,
  min_severity text NOT NULL DEFAULT 'high',
  events text[] NOT NULL DEFAULT ARRAY['finding_opened', 'finding_reopened', 'checklist_overdue']::text[],
  scope text NOT NULL DEFAULT 'all',
  scope_accounts text[] NOT NULL DEFAULT ARRAY[]::text[],
  scope_ous text[] NOT NULL DEFAULT ARRAY[]::text[],
  scope_tags text[] NOT NULL DEFAULT ARRAY[]::text[],
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX alert_destination_name_key ON alert_destination (name);

CREATE TABLE alert_delivery (
  id bigserial PRIMARY KEY,
  destination_id uuid NOT NULL REFERENCES alert_destination (id) ON DELETE CASCADE ON UPDATE CASCADE,
  event_key text NOT NULL,
  event text NOT NULL,
  payload jsonb NOT NULL,
  occurred_at timestamptz(3) NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz(3),
  claimed_at timestamptz(3),
  response_status integer,
  last_error text,
  sent_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX alert_delivery_destination_id_event_key_key ON alert_delivery (destination_id, event_key);
CREATE INDEX alert_delivery_destination_id_created_at_idx ON alert_delivery (destination_id, created_at);

-- The alert scan reads failing intervals opened recently.
CREATE INDEX finding_failing_since_idx ON finding (first_seen_at) WHERE status = 'fail';
