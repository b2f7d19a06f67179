-- Papers from the Daily Papers API were recorded as from 'hf-daily', while the import format a user types is
-- 'hf-api': one name everywhere a user sees it (stats, runs, the papers' sources). Resume points of
-- interrupted hf-api file imports are named after the source too.
UPDATE paper_sources SET source = 'hf-api' WHERE source = 'hf-daily';
UPDATE papers SET sources = TRIM(REPLACE(' ' || sources || ' ', ' hf-daily ', ' hf-api '))
  WHERE ' ' || sources || ' ' LIKE '% hf-daily %';
UPDATE import_runs SET source = 'hf-api' WHERE source = 'hf-daily';
UPDATE sync_state SET name = 'hf-api' || SUBSTR(name, 9) WHERE name LIKE 'hf-daily|%';
