/**
 * Every HubSpot call goes through `HubspotHttp.call`: the connection's limiter, the pause gate,
 * the access token, retries (p-retry) of what may help — a 429 that is not DAILY (after
 * `Retry-After`), a 5xx, a network error, a 401 on an OAuth token (after a refresh) — and zod
 * validation of the response. A DAILY 429 throws LimitReachedError so the run stops cleanly.
 */
import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import { ConnectorError, LimitReachedError, type ApiUsage } from '../types.js';
import type { TokenSource } from './auth.js';
import type { HubspotClient } from './client.js';
import {
  dailyUsage,
  exhaustedWindowMs,
  retryDelayMs,
  type HeaderReader,
  scheduleCall,
  type Limits,
} from './rate-limit.js';
import { HubspotErrorBodySchema, type HubspotErrorBody } from './schemas.js';

export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under the base URL, e.g. `/crm/v3/objects/companies`. */
  path: string;
  qs?: Record<string, string>;
  body?: unknown;
  /** Search endpoints have their own, lower limit. */
  search?: boolean;
  /** False for creates: a 5xx or a lost connection may hide a done write, so only what HubSpot
   * refused before doing anything (429, 401) is retried. @default true */
  idempotent?: boolean;
}

/** Time, injectable so tests wait for nothing. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** A non-2xx answer, with its parsed body (batch writes read the per-input context). */
export class HubspotApiError extends ConnectorError {
  override name = 'HubspotApiError';
  constructor(
    message: string,
    readonly body: HubspotErrorBody,
    options: { retryable?: boolean; status?: number; waitMs?: number },
  ) {
    super('hubspot', `HTTP_${options.status ?? 0}`, message, options);
    this.waitMs = options.waitMs ?? 0;
  }
  readonly waitMs: number;
}

export class HubspotHttp {
  private calls = 0;
  private daily: { used: number; limit: number } | undefined;

  constructor(
    private readonly client: HubspotClient,
    private readonly tokens: TokenSource,
    private readonly limits: Limits,
    private readonly clock: Clock,
    private readonly maxRetries: number,
  ) {}

  usage(): ApiUsage {
    return { calls: this.calls, ...(this.daily ?? {}) };
  }

  /** One logical call (retried as needed); `undefined` only for a 404 when `allow404`. */
  async call<T>(spec: RequestSpec, schema: z.ZodType<T>): Promise<T>;
  async call<T>(spec: RequestSpec, schema: z.ZodType<T>, allow404: true): Promise<T | undefined>;
  async call<T>(spec: RequestSpec, schema: z.ZodType<T>, allow404 = false): Promise<T | undefined> {
    const state = { refreshed: false };
    return pRetry((n) => this.attempt(spec, schema, allow404, n, state), {
      retries: this.maxRetries,
      minTimeout: 0,
      factor: 1,
      randomize: false,
      onFailedAttempt: async (error) => {
        // p-retry calls this after the last attempt too: no point waiting then.
        const wait = error instanceof HubspotApiError && error.retriesLeft > 0 ? error.waitMs : 0;
        if (wait > 0) await this.clock.sleep(wait);
      },
    });
  }

  private async attempt<T>(
    spec: RequestSpec,
    schema: z.ZodType<T>,
    allow404: boolean,
    attempt: number,
    state: { refreshed: boolean },
  ): Promise<T | undefined> {
    const pause = this.limits.pausedUntil - this.clock.now();
    if (pause > 0) await this.clock.sleep(pause);
    const token = await this.tokens.token().catch((e: unknown) => {
      throw e instanceof ConnectorError && !e.retryable ? new AbortError(e) : e;
    });
    const res = await scheduleCall(this.limits, spec.search === true, () =>
      this.client.apiRequest({
        method: spec.method ?? 'GET',
        path: spec.path,
        ...(spec.qs ? { qs: spec.qs } : {}),
        ...(spec.body !== undefined ? { body: spec.body } : {}),
        headers: { Authorization: `Bearer ${token}` },
      }),
    ).catch((cause: unknown) => {
      const e = new HubspotApiError(
        `${spec.path}: network error (${(cause as Error).message})`,
        {},
        {
          retryable: spec.idempotent !== false,
          waitMs: 500 * 2 ** (attempt - 1),
        },
      );
      throw e.retryable ? e : new AbortError(e);
    });
    this.calls++;
    this.daily = dailyUsage(res.headers) ?? this.daily;
    const text = await res.text();
    if (res.status >= 200 && res.status < 300) {
      const exhausted = exhaustedWindowMs(res.headers);
      if (exhausted)
        this.limits.pausedUntil = Math.max(this.limits.pausedUntil, this.clock.now() + exhausted);
      return this.parse(spec, schema, text);
    }
    if (res.status === 404 && allow404) return undefined;
    throw this.failure(spec, res.status, text, res.headers, { token, attempt, state });
  }

  private parse<T>(spec: RequestSpec, schema: z.ZodType<T>, text: string): T {
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch (cause) {
      throw new AbortError(
        new ConnectorError('hubspot', 'BAD_RESPONSE', `${spec.path}: response is not JSON`, {
          cause,
        }),
      );
    }
    const res = schema.safeParse(json);
    if (res.success) return res.data;
    const where = res.error.issues[0]?.path.join('.') ?? '';
    throw new AbortError(
      new ConnectorError(
        'hubspot',
        'BAD_RESPONSE',
        `${spec.path}: unexpected response at "${where}": ${res.error.issues[0]?.message}`,
      ),
    );
  }

  private failure(
    spec: RequestSpec,
    status: number,
    text: string,
    headers: HeaderReader,
    at: { token: string; attempt: number; state: { refreshed: boolean } },
  ): Error {
    let body: HubspotErrorBody = {};
    try {
      body = HubspotErrorBodySchema.parse(JSON.parse(text));
    } catch {
      body = { message: text.slice(0, 200) };
    }
    const what = `${spec.method ?? 'GET'} ${spec.path}: HTTP ${status}${body.message ? ` ${body.message}` : ''}`;
    if (status === 429 && body.policyName === 'DAILY') {
      return new AbortError(
        new LimitReachedError('hubspot', 'DAILY_LIMIT', `${what}; resume on the next run`, {
          status,
        }),
      );
    }
    if (status === 429) {
      const wait = retryDelayMs(headers, body.policyName, this.clock.now());
      this.limits.pausedUntil = Math.max(this.limits.pausedUntil, this.clock.now() + wait);
      return new HubspotApiError(what, body, { retryable: true, status });
    }
    if (status === 401) {
      // An OAuth token may expire between the margin check and the call: refresh once, retry.
      if (!at.state.refreshed && this.tokens.invalidate(at.token)) {
        at.state.refreshed = true;
        return new HubspotApiError(what, body, { retryable: true, status });
      }
      return new AbortError(
        new ConnectorError('hubspot', 'AUTH', `${what}: check the access token or reconnect`, {
          status,
        }),
      );
    }
    // Exponential backoff for server errors: 0.5 s, 1 s, 2 s, ...
    const backoff = 500 * 2 ** (at.attempt - 1);
    if (status >= 500 && spec.idempotent !== false) {
      return new HubspotApiError(what, body, { retryable: true, status, waitMs: backoff });
    }
    return new AbortError(new HubspotApiError(what, body, { retryable: false, status }));
  }
}
