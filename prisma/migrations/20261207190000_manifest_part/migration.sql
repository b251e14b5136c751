-- Which part blobs each snapshot manifest points at (ok parts and stale copies of failed ones),
-- as rows. The retention job asked a GIN index over the manifests' JSON whether a kept manifest
-- still lists a part, and rechecked every manifest listing it, pruned ones first: at 10 accounts
-- × 100 days its first batch outlived its transaction. With these rows a pruned manifest's parts
-- are a lookup by manifest, and "does any stored manifest still list this part" is a lookup by
-- part. Written once per distinct manifest, in the transaction that stores it (lib/db/blobs.ts).
CREATE TABLE manifest_part (
  manifest_hash bytea NOT NULL REFERENCES fact_blob (hash) ON DELETE CASCADE,
  part_hash     bytea NOT NULL,
  PRIMARY KEY (manifest_hash, part_hash)
);
CREATE INDEX manifest_part_part_hash_idx ON manifest_part (part_hash);

-- The manifests stored so far: every blob a collection points at.
INSERT INTO manifest_part (manifest_hash, part_hash)
SELECT DISTINCT m.hash, decode(part.hash, 'hex')
  FROM fact_blob m
  CROSS JOIN LATERAL jsonb_array_elements_text(
    jsonb_path_query_array(m.content, '$.parts.*.blob') || jsonb_path_query_array(m.content, '$.parts.*.staleBlob')) AS part(hash)
 WHERE m.hash IN (SELECT manifest_hash FROM account_collection WHERE manifest_hash IS NOT NULL)
   AND part.hash ~ '^[0-9a-f]{64}$';

-- Only the retention job read this index; the rows above answer its question.
DROP INDEX IF EXISTS fact_blob_manifest_parts_idx;
