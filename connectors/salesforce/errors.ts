/**
 * jsforce's errors -> the connector contract's typed faults. Salesforce error bodies are
 * `[{ "message": "...", "errorCode": "..." }]`; jsforce turns them into an error whose `name` and
 * `errorCode` are the code. Codes: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
import { ConnectorError, LimitReachedError } from '../types.js';

const NAME = 'salesforce';

/** Faults a later attempt may get past: the server or a row was busy, the network dropped. */
const RETRYABLE_CODES = new Set([
  'SERVER_UNAVAILABLE',
  'UNABLE_TO_LOCK_ROW',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
  'TIMEOUT',
  'NETWORK',
]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const isRetryableCode = (code: string): boolean => RETRYABLE_CODES.has(code);

/** Faults after which a create may or may not have been applied: the request reached Salesforce
 * (or may have) and no answer came back. A 503 means it was turned away before any work. */
const UNSURE_CODES = new Set([
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_504',
  'TIMEOUT',
  'NETWORK',
]);
export const isUnsureCode = (code: string): boolean => UNSURE_CODES.has(code);

interface JsforceError {
  name?: string;
  message?: string;
  errorCode?: string;
  code?: string;
  data?: unknown;
}

/** The Salesforce error code and message of a thrown jsforce error, if it has one. */
function apiError(err: JsforceError): { code: string; message: string } | undefined {
  if (Array.isArray(err.data)) {
    const first = err.data[0] as { errorCode?: string; message?: string } | undefined;
    if (first?.errorCode) return { code: first.errorCode, message: first.message ?? '' };
  }
  if (typeof err.errorCode !== 'string') return undefined;
  // A body read as text (CSV endpoints) still holds the JSON error list.
  if (err.errorCode.startsWith('ERROR_HTTP_') && err.message?.startsWith('[')) {
    try {
      const [first] = JSON.parse(err.message) as { errorCode?: string; message?: string }[];
      if (first?.errorCode) return { code: first.errorCode, message: first.message ?? '' };
    } catch {
      // not JSON after all: keep the HTTP status code
    }
  }
  return { code: err.errorCode, message: err.message ?? '' };
}

/** Map anything a call threw to a ConnectorError; `what` names the call (`query Account`). */
export function toConnectorError(err: unknown, what: string): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = (err ?? {}) as JsforceError;
  const api = apiError(e);
  if (api?.code === 'REQUEST_LIMIT_EXCEEDED') {
    return new LimitReachedError(
      NAME,
      api.code,
      `the org's API request limit is exhausted (${what}: ${api.message}); the run stops here and ` +
        'the next run resumes from the stored watermarks',
      { cause: err, status: 403 },
    );
  }
  if (api) {
    const retryable = isRetryableCode(api.code);
    return new ConnectorError(NAME, api.code, `${what}: ${api.code}: ${api.message}`, {
      retryable,
      cause: err,
    });
  }
  if (e.name === 'AbortError' || e.message === 'Request Timeout') {
    return new ConnectorError(NAME, 'TIMEOUT', `${what}: no response in time`, {
      retryable: true,
      cause: err,
    });
  }
  if (e.name === 'FetchError' && (e.code === undefined || NETWORK_CODES.has(e.code))) {
    return new ConnectorError(NAME, 'NETWORK', `${what}: ${e.message ?? 'network error'}`, {
      retryable: true,
      cause: err,
    });
  }
  return new ConnectorError(NAME, 'ERROR', `${what}: ${e.message ?? String(err)}`, { cause: err });
}

/** The daily-share guard: thrown before a call that would go past the configured share. */
export function shareReached(used: number, limit: number, share: number): LimitReachedError {
  const pct = Math.round(share * 100);
  return new LimitReachedError(
    NAME,
    'API_SHARE_REACHED',
    `the org has used ${used} of its ${limit} daily API requests; Headroom stops at ${pct}% ` +
      `(SALESFORCE_DAILY_API_SHARE) so other integrations keep working. The next run resumes.`,
  );
}
