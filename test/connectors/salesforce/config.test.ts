import { describe, expect, it } from 'vitest';
import {
  parseSalesforceOptions,
  salesforceOptionsFromEnv,
} from '../../../connectors/salesforce/config.js';
import { ConfigError } from '../../../src/errors.js';
import { to18 } from '../../../connectors/salesforce/ids.js';

const parse = (env: Record<string, string>) =>
  parseSalesforceOptions(salesforceOptionsFromEnv(env), 'env');

describe('salesforce settings', () => {
  it('reads instance URL + access token over plain http, with documented defaults', () => {
    const o = parse({
      SALESFORCE_INSTANCE_URL: 'http://127.0.0.1:4010/',
      SALESFORCE_ACCESS_TOKEN: '00D-test-token',
    });
    expect(o).toMatchObject({
      auth: 'token',
      instanceUrl: 'http://127.0.0.1:4010',
      loginUrl: 'https://login.salesforce.com',
      apiVersion: '62.0',
      dailyApiShare: 0.5,
      bulkThreshold: 10_000,
      lookbackSeconds: 300,
    });
  });

  it('infers JWT from a private key and OAuth from a bare client id', () => {
    const jwt = parse({
      SALESFORCE_CLIENT_ID: '3MVG9',
      SALESFORCE_USERNAME: 'int@example.com',
      SALESFORCE_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
      SALESFORCE_LOGIN_URL: 'https://test.salesforce.com',
    });
    expect(jwt.auth).toBe('jwt');
    expect(jwt.privateKey).toContain('\nabc\n');
    expect(parse({ SALESFORCE_CLIENT_ID: '3MVG9' }).auth).toBe('oauth');
  });

  it('accepts the API share as a fraction or a percentage', () => {
    const base = {
      SALESFORCE_INSTANCE_URL: 'https://acme.my.salesforce.com',
      SALESFORCE_ACCESS_TOKEN: 't',
    };
    expect(parse({ ...base, SALESFORCE_DAILY_API_SHARE: '0.8' }).dailyApiShare).toBe(0.8);
    expect(parse({ ...base, SALESFORCE_DAILY_API_SHARE: '30' }).dailyApiShare).toBe(0.3);
  });

  it('lists every bad variable by its env name', () => {
    const err = (() => {
      try {
        parse({
          SALESFORCE_INSTANCE_URL: 'acme',
          SALESFORCE_BULK_THRESHOLD: 'many',
          SALESFORCE_ACCESS_TOKEN: 't',
        });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.problems.map((p) => p.path).sort()).toEqual([
      'SALESFORCE_BULK_THRESHOLD',
      'SALESFORCE_INSTANCE_URL',
    ]);
  });

  it('names the missing variables of the chosen auth mode', () => {
    expect(() => parse({})).toThrow(/no credentials/);
    expect(() => parse({ SALESFORCE_AUTH: 'jwt', SALESFORCE_CLIENT_ID: 'x' })).toThrow(
      /SALESFORCE_USERNAME: required for jwt[\s\S]*SALESFORCE_PRIVATE_KEY: required for jwt/,
    );
  });
});

describe('salesforce ids', () => {
  it('turns 15-character ids into their 18-character form', () => {
    expect(to18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(to18('0015e00000abcde')).toBe('0015e00000abcdeAAA');
    expect(to18('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ');
  });
});
