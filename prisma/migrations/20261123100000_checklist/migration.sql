-- Remediation checklists (issue 5): one item per (account, check, resource) that ever failed,
-- kept across runs, and every change to it (who, when, why).

CREATE TABLE checklist_item (
  id                bigserial PRIMARY KEY,
  account_id        uuid NOT NULL REFERENCES linked_account (id) ON DELETE CASCADE ON UPDATE CASCADE,
  check_id          text NOT NULL,
  resource_id       text NOT NULL,
  -- Facts of the last failing finding (the current finding may be unknown or gone).
  exercise          smallint NOT NULL,
  resource_type     text NOT NULL,
  resource_name     text NOT NULL,
  region            text,
  severity          text NOT NULL,
  reason            text NOT NULL,
  evidence_hash     bytea NOT NULL,
  state             text NOT NULL DEFAULT 'open',
  reopen_mark       text,
  state_changed_at  timestamptz(3) NOT NULL,
  assignee          text,
  -- Calendar days, stored as midnight UTC of the day.
  due_on            timestamptz(3),
  risk_reason       text,
  risk_expires_on   timestamptz(3),
  first_run_id      bigint NOT NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT checklist_item_state_check
    CHECK (state IN ('open', 'in_progress', 'done', 'risk_accepted', 'verified', 'fixed')),
  CONSTRAINT checklist_item_reopen_mark_check
    CHECK (reopen_mark IS NULL OR reopen_mark IN ('claimed_fixed_still_failing', 'risk_acceptance_expired', 'regressed')),
  -- A risk is accepted with a reason and an expiry, and only then.
  CONSTRAINT checklist_item_risk_acceptance_check
    CHECK ((state = 'risk_accepted') = (risk_reason IS NOT NULL AND risk_expires_on IS NOT NULL))
);
CREATE UNIQUE INDEX checklist_item_account_id_check_id_resource_id_key ON checklist_item (account_id, check_id, resource_id);
CREATE INDEX checklist_item_account_id_state_idx ON checklist_item (account_id, state);
-- The organization view: overdue items and acceptances that expire.
CREATE INDEX checklist_item_due_on_idx ON checklist_item (due_on) WHERE due_on IS NOT NULL AND state IN ('open', 'in_progress');
CREATE INDEX checklist_item_risk_expires_on_idx ON checklist_item (risk_expires_on) WHERE state = 'risk_accepted';

CREATE TABLE checklist_event (
  id          bigserial PRIMARY KEY,
  item_id     bigint NOT NULL REFERENCES checklist_item (id) ON DELETE CASCADE ON UPDATE CASCADE,
  at          timestamptz(3) NOT NULL,
  -- A person (the actor named in the form until sign-in exists) or "iamfit" for collections.
  actor       text NOT NULL,
  action      text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  reason      text,
  details     jsonb,
  run_id      bigint
);
CREATE INDEX checklist_event_item_id_at_idx ON checklist_event (item_id, at);
