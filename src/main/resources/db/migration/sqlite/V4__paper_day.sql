-- The day a paper counts on in day listings (the web app's Today): its submission date, or, for a paper
-- without one (a saved Daily Papers page), the UTC day it entered the library. Listing a day, or finding the
-- day before or after one that has papers, reads this index instead of every paper. Queries must spell the
-- expression exactly so (see PaperDays.DAY). The doubled parentheses are what PostgreSQL requires.
CREATE INDEX papers_day ON papers ((COALESCE(submitted, substr(first_seen, 1, 10))));
