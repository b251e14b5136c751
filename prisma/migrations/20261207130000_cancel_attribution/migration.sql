-- Who asked to cancel a collection (issue 15): the run page says "Cancelled by <who> at <time>"
-- for the run and for each account. The email of the person, or "cli" for the command line.
-- cancel_requested_at already says when; queued accounts cancelled at once now get it set too.
ALTER TABLE collection_run ADD COLUMN cancel_requested_by text;
ALTER TABLE account_collection ADD COLUMN cancel_requested_by text;
