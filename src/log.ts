/**
 * Structured logs (pino) with secrets redacted wherever they may sit in a logged object. Logs go
 * to stderr so the CLI's stdout stays for results.
 */
import { destination, pino, type Logger } from 'pino';

/** Paths pino censors; `*` matches one level. Tokens, keys and auth headers never reach a log. */
export const REDACT_PATHS = [
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'password',
  'secret',
  'token',
  'apiToken',
  'privateKey',
  'authorization',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.clientSecret',
  '*.client_secret',
  '*.password',
  '*.secret',
  '*.token',
  '*.apiToken',
  '*.privateKey',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.headers.authorization',
  'options.*',
];

export type Log = Logger;

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Log {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'headroom' } },
    destination({ fd: 2, sync: true }),
  );
}
