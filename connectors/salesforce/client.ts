/**
 * The one place a jsforce Connection is built, and the one path every Salesforce call takes:
 * count it, stop before the configured share of the daily API allocation, retry what is safe to
 * retry, refresh an expired session once. Tests point `instanceUrl` at nock or a local server.
 */
import type { HttpRequest } from 'jsforce';
// Deep imports: the package index also loads every API module (SOAP, streaming, ...).
import { Connection } from 'jsforce/lib/connection.js';
import pRetry, { AbortError } from 'p-retry';
import type { ApiUsage, ConnectorContext } from '../types.js';
import type { ConnectorError } from '../types.js';
import type { SalesforceOptions } from './config.js';
import { isUnsureCode, shareReached, toConnectorError } from './errors.js';

/** Where access tokens come from (auth.ts). */
export interface Session {
  accessToken: string;
  instanceUrl: string;
  /** Epoch ms the token was issued. */
  issuedAt: number;
}
export interface SessionSource {
  /** A token that is not about to expire (refreshed on demand, one refresh at a time). */
  session(): Promise<Session>;
  /** Replace `stale` after the server refused it; concurrent callers share one refresh. */
  refresh(stale: Session): Promise<Session>;
}

/** Which failures a call may repeat. `create` calls only repeat what surely was not processed. */
export type RetryPolicy = 'idempotent' | 'create';

interface Hooks {
  beforeRequest(): void;
  afterResponse(headers: Record<string, string>): void;
}

/** Build a jsforce Connection whose every HTTP request passes through `hooks`. */
export function createConnection(instanceUrl: string, version: string, hooks: Hooks): Connection {
  const conn = new Connection({ instanceUrl, version });
  const transport = conn._transport;
  const send = transport.httpRequest.bind(transport);
  transport.httpRequest = (req, options) => {
    hooks.beforeRequest();
    const pending = send(req, options);
    pending.then(
      (res) => hooks.afterResponse(res.headers),
      () => undefined,
    );
    return pending;
  };
  return conn;
}

const LIMIT_INFO = /api-usage=(\d+)\/(\d+)/;

export class SalesforceApi {
  readonly conn: Connection;
  private calls = 0;
  private used: number | undefined;
  private limit: number | undefined;

  constructor(
    readonly options: SalesforceOptions,
    private readonly sessions: SessionSource,
    private readonly log?: ConnectorContext['log'],
  ) {
    this.conn = createConnection(options.instanceUrl ?? options.loginUrl, options.apiVersion, {
      beforeRequest: () => this.beforeRequest(),
      afterResponse: (headers) => this.readLimitInfo(headers),
    });
  }

  /** Versioned REST base path, e.g. `/services/data/v62.0`. */
  get basePath(): string {
    return `/services/data/v${this.options.apiVersion}`;
  }

  usage(): ApiUsage {
    return {
      calls: this.calls,
      ...(this.used !== undefined ? { used: this.used } : {}),
      ...(this.limit !== undefined ? { limit: this.limit } : {}),
    };
  }

  /** A REST call through jsforce (JSON in and out). */
  request<T>(what: string, req: HttpRequest, policy: RetryPolicy = 'idempotent'): Promise<T> {
    const options = { timeout: this.options.timeoutMs, retry: { maxRetries: 0 } };
    return this.call(what, (conn) => conn.request<T>(req, options), policy);
  }

  /**
   * Run `fn` with a fresh session. jsforce does not retry POST/PATCH and its GET retries hide
   * failures from us, so its retries are off and p-retry backs off here instead.
   */
  call<T>(
    what: string,
    fn: (conn: Connection) => Promise<T>,
    policy: RetryPolicy = 'idempotent',
  ): Promise<T> {
    const attempt = async (): Promise<T> => {
      try {
        return await this.withSession(what, fn);
      } catch (err) {
        const e = toConnectorError(err, what);
        // A create that timed out may have been applied: repeating it could duplicate the record.
        const unsure = policy === 'create' && isUnsureCode(e.code);
        throw e.retryable && !unsure ? e : new AbortError(e);
      }
    };
    return pRetry(attempt, {
      retries: this.options.maxRetries,
      minTimeout: this.options.retryDelayMs,
      factor: 2,
      onFailedAttempt: (err) =>
        this.log?.warn(
          { what, code: (err as unknown as ConnectorError).code, attempt: err.attemptNumber },
          'retrying',
        ),
    }).catch((err: unknown) => {
      throw toConnectorError(err, what);
    });
  }

  /** Run `fn` with the current session; on INVALID_SESSION_ID refresh once and run it again. */
  private async withSession<T>(what: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
    let session = await this.sessions.session();
    for (let refreshed = false; ; refreshed = true) {
      this.conn.accessToken = session.accessToken;
      if (!this.options.instanceUrl) this.conn.instanceUrl = session.instanceUrl;
      try {
        return await fn(this.conn);
      } catch (err) {
        const e = toConnectorError(err, what);
        if (e.code !== 'INVALID_SESSION_ID' || refreshed) throw e;
        session = await this.sessions.refresh(session);
      }
    }
  }

  private beforeRequest(): void {
    if (
      this.used !== undefined &&
      this.limit &&
      this.used >= this.limit * this.options.dailyApiShare
    ) {
      throw shareReached(this.used, this.limit, this.options.dailyApiShare);
    }
    this.calls++;
  }

  /** `Sforce-Limit-Info: api-usage=25/15000`, sent with every REST response. */
  private readLimitInfo(headers: Record<string, string>): void {
    const m = LIMIT_INFO.exec(headers['sforce-limit-info'] ?? '');
    if (!m) return;
    this.used = Number(m[1]);
    this.limit = Number(m[2]);
  }
}
