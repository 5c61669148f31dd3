-- Headroom's store. One dialect for PGlite and Postgres. Dates are `date` (read back as
-- YYYY-MM-DD strings), instants `timestamptz`, documents `jsonb`.

-- One row per sync run, skipped ones included (`headroom runs`).
CREATE TABLE sync_runs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  connection text NOT NULL,
  connector text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
  dry_run boolean NOT NULL DEFAULT false,
  as_of date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  stats jsonb NOT NULL DEFAULT '{}',
  error text
);
CREATE INDEX sync_runs_connection_idx ON sync_runs (connection, id DESC);

-- The mirror: the latest neutral version of every source record. `id` is the source record id.
CREATE TABLE mirror (
  connection text NOT NULL,
  object text NOT NULL,
  id text NOT NULL,
  account_id text,
  data jsonb NOT NULL,
  hash text NOT NULL,
  seen_run integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (connection, object, id)
);
CREATE INDEX mirror_account_idx ON mirror (connection, object, account_id);

-- One snapshot per account per day: the history a CRM that keeps only current values lacks.
CREATE TABLE snapshots (
  connection text NOT NULL,
  account_id text NOT NULL,
  day date NOT NULL,
  seats jsonb,
  usage jsonb NOT NULL DEFAULT '{}',
  health jsonb,
  PRIMARY KEY (connection, account_id, day)
);

CREATE TABLE opportunities (
  connection text NOT NULL,
  id text NOT NULL,
  account_id text NOT NULL,
  type text NOT NULL,
  category text NOT NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'accepted', 'dismissed', 'converted', 'won', 'lost')),
  status_reason text,
  status_changed_by text,
  status_changed_at timestamptz,
  first_seen date NOT NULL,
  last_seen date NOT NULL,
  closed_at timestamptz,
  data jsonb NOT NULL,
  content_hash text NOT NULL,
  data_hash text NOT NULL,
  settings_version text NOT NULL,
  composite double precision NOT NULL,
  tier integer NOT NULL,
  PRIMARY KEY (connection, id)
);
CREATE INDEX opportunities_account_idx ON opportunities (connection, account_id);

-- Every score change and why: the evidence changed (data), the scoring settings changed, or both.
CREATE TABLE score_history (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  connection text NOT NULL,
  opportunity_id text NOT NULL,
  run_id integer NOT NULL,
  as_of date NOT NULL,
  scores jsonb NOT NULL,
  composite double precision NOT NULL,
  tier integer NOT NULL,
  data_hash text NOT NULL,
  settings_version text NOT NULL,
  cause text NOT NULL CHECK (cause IN ('new', 'data', 'settings', 'data+settings'))
);
CREATE INDEX score_history_opportunity_idx ON score_history (connection, opportunity_id, id);

CREATE TABLE account_summaries (
  connection text NOT NULL,
  account_id text NOT NULL,
  data jsonb NOT NULL,
  hash text NOT NULL,
  run_id integer NOT NULL,
  PRIMARY KEY (connection, account_id)
);

-- What was last written to the CRM, per record and field (hashes), for diffing.
CREATE TABLE write_state (
  connection text NOT NULL,
  object text NOT NULL,
  key text NOT NULL,
  crm_id text,
  field_hashes jsonb NOT NULL DEFAULT '{}',
  written_at timestamptz NOT NULL DEFAULT now(),
  run_id integer NOT NULL,
  PRIMARY KEY (connection, object, key)
);

CREATE TABLE issues (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id integer NOT NULL,
  connection text NOT NULL,
  source text NOT NULL,
  object text NOT NULL,
  record_id text,
  row integer,
  field text,
  value jsonb,
  reason text NOT NULL,
  skipped boolean NOT NULL DEFAULT false
);
CREATE INDEX issues_run_idx ON issues (run_id);

CREATE TABLE watermarks (
  connection text NOT NULL,
  object text NOT NULL,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, object)
);

-- AES-256-GCM ciphertexts; the key never touches the database.
CREATE TABLE secrets (
  connection text NOT NULL,
  name text NOT NULL,
  ciphertext text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, name)
);

-- Saved versions of scoring settings and mappings (ops console).
CREATE TABLE config_versions (
  kind text NOT NULL CHECK (kind IN ('settings', 'mapping', 'catalog')),
  connection text NOT NULL DEFAULT '',
  version integer NOT NULL,
  content text NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text,
  PRIMARY KEY (kind, connection, version)
);

-- What became of opportunities (and expansions Headroom missed): the feedback loop.
CREATE TABLE outcomes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  connection text NOT NULL,
  opportunity_id text,
  account_id text NOT NULL,
  type text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('won', 'lost', 'dismissed', 'missed')),
  amount double precision,
  closed_at date NOT NULL,
  reason text,
  source text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX outcomes_once_idx ON outcomes (connection, source, coalesce(opportunity_id, ''), account_id, type, closed_at);
