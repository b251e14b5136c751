-- Weekly email digest (issue 6): who gets it, for which accounts, when; and every delivery.

CREATE TABLE digest_subscription (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email               text NOT NULL,
  -- The signed-in user who owns it, once sign-in exists (a later issue); null until then.
  user_id             text,
  scope               text NOT NULL DEFAULT 'all',
  -- AWS account ids (scope = accounts): they survive unlinking and relinking an account.
  scope_accounts      text[] NOT NULL DEFAULT '{}',
  -- "key=value" or "key" (any value) (scope = tags); an account matches any one of them.
  scope_tags          text[] NOT NULL DEFAULT '{}',
  -- ISO weekday, 1 = Monday … 7 = Sunday, and the hour, both in time_zone (IANA).
  weekday             smallint NOT NULL,
  hour                smallint NOT NULL,
  time_zone           text NOT NULL,
  paused              boolean NOT NULL DEFAULT false,
  unsubscribed_at     timestamptz(3),
  -- Mixed into the signed unsubscribe link; a new value voids every link sent before.
  unsubscribe_secret  text NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  updated_at          timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT digest_subscription_scope_check CHECK (scope IN ('all', 'accounts', 'tags')),
  CONSTRAINT digest_subscription_weekday_check CHECK (weekday BETWEEN 1 AND 7),
  CONSTRAINT digest_subscription_hour_check CHECK (hour BETWEEN 0 AND 23)
);
CREATE INDEX digest_subscription_email_idx ON digest_subscription (lower(email));

CREATE TABLE digest_delivery (
  id               bigserial PRIMARY KEY,
  subscription_id  uuid NOT NULL REFERENCES digest_subscription (id) ON DELETE CASCADE ON UPDATE CASCADE,
  kind             text NOT NULL,
  -- The ISO week of the scheduled send in the subscription's time zone ("2026-W48"); null for tests.
  week             text,
  scheduled_for    timestamptz(3) NOT NULL,
  recipient        text NOT NULL,
  status           text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz(3),
  -- When a worker took the delivery to send it; a stale claim is a worker that died mid-send.
  claimed_at       timestamptz(3),
  last_error       text,
  sent_at          timestamptz(3),
  message_id       text,
  transport        text,
  outbox_file      text,
  subject          text,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  updated_at       timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT digest_delivery_kind_check CHECK (kind IN ('scheduled', 'test')),
  CONSTRAINT digest_delivery_week_check CHECK ((kind = 'scheduled') = (week IS NOT NULL)),
  CONSTRAINT digest_delivery_status_check CHECK (status IN ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped'))
);
-- Exactly one scheduled email per subscription and week, whatever the number of workers,
-- restarts or retried jobs: the row is the claim (test sends have no week and never collide).
CREATE UNIQUE INDEX digest_delivery_subscription_id_week_key ON digest_delivery (subscription_id, week);
CREATE INDEX digest_delivery_subscription_id_created_at_idx ON digest_delivery (subscription_id, created_at);
-- The tick's recovery sweep: deliveries still to be sent.
CREATE INDEX digest_delivery_unfinished_idx ON digest_delivery (next_attempt_at) WHERE status IN ('pending', 'sending', 'retrying');
