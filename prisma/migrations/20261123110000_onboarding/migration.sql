-- Onboarding a whole organization (issue 8): every account AWS Organizations reports (linked or
-- not), each linked account's OU path and Organizations state, and a record of every sync.

-- "Root/Workloads/Prod": the scorecard groups and filters by it. Null: not discovered through an organization.
ALTER TABLE linked_account ADD COLUMN ou_path text;
-- Organizations' account State (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED) at the last sync,
-- or LEFT when the account is no longer in the organization. Null: never seen in one.
ALTER TABLE linked_account ADD COLUMN organization_state text;
CREATE INDEX linked_account_ou_path_idx ON linked_account (ou_path) WHERE removed_at IS NULL;

-- The organization's accounts as the last successful sync saw them; replaced as a whole by each sync.
CREATE TABLE organization_account (
  aws_account_id   char(12) PRIMARY KEY,
  organization_id  text NOT NULL,
  name             text NOT NULL,
  email            text NOT NULL,
  arn              text NOT NULL,
  state            text NOT NULL,
  parent_id        text NOT NULL,
  ou_path          text NOT NULL,
  -- Root id and OU ids from the root down to the parent (OU filters may name an OU by id).
  ou_ids           text[] NOT NULL DEFAULT '{}',
  joined_at        timestamptz(3),
  first_seen_at    timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at     timestamptz(3) NOT NULL,
  CONSTRAINT organization_account_aws_account_id_format CHECK (aws_account_id ~ '^[0-9]{12}$')
);
CREATE INDEX organization_account_ou_path_idx ON organization_account (ou_path);

-- One row per discovery: when, why, what it found and did, or why it failed.
CREATE TABLE organization_sync (
  id               bigserial PRIMARY KEY,
  -- schedule | manual | cli | startup
  trigger          text NOT NULL,
  -- running | succeeded | failed
  status           text NOT NULL DEFAULT 'running',
  started_at       timestamptz(3) NOT NULL DEFAULT now(),
  finished_at      timestamptz(3),
  organization_id  text,
  accounts_found   integer NOT NULL DEFAULT 0,
  accounts_linked  integer NOT NULL DEFAULT 0,
  accounts_marked  integer NOT NULL DEFAULT 0,
  error            jsonb,
  CONSTRAINT organization_sync_status_check CHECK (status IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX organization_sync_started_at_idx ON organization_sync (started_at);
