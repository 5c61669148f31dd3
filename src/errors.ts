/**
 * The few error classes Headroom throws. Expected per-record problems are values (issues), not
 * exceptions; these are for faults and for configuration that cannot be used at all.
 */

/** A configuration file (mapping, catalog, scoring settings) that cannot be used. Lists every
 * problem with the file and the key path. CLI exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      `${file}: ${problems.length === 1 ? 'invalid' : `${problems.length} problems`}\n` +
        problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n'),
      options,
    );
  }
}

/** Bad command-line usage. CLI exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A source (file, folder) that cannot be read at all. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${message}`, options);
  }
}

/** A source that is mostly unreadable (more than half its lines): its records are not to be
 * trusted, so nothing is deleted or closed because of it. The run goes on without it, unless it
 * is the one source a run cannot do without (accounts). */
export class UnreadableSourceError extends SourceError {
  override name = 'UnreadableSourceError';
}
