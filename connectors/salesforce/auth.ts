/**
 * Access tokens for the three auth modes. Salesforce token responses carry no `expires_in`, so
 * a token is treated as stale `refreshMarginSeconds` before the org's session lifetime ends, and
 * whenever the API answers INVALID_SESSION_ID. One refresh at a time per connection.
 */
import type { ConnectorContext, SecretStore } from '../types.js';
import { ConnectorError } from '../types.js';
import type { Session, SessionSource } from './client.js';
import type { SalesforceOptions } from './config.js';
import { parsePayload, TokenResponseSchema } from './schemas.js';
import { jwtBearerToken } from './jwt.js';
import { authError, oauthClient, toSession } from './token-endpoint.js';

/** Secret-store name of the OAuth refresh token (per connection). */
export const REFRESH_TOKEN_SECRET = 'salesforce.refresh_token';

export class SessionManager implements SessionSource {
  private current: Session | undefined;
  private inflight: Promise<Session> | undefined;

  constructor(
    private readonly options: SalesforceOptions,
    private readonly ctx: Pick<ConnectorContext, 'connection' | 'secrets'>,
    private readonly now: () => number = Date.now,
  ) {
    if (options.auth === 'token') {
      this.current = {
        accessToken: options.accessToken!,
        instanceUrl: options.instanceUrl!,
        issuedAt: now(),
      };
    }
  }

  async session(): Promise<Session> {
    const cur = this.current;
    if (cur && (this.options.auth === 'token' || !this.stale(cur))) return cur;
    return this.refresh(cur);
  }

  refresh(stale: Session | undefined): Promise<Session> {
    if (this.inflight) return this.inflight;
    // Another caller already replaced the token this one saw refused.
    if (stale && this.current && this.current !== stale) return Promise.resolve(this.current);
    this.inflight = this.obtain()
      .then((s) => (this.current = s))
      .finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  private stale(s: Session): boolean {
    const ttl = this.options.sessionTtlMinutes * 60_000;
    return s.issuedAt + ttl - this.options.refreshMarginSeconds * 1000 <= this.now();
  }

  private async obtain(): Promise<Session> {
    const o = this.options;
    if (o.auth === 'token') {
      throw new ConnectorError(
        'salesforce',
        'INVALID_SESSION_ID',
        'the access token (SALESFORCE_ACCESS_TOKEN) is expired or invalid and cannot be refreshed; ' +
          'set a new one, or use the OAuth or JWT flow for unattended syncs',
      );
    }
    if (o.auth === 'jwt') return toSession(await jwtBearerToken(o, this.now()), this.now());
    const secrets = requireSecrets(this.ctx.secrets);
    const refreshToken = await secrets.get(this.ctx.connection, REFRESH_TOKEN_SECRET);
    if (!refreshToken) {
      throw new ConnectorError(
        'salesforce',
        'NOT_CONNECTED',
        `connection "${this.ctx.connection}" has no refresh token: connect it through the OAuth flow first`,
      );
    }
    let raw: unknown;
    // https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm
    try {
      raw = await oauthClient(o).refreshToken(refreshToken);
    } catch (err) {
      throw authError(err, 'refreshing the Salesforce access token');
    }
    const res = parsePayload(TokenResponseSchema, raw, 'refresh token');
    // With refresh-token rotation on, each refresh returns a new one and revokes the old.
    if (res.refresh_token)
      await secrets.set(this.ctx.connection, REFRESH_TOKEN_SECRET, res.refresh_token);
    return toSession(res, this.now());
  }
}

export function requireSecrets(secrets: SecretStore | undefined): SecretStore {
  if (!secrets) {
    throw new ConnectorError(
      'salesforce',
      'NO_SECRET_STORE',
      'OAuth needs a secret store for the refresh token',
    );
  }
  return secrets;
}
