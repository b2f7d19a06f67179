-- A digest lists the papers that entered the library since the previous digest (arXiv announces part of
-- each day's papers a day later, Hugging Face days later), not only those of days after its cut-off. This is
-- how far the library's arrivals went when the digest was composed: the newest first_seen of the papers of
-- its window. The next digest lists papers that arrived after it. Rows from before this version have none:
-- their created_at stands in.
ALTER TABLE digest_sends ADD COLUMN arrived_until TEXT;
