-- What a run took from each source it read in full (src/sync/unchanged-source.ts): a key made of
-- the source's fingerprint (a file's bytes) and everything its mapping depends on, with the
-- pull's counts and issues. A later run whose key is the same keeps the mirror as it is instead
-- of reading the source again, and reports the same issues (kept as the JSON text they were, so
-- they come back byte for byte). Saved once the run's pull is applied, like a watermark.
CREATE TABLE source_states (
  connection text NOT NULL,
  object text NOT NULL,
  key text NOT NULL,
  pulled integer NOT NULL,
  mapped integer NOT NULL,
  skipped integer NOT NULL,
  live integer NOT NULL,
  issues text NOT NULL,
  run_id integer NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, object)
);

-- A digest of the source row a mirrored record was mapped from, with everything its mapping
-- depends on (src/sync/unchanged-rows.ts): a later pull that reads the same row again does not
-- map it again. Null when mapping it raised an issue (it is mapped every time, to report it).
ALTER TABLE mirror ADD COLUMN raw_hash text;

-- What a run's analysis depended on besides the mirror (src/sync/unchanged-run.ts): the scoring
-- settings and catalog, the run's date, the mapping, people's decisions. A run whose pull changes
-- nothing, after a run that succeeded with the same key, keeps that run's results.
ALTER TABLE sync_runs ADD COLUMN inputs_key text;

-- The run whose analysis a run's results are: its own id, or, for a run that kept the last
-- results, that run's. Output files are recorded with it (output_files.run_id).
ALTER TABLE sync_runs ADD COLUMN results_run integer;

-- The portfolio-wide part of a run's analysis (scoring statistics and the like, as the analyzer
-- returns it): a run that analyzes only the accounts that changed is handed the last run's
-- (src/sync/changed-accounts.ts).
ALTER TABLE sync_runs ADD COLUMN analysis_state jsonb;

-- Output files a run wrote (`headroom sync --out`), as they were when written, and the run whose
-- results they hold (run_id, a results_run): a run that builds on those results leaves them, or
-- patches them, only while they are still exactly these files.
CREATE TABLE output_files (
  connection text NOT NULL,
  dir text NOT NULL,
  inputs_key text NOT NULL,
  files jsonb NOT NULL,
  run_id integer NOT NULL,
  PRIMARY KEY (connection, dir)
);
