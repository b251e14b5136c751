-- iamfit: linked accounts, collection runs, content-addressed snapshots, findings as intervals, scores.

CREATE TABLE linked_account (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  aws_account_id         char(12) NOT NULL,
  name                   text NOT NULL,
  role_arn               text NOT NULL,
  external_id            text NOT NULL,
  tags                   jsonb NOT NULL DEFAULT '{}',
  source                 text NOT NULL DEFAULT 'manual',
  created_at             timestamptz(3) NOT NULL DEFAULT now(),
  updated_at             timestamptz(3) NOT NULL DEFAULT now(),
  removed_at             timestamptz(3),
  last_evaluated_run_id  bigint,
  last_collected_at      timestamptz(3),
  last_status            text NOT NULL DEFAULT 'never',
  last_error             jsonb,
  CONSTRAINT linked_account_aws_account_id_format CHECK (aws_account_id ~ '^[0-9]{12}$')
);
CREATE UNIQUE INDEX linked_account_aws_account_id_key ON linked_account (aws_account_id);

CREATE TABLE installation_setting (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE collection_run (
  id              bigserial PRIMARY KEY,
  kind            text NOT NULL DEFAULT 'collect',
  trigger         text NOT NULL,
  requested_by    text,
  status          text NOT NULL DEFAULT 'queued',
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  cancel_requested_at timestamptz(3),
  started_at      timestamptz(3),
  finished_at     timestamptz(3),
  accounts_total  integer NOT NULL DEFAULT 0,
  api_calls       integer NOT NULL DEFAULT 0
);
CREATE INDEX collection_run_created_at_idx ON collection_run (created_at);

CREATE TABLE account_collection (
  id              bigserial PRIMARY KEY,
  run_id          bigint NOT NULL REFERENCES collection_run (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id      uuid NOT NULL REFERENCES linked_account (id) ON DELETE CASCADE ON UPDATE CASCADE,
  status          text NOT NULL DEFAULT 'queued',
  cancel_requested_at timestamptz(3),
  started_at      timestamptz(3),
  finished_at     timestamptz(3),
  heartbeat_at    timestamptz(3),
  progress_done   integer NOT NULL DEFAULT 0,
  progress_total  integer NOT NULL DEFAULT 0,
  api_calls       integer NOT NULL DEFAULT 0,
  error           jsonb,
  part_errors     jsonb,
  collected_at    timestamptz(3),
  manifest_hash   bytea
);
CREATE UNIQUE INDEX account_collection_run_id_account_id_key ON account_collection (run_id, account_id);
CREATE INDEX account_collection_account_id_run_id_idx ON account_collection (account_id, run_id);
-- Two overlapping collections of one account are impossible: at most one queued or running row per account.
CREATE UNIQUE INDEX account_collection_one_active_per_account
  ON account_collection (account_id) WHERE status IN ('queued', 'running');

CREATE TABLE fact_blob (
  hash        bytea PRIMARY KEY,
  content     jsonb NOT NULL,
  byte_size   integer NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE finding (
  id             bigserial PRIMARY KEY,
  account_id     uuid NOT NULL REFERENCES linked_account (id) ON DELETE CASCADE ON UPDATE CASCADE,
  check_id       text NOT NULL,
  exercise       smallint NOT NULL,
  resource_id    text NOT NULL,
  resource_type  text NOT NULL,
  resource_name  text NOT NULL,
  region         text,
  status         text NOT NULL,
  severity       text NOT NULL,
  reason         text NOT NULL,
  evidence_hash  bytea NOT NULL,
  first_run_id   bigint NOT NULL,
  closed_run_id  bigint,
  first_seen_at  timestamptz(3) NOT NULL,
  closed_at      timestamptz(3)
);
CREATE INDEX finding_account_id_check_id_resource_id_first_run_id_idx ON finding (account_id, check_id, resource_id, first_run_id);
-- Current findings (open intervals): per account, and across accounts by status and severity.
CREATE INDEX finding_open_by_account_idx ON finding (account_id, exercise, check_id) WHERE closed_run_id IS NULL;
CREATE INDEX finding_open_by_status_idx ON finding (status, severity, exercise) WHERE closed_run_id IS NULL;
-- History: intervals closed by a run (what changed in it).
CREATE INDEX finding_closed_run_idx ON finding (closed_run_id) WHERE closed_run_id IS NOT NULL;
CREATE INDEX finding_first_run_idx ON finding (first_run_id);

CREATE TABLE account_score (
  account_id       uuid NOT NULL REFERENCES linked_account (id) ON DELETE CASCADE ON UPDATE CASCADE,
  run_id           bigint NOT NULL,
  score            smallint,
  exercise_scores  smallint[] NOT NULL,
  passed           integer NOT NULL,
  failed           integer NOT NULL,
  unknown          integer NOT NULL,
  unknown_checks   integer NOT NULL,
  detail_hash      bytea NOT NULL,
  collected_at     timestamptz(3) NOT NULL,
  PRIMARY KEY (account_id, run_id)
);
CREATE INDEX account_score_run_id_idx ON account_score (run_id);

CREATE TABLE org_score (
  run_id             bigint PRIMARY KEY REFERENCES collection_run (id) ON DELETE CASCADE ON UPDATE CASCADE,
  score              smallint,
  exercise_scores    smallint[] NOT NULL,
  accounts_assessed  integer NOT NULL,
  worst              jsonb NOT NULL,
  created_at         timestamptz(3) NOT NULL DEFAULT now()
);
