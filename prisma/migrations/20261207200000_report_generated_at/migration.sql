-- When AWS generated the credential report a collection read (lib/collect/manifest.ts): AWS makes
-- a new report every four hours, so kept in the report's blob it made the blob, the manifest and
-- its manifest_part rows new on every run of an unchanged account. Reports stored before keep it
-- in their blob.
ALTER TABLE account_collection ADD COLUMN report_generated_at timestamptz(3);
