-- Audit trail and API tokens (issue 7).

-- Who did what, when and from where: sign-ins and their failures, account linking, settings,
-- roles, checklist changes, token use. Append-only: nothing updates or deletes these rows.
CREATE TABLE audit_event (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz(3) NOT NULL DEFAULT now(),
  -- user | token | cli | system | anonymous
  actor_kind     text NOT NULL,
  -- Copied, not referenced: the trail outlives the user it names.
  actor_user_id  text,
  actor_email    text,
  actor_token_id text,
  -- "auth.sign_in", "account.linked", "checklist.state_changed"…
  action         text NOT NULL,
  outcome        text NOT NULL DEFAULT 'success',
  target_type    text,
  target_id      text,
  target_label   text,
  detail         jsonb NOT NULL DEFAULT '{}',
  ip             text,
  user_agent     text,
  CONSTRAINT audit_event_actor_kind_check CHECK (actor_kind IN ('user', 'token', 'cli', 'system', 'anonymous')),
  CONSTRAINT audit_event_outcome_check CHECK (outcome IN ('success', 'failure', 'denied'))
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_actor_email_idx ON audit_event (lower(actor_email), occurred_at DESC);

-- Tokens for the JSON API and automation. The secret is shown once; only its SHA-256 is kept
-- (it is 32 random bytes, so a slow password hash would add nothing).
CREATE TABLE api_token (
  id            text PRIMARY KEY,
  user_id       text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  name          text NOT NULL,
  -- read | read_write
  scope         text NOT NULL,
  secret_hash   text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  expires_at    timestamptz(3) NOT NULL,
  last_used_at  timestamptz(3),
  last_used_ip  text,
  revoked_at    timestamptz(3),
  CONSTRAINT api_token_scope_check CHECK (scope IN ('read', 'read_write')),
  CONSTRAINT api_token_secret_hash_key UNIQUE (secret_hash)
);
CREATE INDEX api_token_user_idx ON api_token (user_id, created_at DESC);
