/**
 * OAuth for a HubSpot public app, for the server's "connect HubSpot" routes: the authorize URL to
 * send the admin to, and the code exchange that stores the refresh token in the secret store.
 * https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 */
import type { ConnectorContext } from '../types.js';
import { ConnectorError } from '../types.js';
import { primeToken, REFRESH_TOKEN_SECRET } from './auth.js';
import { buildHubspotClient } from './client.js';
import { parseHubspotOptions } from './config.js';

function oauthSettings(options: Record<string, unknown>) {
  const config = parseHubspotOptions(options);
  if (!config.clientId || !config.clientSecret || !config.redirectUri) {
    throw new ConnectorError(
      'hubspot',
      'CONFIG',
      'OAuth needs HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET and HUBSPOT_REDIRECT_URI',
    );
  }
  return {
    ...config,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
  };
}

/** The URL that asks a HubSpot admin to install the app. `state` guards against CSRF: the
 * server generates it, keeps it and compares it on the callback. */
export function hubspotAuthorizeUrl(options: Record<string, unknown>, state: string): string {
  const c = oauthSettings(options);
  return buildHubspotClient(c).oauth.getAuthorizationUrl(
    c.clientId,
    c.redirectUri,
    c.scopes.join(' '),
    undefined,
    state,
  );
}

/**
 * Exchange the authorization code of the OAuth callback for tokens: the refresh token goes to
 * `ctx.secrets` (encrypted by the store), the access token primes this connection's cache.
 * Returns when the access token expires (ISO-8601).
 */
export async function exchangeHubspotCode(
  ctx: ConnectorContext,
  code: string,
  now: () => number = Date.now,
): Promise<{ expiresAt: string }> {
  if (!ctx.secrets)
    throw new ConnectorError(
      'hubspot',
      'CONFIG',
      'a secret store is needed to keep the refresh token',
    );
  const c = oauthSettings(ctx.options);
  // POST /oauth/v1/token, grant_type=authorization_code; the code is single-use and short-lived.
  const res = await buildHubspotClient(c)
    .oauth.tokensApi.create('authorization_code', code, c.redirectUri, c.clientId, c.clientSecret)
    .catch((cause: unknown) => {
      const status = (cause as { code?: number }).code ?? 0;
      throw new ConnectorError('hubspot', 'AUTH', `authorization code rejected (HTTP ${status})`, {
        retryable: status === 0 || status >= 500,
        cause,
        status,
      });
    });
  await ctx.secrets.set(ctx.connection, REFRESH_TOKEN_SECRET, res.refreshToken);
  const expiresAt = now() + res.expiresIn * 1000;
  primeToken(ctx.connection, res.accessToken, expiresAt);
  return { expiresAt: new Date(expiresAt).toISOString() };
}
