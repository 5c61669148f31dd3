/**
 * Rate limits, per connection (every connector instance of one connection shares them):
 * - a Bottleneck limiter spacing call starts so that no rolling window (10 s) holds more than the
 *   budget (100 by default, 190 on Professional/Enterprise);
 * - a search limiter in front of it (HubSpot allows 5 search calls per second per account);
 * - a pause gate: after a 429 or an `X-HubSpot-RateLimit-Remaining: 0`, no call starts until the
 *   time HubSpot asked for has passed.
 * https://developers.hubspot.com/docs/api/usage-details#rate-limits
 */
import Bottleneck from 'bottleneck';

/** The part of a fetch `Headers` this file reads (node-fetch's and the global one both fit). */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

export interface Limits {
  /** Every call goes through this one. */
  general: Bottleneck;
  /** Search calls take a turn here first, one at a time (`scheduleCall`). */
  search: Bottleneck;
  /** How long a search keeps its turn after it starts: 1000 / searches a second, plus 1 ms. */
  searchSpacingMs: number;
  /** Epoch ms before which no call may start. */
  pausedUntil: number;
}

const registry = new Map<string, Limits>();

/** Spacing starts by window/budget guarantees at most `budget` starts in any rolling window; the
 * 1 ms guard keeps network jitter from pushing an extra call into HubSpot's window. */
export function limitsFor(
  connection: string,
  budget: number,
  searchPerSecond: number,
  windowMs: number,
): Limits {
  const key = `${connection}|${budget}|${searchPerSecond}|${windowMs}`;
  let limits = registry.get(key);
  if (!limits) {
    const general = new Bottleneck({
      minTime: Math.ceil(windowMs / budget) + 1,
      id: `hubspot:${connection}`,
    });
    // One search at a time; `scheduleCall` holds its turn for the spacing after it starts.
    const search = new Bottleneck({ maxConcurrent: 1 });
    limits = {
      general,
      search,
      searchSpacingMs: Math.ceil(1000 / searchPerSecond) + 1,
      pausedUntil: 0,
    };
    registry.set(key, limits);
  }
  return limits;
}

/**
 * Run one call under the connection's limits. A search takes the search limiter's one turn, then
 * a start from the general limiter, and keeps the turn until the spacing has passed since it
 * started: searches are spaced where they start. (Bottleneck books each job's start time as it
 * arrives, so a limiter chained in front of a busy one spaces only the arrivals: two searches
 * booked behind a backlog of other calls started 11 ms apart.)
 */
export function scheduleCall<T>(
  limits: Limits,
  search: boolean,
  call: () => Promise<T>,
): Promise<T> {
  if (!search) return limits.general.schedule(call);
  return new Promise<T>((resolve, reject) => {
    limits.search
      .schedule(
        () =>
          new Promise<void>((turnDone) => {
            let started = false;
            limits.general
              .schedule(() => {
                started = true;
                setTimeout(turnDone, limits.searchSpacingMs);
                return call();
              })
              .then(resolve, (e: unknown) => {
                if (!started) turnDone();
                reject(e);
              });
          }),
      )
      .catch(reject);
  });
}

/** How long to wait after a 429: `Retry-After` (seconds or an HTTP date), else the interval
 * HubSpot reports, else the length of the policy's window. */
export function retryDelayMs(
  headers: HeaderReader,
  policyName: string | undefined,
  now: number,
): number {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  if (Number.isFinite(interval) && interval > 0) return interval;
  return policyName === 'TEN_SECONDLY_ROLLING' ? 10_000 : 1_000;
}

/** Daily usage as HubSpot reports it (`X-HubSpot-RateLimit-Daily[-Remaining]`), when it does. */
export function dailyUsage(headers: HeaderReader): { used: number; limit: number } | undefined {
  const limit = Number(headers.get('x-hubspot-ratelimit-daily'));
  const remaining = Number(headers.get('x-hubspot-ratelimit-daily-remaining'));
  if (
    !headers.has('x-hubspot-ratelimit-daily') ||
    !Number.isFinite(limit) ||
    !Number.isFinite(remaining)
  ) {
    return undefined;
  }
  return { used: limit - remaining, limit };
}

/** A successful call that used the last call of the window: pause until the window rolls. */
export function exhaustedWindowMs(headers: HeaderReader): number | undefined {
  if (headers.get('x-hubspot-ratelimit-remaining') !== '0') return undefined;
  const interval = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds'));
  return Number.isFinite(interval) && interval > 0 ? interval : 10_000;
}
