/**
 * What every CLI command shares: exit codes, the environment, printing, and turning errors into
 * the right exit code (0 done, 1 the run failed, 2 bad usage or configuration).
 */
import { ConfigError, SourceError, UsageError } from '../errors.js';
import { loadEnv, type Env } from '../env.js';
import { createLogger, type Log } from '../log.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliContext {
  env: Env;
  log: Log;
  /** A line for the user on stdout. */
  print(line?: string): void;
  /** True when stdout is a terminal (progress bars, colours). */
  tty: boolean;
}

export function cliContext(): CliContext {
  const env = loadEnv();
  return {
    env,
    // The CLI prints its own summary; structured logs only for warnings unless asked for.
    log: createLogger(process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn'),
    print: (line = '') => process.stdout.write(`${line}\n`),
    tty: Boolean(process.stdout.isTTY),
  };
}

/** Run a command body and set the process exit code from its outcome. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await body()) ?? EXIT.ok;
  } catch (err) {
    process.exitCode = exitCodeFor(err);
    process.stderr.write(`headroom: ${errorText(err)}\n`);
  }
}

export function exitCodeFor(err: unknown): number {
  return err instanceof ConfigError || err instanceof UsageError ? EXIT.usage : EXIT.failed;
}

function errorText(err: unknown): string {
  if (err instanceof ConfigError || err instanceof UsageError || err instanceof SourceError)
    return err.message;
  if (err instanceof Error)
    return err.message + (process.env.LOG_LEVEL === 'debug' ? `\n${err.stack}` : '');
  return String(err);
}

/** Parse a YYYY-MM-DD flag. */
export function parseAsOf(value: string | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD (got "${value}")`);
  }
  return value;
}

export const today = (): string => new Date().toISOString().slice(0, 10);
