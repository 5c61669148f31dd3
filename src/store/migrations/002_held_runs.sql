-- A run the mass-change guard stopped before any write (src/sync/mass-change-guard.ts): status
-- `held`, its figures in stats.massChange, the way to proceed in error.
ALTER TABLE sync_runs DROP CONSTRAINT IF EXISTS sync_runs_status_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check
  CHECK (status IN ('running', 'succeeded', 'failed', 'skipped', 'held'));
