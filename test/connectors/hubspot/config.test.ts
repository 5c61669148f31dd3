import { describe, expect, it } from 'vitest';
import { HubspotEnvSchema, hubspotOptionsFromEnv } from '../../../connectors/hubspot/index.js';
import { parseHubspotOptions } from '../../../connectors/hubspot/config.js';

describe('hubspot settings', () => {
  it('takes the HUBSPOT_* variables of an environment and applies the documented defaults', () => {
    const options = hubspotOptionsFromEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-test-token',
      PATH: '/usr/bin',
      HOME: '/root',
    });
    expect(options).toEqual({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-test-token' });
    expect(parseHubspotOptions(options)).toMatchObject({
      baseUrl: 'https://api.hubapi.com',
      ratePer10s: 100,
      searchRatePerSecond: 5,
      maxRetries: 5,
      refreshMarginMs: 300_000,
    });
  });

  it('accepts a plain-http base URL and a Professional budget', () => {
    const c = parseHubspotOptions({
      HUBSPOT_BASE_URL: 'http://127.0.0.1:4010/',
      HUBSPOT_ACCESS_TOKEN: 'x',
      HUBSPOT_RATE_LIMIT_PER_10S: '190',
    });
    expect(c.baseUrl).toBe('http://127.0.0.1:4010');
    expect(c.ratePer10s).toBe(190);
  });

  it('lists every bad setting at once', () => {
    const res = HubspotEnvSchema.safeParse({
      HUBSPOT_BASE_URL: 'not a url',
      HUBSPOT_SEARCH_RATE_PER_SECOND: '0',
    });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'HUBSPOT_BASE_URL',
      'HUBSPOT_CLIENT_ID',
      'HUBSPOT_CLIENT_SECRET',
      'HUBSPOT_SEARCH_RATE_PER_SECOND',
    ]);
  });
});
