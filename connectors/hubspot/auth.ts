/**
 * Access tokens. A private-app token is used as is. A public app (OAuth) gets 30-minute access
 * tokens: refreshed on demand a margin before expiry, one refresh at a time per connection
 * (concurrent callers share the refresh in flight), the refresh token kept in the secret store.
 */
import type { ConnectorContext } from '../types.js';
import { ConnectorError } from '../types.js';
import type { HubspotClient } from './client.js';
import type { HubspotConfig } from './config.js';

/** Where the refresh token lives in `ctx.secrets`. */
export const REFRESH_TOKEN_SECRET = 'hubspot.refresh_token';

export interface TokenSource {
  /** A token valid for at least the refresh margin. */
  token(): Promise<string>;
  /** The API refused `token` (401): forget it so the next `token()` refreshes. Returns whether
   * a retry may help (false for a private-app token). */
  invalidate(token: string): boolean;
}

interface TokenState {
  accessToken?: string;
  expiresAt: number;
  inFlight?: Promise<string>;
}

/** Token caches per connection, so every connector instance of a connection shares one
 * refresh. */
const states = new Map<string, TokenState>();

/** Remember tokens just obtained (code exchange), so the first call needs no refresh. */
export function primeToken(connection: string, accessToken: string, expiresAt: number): void {
  states.set(connection, { accessToken, expiresAt });
}

export function createTokenSource(
  config: HubspotConfig,
  client: HubspotClient,
  ctx: ConnectorContext,
  now: () => number,
): TokenSource {
  const fixed = config.accessToken;
  if (fixed) return { token: async () => fixed, invalidate: () => false };
  let state = states.get(ctx.connection);
  if (!state) states.set(ctx.connection, (state = { expiresAt: 0 }));
  const s = state;

  async function refresh(): Promise<string> {
    const stored = await ctx.secrets?.get(ctx.connection, REFRESH_TOKEN_SECRET);
    const refreshToken = stored ?? config.refreshToken;
    if (!refreshToken) {
      throw new ConnectorError(
        'hubspot',
        'AUTH',
        'no refresh token: connect the HubSpot app first (OAuth)',
      );
    }
    // https://developers.hubspot.com/docs/api/oauth/tokens (POST /oauth/v1/token, grant refresh_token)
    const res = await client.oauth.tokensApi
      .create(
        'refresh_token',
        undefined,
        undefined,
        config.clientId,
        config.clientSecret,
        refreshToken,
      )
      .catch((cause: unknown) => {
        const code = (cause as { code?: number }).code ?? 0;
        const retryable = code === 0 || code >= 500;
        throw new ConnectorError(
          'hubspot',
          'AUTH',
          retryable ? 'token refresh failed' : 'refresh token rejected: reconnect the HubSpot app',
          { retryable, cause, status: code },
        );
      });
    if (res.refreshToken && res.refreshToken !== refreshToken) {
      await ctx.secrets?.set(ctx.connection, REFRESH_TOKEN_SECRET, res.refreshToken);
    }
    s.accessToken = res.accessToken;
    s.expiresAt = now() + res.expiresIn * 1000;
    ctx.log?.info(
      { connection: ctx.connection, expiresIn: res.expiresIn },
      'hubspot token refreshed',
    );
    return res.accessToken;
  }

  return {
    async token() {
      if (s.accessToken && s.expiresAt - config.refreshMarginMs > now()) return s.accessToken;
      s.inFlight ??= refresh().finally(() => delete s.inFlight);
      return s.inFlight;
    },
    invalidate(token) {
      if (s.accessToken === token) {
        delete s.accessToken;
        s.expiresAt = 0;
      }
      return true;
    },
  };
}
