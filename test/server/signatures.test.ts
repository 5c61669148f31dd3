import { describe, expect, it } from 'vitest';
import {
  HUBSPOT_MAX_AGE_MS,
  signEmbedLink,
  signHubspotRequest,
  verifyCanvasRequest,
  verifyEmbedLink,
  verifyHubspotSignature,
} from '../../src/server/signatures.js';
import { canvasRequest, CONSUMER_SECRET } from './crm-requests.js';

const envelope = {
  algorithm: 'HMACSHA256',
  issuedAt: null,
  userId: '005Hs000001TestAAA',
  client: { oauthToken: '00D-test-token', instanceUrl: 'https://example.my.salesforce.com' },
  context: {
    environment: {
      record: { attributes: { type: 'Account' }, Id: '001Hs00000AbCdEIAZ' },
      parameters: {},
    },
  },
};

describe('Salesforce Canvas signed request', () => {
  it('accepts a request signed with the consumer secret and returns the envelope', () => {
    const got = verifyCanvasRequest(canvasRequest(envelope), CONSUMER_SECRET);
    expect(got?.context.environment?.record?.Id).toBe('001Hs00000AbCdEIAZ');
  });

  it('refuses another secret, a tampered envelope, garbage and a wrong algorithm', () => {
    expect(
      verifyCanvasRequest(canvasRequest(envelope, 'other-secret'), CONSUMER_SECRET),
    ).toBeUndefined();
    const [sig] = canvasRequest(envelope).split('.');
    const forged = Buffer.from(JSON.stringify({ ...envelope, userId: 'attacker' })).toString(
      'base64',
    );
    expect(verifyCanvasRequest(`${sig}.${forged}`, CONSUMER_SECRET)).toBeUndefined();
    expect(verifyCanvasRequest('not-a-signed-request', CONSUMER_SECRET)).toBeUndefined();
    expect(
      verifyCanvasRequest(canvasRequest({ ...envelope, algorithm: 'NONE' }), CONSUMER_SECRET),
    ).toBeUndefined();
  });
});

describe('HubSpot v3 signature', () => {
  const secret = 'hubspot-test-client-secret';
  const uri = 'https://headroom.example.com/hubspot/card?associatedObjectId=123&portalId=62515';
  const now = 1_760_000_000_000;
  const base = { clientSecret: secret, method: 'GET', uri, body: '', now };

  it('accepts a fresh, correctly signed request', () => {
    const ts = String(now - 1000);
    expect(
      verifyHubspotSignature({
        ...base,
        timestamp: ts,
        signature: signHubspotRequest(secret, 'GET', uri, '', ts),
      }),
    ).toBe('ok');
  });

  it('refuses timestamps older than five minutes even when the signature is right', () => {
    const ts = String(now - HUBSPOT_MAX_AGE_MS - 1);
    expect(
      verifyHubspotSignature({
        ...base,
        timestamp: ts,
        signature: signHubspotRequest(secret, 'GET', uri, '', ts),
      }),
    ).toBe('stale');
  });

  it('refuses a signature over another URI, body or secret, and missing headers', () => {
    const ts = String(now);
    expect(
      verifyHubspotSignature({
        ...base,
        timestamp: ts,
        signature: signHubspotRequest(secret, 'GET', `${uri}&x=1`, '', ts),
      }),
    ).toBe('bad_signature');
    expect(
      verifyHubspotSignature({
        ...base,
        timestamp: ts,
        signature: signHubspotRequest('nope', 'GET', uri, '', ts),
      }),
    ).toBe('bad_signature');
    expect(verifyHubspotSignature({ ...base, timestamp: ts, signature: undefined })).toBe(
      'missing',
    );
  });

  it('decodes the characters HubSpot decodes before signing', () => {
    const ts = String(now);
    const encoded = 'https://headroom.example.com/hubspot/card?userEmail=a%40b.example&x=%3A';
    const decoded = 'https://headroom.example.com/hubspot/card?userEmail=a@b.example&x=:';
    const sig = signHubspotRequest(secret, 'GET', decoded, '', ts);
    expect(verifyHubspotSignature({ ...base, uri: encoded, timestamp: ts, signature: sig })).toBe(
      'ok',
    );
  });
});

describe('signed embed links', () => {
  const secret = 'embed-test-secret-0123456789';
  const now = 1_760_000_000_000;

  it('round-trips for the account it was made for, until it expires', () => {
    const link = new URL(signEmbedLink(secret, 'files:acct-1', 900, now), 'http://x');
    const exp = link.searchParams.get('exp');
    const sig = link.searchParams.get('sig');
    expect(link.pathname).toBe('/embed/accounts/files%3Aacct-1');
    expect(verifyEmbedLink(secret, 'files:acct-1', exp, sig, now)).toBe('ok');
    expect(verifyEmbedLink(secret, 'files:acct-2', exp, sig, now)).toBe('bad_signature');
    expect(verifyEmbedLink(secret, 'files:acct-1', exp, sig, now + 901_000)).toBe('expired');
    expect(verifyEmbedLink(secret, 'files:acct-1', String(Number(exp) + 3600), sig, now)).toBe(
      'bad_signature',
    );
    expect(verifyEmbedLink(secret, 'files:acct-1', undefined, sig, now)).toBe('missing');
  });
});
