-- Accounts (multi-user mode): sign-in sessions, invites, personal API tokens, and the library's own
-- secrets. Every secret a client holds (session id, invite code, API token) is stored only as its
-- SHA-256, so a copy of the database signs nobody in.

-- sign-in names are unique whatever their case: "Ada" cannot sign up beside "ada"
CREATE UNIQUE INDEX users_name_nocase ON users (name COLLATE NOCASE);

CREATE TABLE sessions (
  id_hash     TEXT PRIMARY KEY,            -- SHA-256 (hex) of the cookie's 256-bit random id
  user_id     INTEGER NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  expires_at  TEXT NOT NULL                -- moves forward as the session is used
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE invites (
  id          INTEGER PRIMARY KEY,
  code_hash   TEXT NOT NULL UNIQUE,        -- SHA-256 (hex) of the code, shown once
  hint        TEXT NOT NULL,               -- the code's first characters, to tell invites apart
  created_by  INTEGER NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_by     INTEGER REFERENCES users (id),
  used_at     TEXT,
  revoked_at  TEXT
);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id),
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,       -- SHA-256 (hex) of the token, shown once
  hint         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- keys the server signs with (the CSRF key), made at first use: one per library, not per process
CREATE TABLE secrets (
  name   TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
