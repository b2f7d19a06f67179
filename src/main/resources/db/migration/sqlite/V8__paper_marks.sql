-- What each user did with a paper: upvoted, saved, said "not interested" (dismissed), or was shown it
-- in a recommendation or digest (seen). One row per user and paper; a mark is its time, NULL when
-- absent. Saved is a mark, not a built-in collection: a save is one toggle with no collection to pick,
-- and collections are the user's own, all alike (renamed, deleted). Paper ids follow a paper that moves
-- to its arXiv id (PaperWriter re-keys these rows with its other tables).
CREATE TABLE paper_marks (
  user_id          BIGINT NOT NULL,
  paper_id         TEXT NOT NULL,
  voted_at         TEXT,
  saved_at         TEXT,
  dismissed_at     TEXT,
  seen_at          TEXT,                  -- first shown in For you or a digest
  PRIMARY KEY (user_id, paper_id)
);
CREATE INDEX paper_marks_saved ON paper_marks (user_id, saved_at) WHERE saved_at IS NOT NULL;
CREATE INDEX paper_marks_dismissed ON paper_marks (user_id, dismissed_at) WHERE dismissed_at IS NOT NULL;
-- local votes of all users per paper: the trending score's votes term
CREATE INDEX paper_marks_votes ON paper_marks (paper_id) WHERE voted_at IS NOT NULL;

-- A user's named collections, and their papers with an optional note each.
CREATE TABLE collections (
  id               INTEGER PRIMARY KEY,   -- SQLite rowid; BIGSERIAL on PostgreSQL
  user_id          BIGINT NOT NULL,
  name             TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (user_id, name)
);
CREATE TABLE collection_papers (
  collection_id    BIGINT NOT NULL,
  paper_id         TEXT NOT NULL,
  note             TEXT,
  added_at         TEXT NOT NULL,
  PRIMARY KEY (collection_id, paper_id)
);
CREATE INDEX collection_papers_paper ON collection_papers (paper_id);
