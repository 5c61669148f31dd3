/**
 * OAuth 2.0 JWT bearer flow, for unattended syncs: the connected app holds a certificate, we sign
 * a short-lived assertion with its private key and trade it for an access token. No refresh
 * token is involved; a new assertion is signed whenever the session goes stale.
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
 */
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SalesforceOptions } from './config.js';
import { parsePayload, TokenResponseSchema, type TokenResponse } from './schemas.js';
import { authError, oauthClient } from './token-endpoint.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Salesforce accepts assertions valid for at most 3 minutes. */
const ASSERTION_LIFETIME_S = 180;

/**
 * The signed assertion: `iss` the connected app's consumer key, `sub` the user, `aud` the login
 * URL (`https://login.salesforce.com`, `https://test.salesforce.com` or the My Domain URL).
 */
export async function signJwtAssertion(
  o: Pick<SalesforceOptions, 'clientId' | 'username' | 'loginUrl' | 'privateKey'>,
  now: number,
): Promise<string> {
  // createPrivateKey reads both PKCS#8 (BEGIN PRIVATE KEY) and PKCS#1 (BEGIN RSA PRIVATE KEY).
  let key;
  try {
    key = createPrivateKey(o.privateKey!);
  } catch (err) {
    throw authError(
      Object.assign(new Error('SALESFORCE_PRIVATE_KEY is not a readable PEM private key'), {
        name: 'BAD_KEY',
        cause: err,
      }),
      'signing the JWT assertion',
    );
  }
  const iat = Math.floor(now / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(o.clientId!)
    .setSubject(o.username!)
    .setAudience(o.loginUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ASSERTION_LIFETIME_S)
    .sign(key);
}

/** Trade a fresh assertion for an access token at `{loginUrl}/services/oauth2/token`. */
export async function jwtBearerToken(o: SalesforceOptions, now: number): Promise<TokenResponse> {
  const assertion = await signJwtAssertion(o, now);
  let raw: unknown;
  try {
    // No client secret or redirect URI belongs in this grant: use a bare client.
    raw = await oauthClient({ loginUrl: o.loginUrl, clientId: o.clientId }).requestToken({
      grant_type: JWT_BEARER_GRANT,
      assertion,
    });
  } catch (err) {
    throw authError(err, 'JWT bearer login');
  }
  return parsePayload(TokenResponseSchema, raw, 'JWT bearer token');
}
