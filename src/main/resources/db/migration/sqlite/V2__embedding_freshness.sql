-- An embedding is computed from a paper's title and abstract; when either changes, the vector is stale.
-- papers.text_hash is the hash of the text as it is now, embeddings.text_hash of the text the vector came from.
ALTER TABLE papers ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE embeddings ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
