-- Saved searches and follows, each user's digest settings, and every digest composed: the record
-- that makes a digest go out once per period and survive a crash or a failing mail server.
CREATE TABLE subscriptions (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL,     -- search | author | category
  target      TEXT NOT NULL,     -- a search's canonical query string, an author's name, a category
  name        TEXT NOT NULL,     -- what the user calls it
  created_at  TEXT NOT NULL,
  UNIQUE (user_id, kind, target)
);

CREATE TABLE digest_settings (
  user_id          INTEGER PRIMARY KEY REFERENCES users(id),
  frequency        TEXT NOT NULL DEFAULT 'off',  -- off | daily | weekly
  hour             INTEGER NOT NULL DEFAULT 7,   -- in the user's time zone
  weekday          INTEGER NOT NULL DEFAULT 1,   -- ISO: 1 Monday .. 7 Sunday; weekly only
  enabled_at       TEXT,                         -- periods before this owe nothing
  feed_generation  INTEGER NOT NULL DEFAULT 0    -- part of the feed token: bumping it revokes the old link
);

CREATE TABLE digest_sends (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  period        TEXT NOT NULL,       -- the scheduled instant this digest is for (UTC, ISO-8601)
  since_day     TEXT NOT NULL,       -- papers of days after this ...
  cutoff_day    TEXT NOT NULL,       -- ... up to this one; the next digest starts after it
  status        TEXT NOT NULL,       -- empty | pending | sending | sent
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  INTEGER,             -- epoch ms: when it may be tried (again), or a send in flight be taken over
  last_error    TEXT,
  recipient     TEXT,
  subject       TEXT,
  text_body     TEXT,
  html_body     TEXT,
  message_id    TEXT,
  created_at    TEXT NOT NULL,
  sent_at       TEXT,
  UNIQUE (user_id, period)
);
CREATE INDEX digest_sends_due ON digest_sends (status, next_attempt);
