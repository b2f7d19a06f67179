-- A saved paper the user took out of what "For you" learns from (its training page): still saved, no
-- longer a positive, and never recommended.
ALTER TABLE paper_marks ADD COLUMN untrained_at TEXT;
