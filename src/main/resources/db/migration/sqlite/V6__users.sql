-- The people who use Lectern. In single-user mode (the default) everything belongs to user 1, the
-- implicit local user, who never signs in; multi-user mode adds accounts beside it.
CREATE TABLE users (
  id               INTEGER PRIMARY KEY,   -- SQLite rowid; BIGSERIAL on PostgreSQL
  name             TEXT NOT NULL UNIQUE,  -- the sign-in name
  email            TEXT,                  -- where digests go; NULL for none
  password_hash    TEXT,                  -- Argon2id, PHC string format; NULL: cannot sign in
  admin            INTEGER NOT NULL DEFAULT 0,
  time_zone        TEXT NOT NULL DEFAULT 'UTC',  -- IANA zone: digests come at the user's hour
  created_at       TEXT NOT NULL
);
INSERT INTO users (id, name, admin, created_at) VALUES (1, 'local', 1, '1970-01-01T00:00:00Z');
