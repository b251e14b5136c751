-- The index of the part blobs a snapshot manifest points at (retention, lib/db/retention.ts)
-- covered every fact_blob row, so each part, evidence and score blob stored an empty GIN entry
-- too: about half of that index, and one index write per blob, for rows it never finds.
-- Only manifests have a top-level "parts" member; the retention query says so, which lets it
-- use this smaller index.
DROP INDEX IF EXISTS fact_blob_manifest_parts_idx;
CREATE INDEX fact_blob_manifest_parts_idx ON fact_blob USING gin (
  (jsonb_path_query_array(content, '$.parts.*.blob') || jsonb_path_query_array(content, '$.parts.*.staleBlob'))
  jsonb_path_ops
) WHERE content ? 'parts';
