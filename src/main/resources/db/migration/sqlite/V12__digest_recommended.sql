-- The "For you" papers of a digest, their ids separated by spaces: when the digest is marked sent
-- they are marked seen for its user (paper_marks.seen_at) in the same transaction, so For you does
-- not suggest them again, and a digest that was never sent marks nothing.
ALTER TABLE digest_sends ADD COLUMN recommended TEXT;
