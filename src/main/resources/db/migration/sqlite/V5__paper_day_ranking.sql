-- Today's week and month list up to tens of thousands of papers. With id and upvotes in the day index, in
-- that order, a page of them newest first is a walk along the index that stops at the page (no sort, no
-- look-up of each paper in the table), and trending ranks the few papers with upvotes among the rest, which
-- are in that order already (see DailyFeed). The index still serves what papers_day served: a day's papers,
-- the days before and after, the newest day.
DROP INDEX papers_day;
CREATE INDEX papers_day ON papers ((COALESCE(submitted, substr(first_seen, 1, 10))), id, upvotes);
