/**
 * The OAuth token endpoint through jsforce's OAuth2 client, shared by the refresh-token,
 * authorization-code and JWT bearer grants.
 */
import { OAuth2 } from 'jsforce/lib/oauth2.js';
import { ConnectorError } from '../types.js';
import type { Session } from './client.js';
import type { SalesforceOptions } from './config.js';
import type { TokenResponse } from './schemas.js';

/** The jsforce OAuth2 client for this connection's login URL and connected app. */
export function oauthClient(
  o: Pick<SalesforceOptions, 'loginUrl' | 'clientId' | 'clientSecret' | 'redirectUri'>,
): OAuth2 {
  return new OAuth2({
    loginUrl: o.loginUrl,
    ...(o.clientId ? { clientId: o.clientId } : {}),
    ...(o.clientSecret ? { clientSecret: o.clientSecret } : {}),
    ...(o.redirectUri ? { redirectUri: o.redirectUri } : {}),
  });
}

/** A token endpoint failure; the OAuth error code is kept, the tokens never are. */
export function authError(err: unknown, what: string): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const e = err as { name?: string; message?: string };
  const code = e.name && e.name !== 'Error' ? e.name : 'AUTH_FAILED';
  return new ConnectorError(
    'salesforce',
    code,
    `${what} failed: ${code}: ${e.message ?? ''}`.trim(),
    {
      retryable: false,
      cause: err,
    },
  );
}

export function toSession(res: TokenResponse, now: number): Session {
  const issued = Number(res.issued_at);
  return {
    accessToken: res.access_token,
    instanceUrl: res.instance_url.replace(/\/+$/, ''),
    issuedAt: Number.isFinite(issued) && issued > 0 ? issued : now,
  };
}
