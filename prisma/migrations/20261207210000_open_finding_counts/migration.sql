-- Open finding intervals counted per account, check, status and severity (a read model of
-- `finding`, refreshed in the transaction that commits an account's evaluation,
-- lib/db/collections.ts). At 1,000 accounts there are ~330,000 open intervals; the scorecard
-- grid, the attention list, the worst problems and the exercise pages counted them on every
-- request (0.5–1 s each). This holds ~60 rows per account.
CREATE TABLE open_finding_count (
  account_id uuid NOT NULL REFERENCES linked_account(id) ON UPDATE CASCADE ON DELETE CASCADE,
  check_id   text NOT NULL,
  exercise   smallint NOT NULL,
  status     text NOT NULL,
  severity   text NOT NULL,
  findings   integer NOT NULL,
  CONSTRAINT open_finding_count_pkey PRIMARY KEY (account_id, check_id, status, severity)
);
CREATE INDEX open_finding_count_exercise_idx ON open_finding_count (exercise, check_id);
CREATE INDEX open_finding_count_failing_idx ON open_finding_count (severity, account_id) WHERE status = 'fail';

INSERT INTO open_finding_count (account_id, check_id, exercise, status, severity, findings)
SELECT account_id, check_id, min(exercise), status, severity, count(*)::int
  FROM finding
 WHERE closed_run_id IS NULL
 GROUP BY account_id, check_id, status, severity;
