-- Retention (lib/retention, lib/db/retention.ts): snapshot detail of old collections is pruned and
-- a content-addressed blob is deleted once nothing kept points at it. These indexes answer
-- "does anything kept still point at this blob?" without scanning the big tables.

-- When the retention job cleared this collection's snapshot detail (manifest, part errors), so
-- pages can say the detail is no longer kept instead of showing an empty snapshot.
ALTER TABLE account_collection ADD COLUMN detail_pruned_at timestamptz(3);

CREATE INDEX account_collection_manifest_hash_idx ON account_collection (manifest_hash) WHERE manifest_hash IS NOT NULL;
CREATE INDEX finding_evidence_hash_idx ON finding (evidence_hash);
CREATE INDEX account_score_detail_hash_idx ON account_score (detail_hash);
CREATE INDEX checklist_item_evidence_hash_idx ON checklist_item (evidence_hash);
-- The part blobs a snapshot manifest points at (ok parts and stale copies of failed ones); other
-- blobs index as an empty array.
CREATE INDEX fact_blob_manifest_parts_idx ON fact_blob USING gin (
  (jsonb_path_query_array(content, '$.parts.*.blob') || jsonb_path_query_array(content, '$.parts.*.staleBlob'))
  jsonb_path_ops
);
