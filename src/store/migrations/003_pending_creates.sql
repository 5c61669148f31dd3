-- Creates sent to a CRM whose answer has not come back yet (tasks): recorded before the call,
-- removed once the answer says created or refused. A row still here on the next run (the answer
-- was a 5xx or a timeout, or the process was killed) is looked up in the CRM by its key before
-- anything is created again (src/sync/confirm-creates.ts).
CREATE TABLE pending_creates (
  connection text NOT NULL,
  object text NOT NULL,
  key text NOT NULL,
  run_id integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection, object, key)
);
