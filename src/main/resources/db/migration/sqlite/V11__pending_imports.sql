-- Papers a user imported into a collection that the library does not have yet: an arXiv id waits
-- to be fetched, a bare title waits for a harvest that brings a paper with that title. One row per
-- collection and wanted paper; it leaves this table when the paper joins the collection.
CREATE TABLE pending_imports (
  id               INTEGER PRIMARY KEY,
  user_id          BIGINT NOT NULL,
  collection_id    BIGINT NOT NULL,
  arxiv_id         TEXT,                  -- without version; NULL when only a title is known
  title            TEXT,                  -- as the file gave it, for display and title matching
  wanted_key       TEXT NOT NULL,         -- the arXiv id, else "title:" and the title's key
  reason           TEXT NOT NULL,         -- why it is pending: "not in the library", "arXiv unreachable: ..."
  added_at         TEXT NOT NULL,
  tried_at         TEXT,                  -- last fetch attempt
  UNIQUE (collection_id, wanted_key)
);
CREATE INDEX pending_imports_user ON pending_imports (user_id, collection_id);
