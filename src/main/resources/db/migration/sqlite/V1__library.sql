-- The paper library: the source of truth. Everything else (embeddings aside) is derived from it.
-- Plain SQL that PostgreSQL also speaks, except where a comment says so; PostgreSQL gets its own folder.

CREATE TABLE papers (
  id               TEXT PRIMARY KEY,      -- arXiv id without version, or 't-' + hash of the normalized title
  title            TEXT NOT NULL,
  title_key        TEXT NOT NULL,         -- normalized title: finds the same paper across sources
  abstract         TEXT NOT NULL,
  authors          TEXT NOT NULL,         -- JSON array of names, in order
  categories       TEXT NOT NULL,         -- space-separated, primary first
  submitted        TEXT,                  -- ISO date of the first version
  updated          TEXT,                  -- ISO date of the latest version or update
  versions         INTEGER NOT NULL,
  doi              TEXT,
  journal_ref      TEXT,
  comments         TEXT,
  license          TEXT,
  upvotes          INTEGER,               -- Hugging Face Daily Papers popularity
  sources          TEXT NOT NULL,         -- space-separated source names
  change_seq       BIGINT NOT NULL,       -- grows on every insert or change: derived stores catch up by it
  first_seen       TEXT NOT NULL,
  last_changed     TEXT NOT NULL
);
CREATE INDEX papers_title_key ON papers (title_key);
CREATE INDEX papers_change_seq ON papers (change_seq);

-- Where each paper came from: one row per source that has seen it, with the run that first brought it.
CREATE TABLE paper_sources (
  paper_id         TEXT NOT NULL,
  source           TEXT NOT NULL,
  first_run        BIGINT,
  PRIMARY KEY (paper_id, source)
) WITHOUT ROWID;                          -- SQLite: one b-tree instead of two; PostgreSQL drops this clause

-- A paper first known by its title and later by its arXiv id moves to the arXiv id; the old id redirects.
CREATE TABLE paper_redirects (
  old_id           TEXT PRIMARY KEY,
  new_id           TEXT NOT NULL,
  change_seq       BIGINT NOT NULL
);

CREATE TABLE import_runs (
  id               INTEGER PRIMARY KEY,   -- SQLite rowid; BIGSERIAL on PostgreSQL
  source           TEXT NOT NULL,
  input            TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  status           TEXT NOT NULL,         -- running, completed, failed, interrupted
  read_count       BIGINT NOT NULL DEFAULT 0,
  new_count        BIGINT NOT NULL DEFAULT 0,
  updated_count    BIGINT NOT NULL DEFAULT 0,
  unchanged_count  BIGINT NOT NULL DEFAULT 0,
  rejected_count   BIGINT NOT NULL DEFAULT 0,
  message          TEXT
);

CREATE TABLE import_rejects (
  run_id           BIGINT NOT NULL,
  location         TEXT NOT NULL,         -- file:line, or URL and record number
  reason           TEXT NOT NULL
);
CREATE INDEX import_rejects_run ON import_rejects (run_id);

-- Small named state: import checkpoints, harvest resumption tokens, last harvested dates.
CREATE TABLE sync_state (
  name             TEXT PRIMARY KEY,
  value            TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

-- One vector per paper and embedding model version, computed once; filled by the embedding queue.
CREATE TABLE embeddings (
  paper_id         TEXT NOT NULL,
  model            TEXT NOT NULL,
  dims             INTEGER NOT NULL,
  vector           BLOB NOT NULL,         -- little-endian float32; BYTEA on PostgreSQL
  created_at       TEXT NOT NULL,
  PRIMARY KEY (paper_id, model)
);
