/**
 * OAuth 2.0 web-server flow with PKCE, for the server's "Connect Salesforce" button: build the
 * authorize URL, then trade the returned code (with the verifier kept in the user's session) for
 * tokens, storing the refresh token in the secret store. Later syncs refresh from it (auth.ts).
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ConnectorContext } from '../types.js';
import { ConnectorError } from '../types.js';
import { parseSalesforceOptions } from './config.js';
import { REFRESH_TOKEN_SECRET, requireSecrets } from './auth.js';
import { parsePayload, TokenResponseSchema } from './schemas.js';
import { authError, oauthClient } from './token-endpoint.js';

/** What the server keeps between the redirect and the callback (never sent to the browser
 * except `url`). */
export interface AuthorizationStart {
  url: string;
  /** Compare with the callback's `state` (CSRF). */
  state: string;
  /** Send back with the code; proves this server started the flow (PKCE). */
  codeVerifier: string;
}

/** RFC 7636: a 43–128 character verifier and its S256 challenge. */
export function createPkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(64).toString('base64url');
  const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
  return { codeVerifier, codeChallenge };
}

/**
 * The URL to send the admin's browser to. Needs SALESFORCE_CLIENT_ID and
 * SALESFORCE_REDIRECT_URI; `scope` defaults to `api refresh_token`.
 */
export function startAuthorization(
  ctx: Pick<ConnectorContext, 'connection' | 'options'>,
  params: { scope?: string; prompt?: string } = {},
): AuthorizationStart {
  const o = parseSalesforceOptions(
    { ...ctx.options, auth: 'oauth' },
    `salesforce connection "${ctx.connection}"`,
  );
  if (!o.redirectUri) {
    throw new ConnectorError(
      'salesforce',
      'CONFIG',
      'SALESFORCE_REDIRECT_URI is required for the OAuth web-server flow',
    );
  }
  const { codeVerifier, codeChallenge } = createPkcePair();
  const state = randomBytes(24).toString('base64url');
  const url = oauthClient(o).getAuthorizationUrl({
    scope: params.scope ?? 'api refresh_token',
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    ...(params.prompt ? { prompt: params.prompt } : {}),
  });
  return { url, state, codeVerifier };
}

/**
 * Trade the callback's `code` for tokens and store the refresh token under the connection.
 * Returns the org's instance URL and the ids of the user who connected.
 */
export async function exchangeAuthorizationCode(
  ctx: Pick<ConnectorContext, 'connection' | 'options' | 'secrets'>,
  input: { code: string; codeVerifier: string },
): Promise<{ instanceUrl: string; userId?: string; orgId?: string }> {
  const o = parseSalesforceOptions(
    { ...ctx.options, auth: 'oauth' },
    `salesforce connection "${ctx.connection}"`,
  );
  const secrets = requireSecrets(ctx.secrets);
  let raw: unknown;
  try {
    raw = await oauthClient(o).requestToken(input.code, { code_verifier: input.codeVerifier });
  } catch (err) {
    throw authError(err, 'exchanging the authorization code');
  }
  const res = parsePayload(TokenResponseSchema, raw, 'authorization code');
  if (!res.refresh_token) {
    throw new ConnectorError(
      'salesforce',
      'NO_REFRESH_TOKEN',
      'Salesforce returned no refresh token: add the "refresh_token, offline_access" scope to the connected app',
    );
  }
  await secrets.set(ctx.connection, REFRESH_TOKEN_SECRET, res.refresh_token);
  // The identity URL ends in /{orgId}/{userId}.
  const [orgId, userId] = (res.id ?? '').split('/').slice(-2);
  return {
    instanceUrl: res.instance_url.replace(/\/+$/, ''),
    ...(userId ? { userId } : {}),
    ...(orgId ? { orgId } : {}),
  };
}
