import { createHash, generateKeyPairSync } from 'node:crypto';
import { jwtVerify } from 'jose';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createSalesforceConnector,
  exchangeAuthorizationCode,
  REFRESH_TOKEN_SECRET,
  startAuthorization,
} from '../../../connectors/salesforce/index.js';
import {
  API,
  FAST,
  INSTANCE,
  JSON_HEADERS,
  LOGIN,
  TOKEN,
  accountRow,
  collect,
  fixture,
  memorySecrets,
  tokenConnector,
} from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const OAUTH = {
  loginUrl: LOGIN,
  clientId: '3MVG9-test-client',
  redirectUri: 'http://localhost:3000/oauth/salesforce/callback',
};
const form = (body: string) => Object.fromEntries(new URLSearchParams(body));

describe('salesforce OAuth web-server flow with PKCE', () => {
  it('builds the authorize URL with an S256 challenge of the verifier', () => {
    const start = startAuthorization({ connection: 'sf', options: OAUTH });
    const url = new URL(start.url);
    expect(url.origin + url.pathname).toBe(`${LOGIN}/services/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: OAUTH.clientId,
      redirect_uri: OAUTH.redirectUri,
      scope: 'api refresh_token',
      state: start.state,
      code_challenge: createHash('sha256').update(start.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(start.codeVerifier.length).toBeGreaterThanOrEqual(43);
  });

  it('exchanges the code with the verifier and stores the refresh token', async () => {
    let sent: Record<string, string> = {};
    nock(LOGIN)
      .post('/services/oauth2/token', (b: string) => ((sent = form(b)), true))
      .reply(200, fixture('token-code.json'), JSON_HEADERS);
    const secrets = memorySecrets();
    const res = await exchangeAuthorizationCode(
      { connection: 'sf', options: OAUTH, secrets },
      { code: 'aPrx-code', codeVerifier: 'v'.repeat(64) },
    );
    expect(sent).toMatchObject({
      grant_type: 'authorization_code',
      code: 'aPrx-code',
      code_verifier: 'v'.repeat(64),
      client_id: OAUTH.clientId,
    });
    expect(secrets.data.get(`sf/${REFRESH_TOKEN_SECRET}`)).toBe('5Aep-test-refresh-token');
    expect(res).toEqual({
      instanceUrl: INSTANCE,
      orgId: '00D5e000000TestEAA',
      userId: '0055e000001TestAAA',
    });
  });

  it('refreshes once when the token expires mid-run, and retries the call', async () => {
    const secrets = memorySecrets({ [`sf/${REFRESH_TOKEN_SECRET}`]: '5Aep-test-refresh-token' });
    const tokenCalls: Record<string, string>[] = [];
    nock(LOGIN)
      .post('/services/oauth2/token', (b: string) => (tokenCalls.push(form(b)), true))
      .times(2)
      .reply(200, () => ({
        ...fixture<object>('token-refresh.json'),
        access_token: `00D-test-token-${tokenCalls.length}`,
        issued_at: String(Date.now()),
      }));
    const auth: string[] = [];
    nock(INSTANCE)
      .get(`${API}/query`)
      .query(true)
      .reply(function () {
        auth.push(String(this.req.headers.authorization));
        return [
          200,
          {
            totalSize: 3,
            done: false,
            nextRecordsUrl: `${API}/query/01g-1`,
            records: [accountRow(1)],
          },
        ];
      })
      .get(`${API}/query/01g-1`)
      .reply(function () {
        auth.push(String(this.req.headers.authorization));
        return [401, fixture('error-invalid-session.json')];
      })
      .get(`${API}/query/01g-1`)
      .reply(function () {
        auth.push(String(this.req.headers.authorization));
        return [200, { totalSize: 3, done: true, records: [accountRow(2), accountRow(3)] }];
      });
    const sf = await createSalesforceConnector({
      connection: 'sf',
      options: { ...OAUTH, ...FAST },
      secrets,
    });
    const records = (await collect(sf.pull({ object: 'Account', fields: ['Name'] }))).flatMap(
      (p) => p.records,
    );
    expect(records).toHaveLength(3);
    expect(tokenCalls.map((c) => c.grant_type)).toEqual(['refresh_token', 'refresh_token']);
    expect(auth).toEqual([
      'Bearer 00D-test-token-1',
      'Bearer 00D-test-token-1',
      'Bearer 00D-test-token-2',
    ]);
  });

  it('refreshes one at a time: concurrent calls share one token request', async () => {
    const secrets = memorySecrets({ [`sf/${REFRESH_TOKEN_SECRET}`]: '5Aep-test-refresh-token' });
    const token = nock(LOGIN)
      .post('/services/oauth2/token')
      .once()
      .delay(20)
      .reply(200, fixture('token-refresh.json'));
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .reply(200, fixture('describe-account.json'));
    nock(INSTANCE)
      .get(`${API}/sobjects/Expansion_Opportunity__c/describe`)
      .reply(200, fixture('describe-expansion-opportunity.json'));
    const sf = await createSalesforceConnector({
      connection: 'sf',
      options: { ...OAUTH, ...FAST },
      secrets,
    });
    await Promise.all([sf.describe!('Account'), sf.describe!('Expansion_Opportunity__c')]);
    expect(token.isDone()).toBe(true);
  });

  it('refreshes on demand a margin before the session lifetime ends', async () => {
    const secrets = memorySecrets({ [`sf/${REFRESH_TOKEN_SECRET}`]: '5Aep-test-refresh-token' });
    // Issued 119 minutes ago: inside the 2-minute margin of a 120-minute session.
    const almostExpired = {
      ...fixture<object>('token-refresh.json'),
      issued_at: String(Date.now() - 119 * 60_000),
    };
    const fresh = {
      ...fixture<object>('token-refresh.json'),
      access_token: '00D-test-token-2',
      issued_at: String(Date.now()),
    };
    nock(LOGIN)
      .post('/services/oauth2/token')
      .reply(200, almostExpired)
      .post('/services/oauth2/token')
      .reply(200, fresh);
    const describe = nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .matchHeader('authorization', 'Bearer 00D-test-token-refreshed')
      .reply(200, fixture('describe-account.json'))
      .get(`${API}/sobjects/Expansion_Opportunity__c/describe`)
      .matchHeader('authorization', 'Bearer 00D-test-token-2')
      .reply(200, fixture('describe-expansion-opportunity.json'));
    const options = { ...OAUTH, ...FAST, sessionTtlMinutes: 120, refreshMarginSeconds: 120 };
    const sf = await createSalesforceConnector({ connection: 'sf', options, secrets });
    await sf.describe!('Account');
    await sf.describe!('Expansion_Opportunity__c');
    expect(describe.isDone()).toBe(true);
  });

  it('stores a rotated refresh token', async () => {
    const secrets = memorySecrets({ [`sf/${REFRESH_TOKEN_SECRET}`]: 'old-refresh' });
    nock(LOGIN)
      .post('/services/oauth2/token')
      .reply(200, { ...fixture<object>('token-refresh.json'), refresh_token: 'new-refresh' });
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .reply(200, fixture('describe-account.json'));
    const sf = await createSalesforceConnector({
      connection: 'sf',
      options: { ...OAUTH, ...FAST },
      secrets,
    });
    await sf.describe!('Account');
    expect(secrets.data.get(`sf/${REFRESH_TOKEN_SECRET}`)).toBe('new-refresh');
  });

  it('says the connection is not connected when no refresh token is stored', async () => {
    const sf = await createSalesforceConnector({
      connection: 'sf',
      options: { ...OAUTH, ...FAST },
      secrets: memorySecrets(),
    });
    await expect(sf.describe!('Account')).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});

describe('salesforce JWT bearer flow', () => {
  it('signs an RS256 assertion for the user and trades it for a session', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    let sent: Record<string, string> = {};
    nock(LOGIN)
      .post('/services/oauth2/token', (b: string) => ((sent = form(b)), true))
      .reply(200, fixture('token-refresh.json'));
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .matchHeader('authorization', 'Bearer 00D-test-token-refreshed')
      .reply(200, fixture('describe-account.json'));
    const sf = await createSalesforceConnector({
      connection: 'sf',
      options: {
        loginUrl: LOGIN,
        clientId: '3MVG9-test-client',
        username: 'integration@example.com',
        privateKey: pem,
        ...FAST,
      },
    });
    await sf.describe!('Account');
    expect(sent.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { payload, protectedHeader } = await jwtVerify(sent.assertion!, publicKey, {
      audience: LOGIN,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ iss: '3MVG9-test-client', sub: 'integration@example.com' });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(180);
  });
});

describe('salesforce instance URL + access token', () => {
  it('cannot refresh a fixed token: a clear error that does not leak it', async () => {
    nock(INSTANCE)
      .get(`${API}/sobjects/Account/describe`)
      .reply(401, fixture('error-invalid-session.json'));
    const sf = await tokenConnector();
    const err = (await sf.describe!('Account').catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/SALESFORCE_ACCESS_TOKEN\) is expired or invalid/);
    expect(err.message).not.toContain(TOKEN);
  });
});
