import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../../../connectors/types.js';
import { exchangeHubspotCode, hubspotAuthorizeUrl } from '../../../connectors/hubspot/index.js';
import { BASE, collect, fakeClock, fixture, makeConnector, memorySecrets } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const OAUTH = {
  HUBSPOT_ACCESS_TOKEN: '',
  HUBSPOT_CLIENT_ID: 'client-test-id',
  HUBSPOT_CLIENT_SECRET: 'client-test-secret',
  HUBSPOT_REDIRECT_URI: 'http://localhost:8080/oauth/hubspot/callback',
};
const pageOf = (id: string, after?: string) => ({
  results: [
    {
      id,
      properties: { name: id },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      archived: false,
    },
  ],
  ...(after ? { paging: { next: { after } } } : {}),
});
const tokenBody = (n: number) => ({
  ...fixture<object>('token-refresh.json'),
  access_token: `at-test-${n}`,
  refresh_token: 'rt-test-2',
});

describe('hubspot auth', () => {
  it('refreshes an expired OAuth token mid-run (401 -> refresh -> retry) and keeps the rotated refresh token', async () => {
    const tokenCalls: string[] = [];
    let n = 0;
    nock(BASE)
      .post('/oauth/v1/token', (body: Record<string, string>) => {
        tokenCalls.push(body.refresh_token!);
        return body.grant_type === 'refresh_token' && body.client_secret === 'client-test-secret';
      })
      .times(2)
      .reply(200, () => tokenBody(++n));
    nock(BASE, { reqheaders: { authorization: 'Bearer at-test-1' } })
      .get('/crm/v3/objects/companies')
      .query((q) => !q.after)
      .reply(200, pageOf('1', '2'))
      .get('/crm/v3/objects/companies')
      .query({
        limit: '100',
        archived: 'false',
        properties: 'name,hs_lastmodifieddate',
        after: '2',
      })
      .reply(401, fixture('expired-token-401.json'));
    nock(BASE, { reqheaders: { authorization: 'Bearer at-test-2' } })
      .get('/crm/v3/objects/companies')
      .query((q) => q.after === '2')
      .reply(200, pageOf('2'));
    const secrets = memorySecrets();
    const { connector, ctx } = makeConnector(OAUTH, { secrets }, fakeClock());
    secrets.data.set(`${ctx.connection}/hubspot.refresh_token`, 'rt-test-1');
    const pages = await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(pages.flatMap((p) => p.records.map((r) => r.id))).toEqual(['1', '2']);
    expect(tokenCalls).toEqual(['rt-test-1', 'rt-test-2']);
    expect(secrets.data.get(`${ctx.connection}/hubspot.refresh_token`)).toBe('rt-test-2');
  });

  it('refreshes on demand a margin before expiry, once for concurrent callers', async () => {
    let refreshes = 0;
    nock(BASE)
      .post('/oauth/v1/token')
      .times(2)
      .reply(200, () => tokenBody(++refreshes));
    nock(BASE).get('/crm/v3/objects/companies').query(true).times(4).reply(200, pageOf('1'));
    const clock = fakeClock();
    const { connector } = makeConnector(
      { ...OAUTH, HUBSPOT_REFRESH_TOKEN: 'rt-test-boot' },
      { secrets: memorySecrets() },
      clock,
    );
    const pull = () => collect(connector.pull({ object: 'companies', fields: ['name'] }));
    await Promise.all([pull(), pull(), pull()]);
    expect(refreshes).toBe(1);
    await clock.sleep(1800_000 - 300_000 + 1); // inside the 5-minute margin of the 30-minute token
    await pull();
    expect(refreshes).toBe(2);
  });

  it('does not retry a private-app token the API refuses', async () => {
    const scope = nock(BASE).get('/crm/v3/objects/companies').query(true).reply(401, {
      status: 'error',
      message: 'Authentication credentials not found.',
      category: 'INVALID_AUTHENTICATION',
    });
    const { connector } = makeConnector();
    const err = await collect(connector.pull({ object: 'companies', fields: ['name'] })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).code).toBe('AUTH');
    expect((err as ConnectorError).retryable).toBe(false);
    expect(String((err as Error).message)).not.toContain('pat-na1-test-token');
    expect(scope.isDone()).toBe(true);
  });

  it('builds the authorize URL and exchanges the code, storing the refresh token', async () => {
    const url = new URL(hubspotAuthorizeUrl({ HUBSPOT_BASE_URL: BASE, ...OAUTH }, 'state-123'));
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('client-test-id');
    expect(url.searchParams.get('state')).toBe('state-123');
    expect(url.searchParams.get('scope')).toContain('crm.objects.deals.write');

    nock(BASE)
      .post(
        '/oauth/v1/token',
        (b: Record<string, string>) =>
          b.grant_type === 'authorization_code' &&
          b.code === 'code-xyz' &&
          b.redirect_uri === OAUTH.HUBSPOT_REDIRECT_URI,
      )
      .reply(200, fixture('token-refresh.json'));
    const api = nock(BASE, { reqheaders: { authorization: 'Bearer at-test-access-token-2' } })
      .get('/crm/v3/objects/companies')
      .query(true)
      .reply(200, pageOf('1'));
    const secrets = memorySecrets();
    const ctx = {
      connection: 'hs-oauth-exchange',
      options: { HUBSPOT_BASE_URL: BASE, ...OAUTH },
      secrets,
    };
    const { expiresAt } = await exchangeHubspotCode(ctx, 'code-xyz', () =>
      Date.parse('2026-03-01T12:00:00Z'),
    );
    expect(expiresAt).toBe('2026-03-01T12:30:00.000Z');
    expect(secrets.data.get('hs-oauth-exchange/hubspot.refresh_token')).toBe(
      'rt-test-refresh-token-2',
    );
    // The connector of that connection starts with the exchanged token: no refresh call.
    const { createHubspotConnectorWith } = await import('../../../connectors/hubspot/index.js');
    const connector = createHubspotConnectorWith(
      ctx,
      fakeClock(Date.parse('2026-03-01T12:01:00Z')),
    );
    await collect(connector.pull({ object: 'companies', fields: ['name'] }));
    expect(api.isDone()).toBe(true);
  });

  it('refuses settings with neither a token nor OAuth credentials, listing every problem', () => {
    expect(() =>
      makeConnector({ HUBSPOT_ACCESS_TOKEN: '', HUBSPOT_RATE_LIMIT_PER_10S: 'lots' }),
    ).toThrow(/HUBSPOT_RATE_LIMIT_PER_10S[\s\S]*HUBSPOT_CLIENT_ID[\s\S]*HUBSPOT_CLIENT_SECRET/);
  });
});
