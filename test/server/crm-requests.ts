/**
 * Requests as the CRMs send them, for the server tests: a Salesforce Canvas signed request and
 * the headers of a v3-signed `hubspot.fetch` call from the HubSpot app card.
 */
import { createHmac } from 'node:crypto';
import { signHubspotRequest } from '../../src/server/signatures.js';

export const CONSUMER_SECRET = 'canvas-test-consumer-secret';
export const HUBSPOT_SECRET = 'hubspot-test-client-secret';
export const EMBED_SECRET = 'embed-test-secret-0123456789';
export const API_TOKEN = 'test-api-token-0123456789';

/** base64(HMAC-SHA256(secret, encodedEnvelope)) + "." + base64(JSON envelope), as Salesforce builds it. */
export function canvasRequest(envelope: object, secret = CONSUMER_SECRET): string {
  const encoded = Buffer.from(JSON.stringify(envelope)).toString('base64');
  return `${createHmac('sha256', secret).update(encoded).digest('base64')}.${encoded}`;
}

/** A Canvas envelope for a record page (Lightning record context). */
export function canvasEnvelope(record: Record<string, unknown>): object {
  return {
    algorithm: 'HMACSHA256',
    issuedAt: null,
    userId: '005Hs000001TestAAA',
    client: { oauthToken: '00D-test-token', instanceUrl: 'https://example.my.salesforce.com' },
    context: {
      user: { userName: 'ae@example.com' },
      environment: { record, parameters: {}, displayLocation: 'PageLayout' },
    },
  };
}

/** HubSpot signs the URI with these escapes decoded (its v3 validation docs list them). */
const DECODED: [string, string][] = [
  ['%3A', ':'],
  ['%2F', '/'],
  ['%3F', '?'],
  ['%40', '@'],
  ['%21', '!'],
  ['%24', '$'],
  ['%27', "'"],
  ['%28', '('],
  ['%29', ')'],
  ['%2A', '*'],
  ['%2C', ','],
  ['%3B', ';'],
];

/**
 * Headers of a `hubspot.fetch` call as HubSpot proxies it: v3-signed over the method, the full
 * URI (with the query HubSpot appended), the raw body and the timestamp, `ageMs` ago.
 */
export function hubspotFetchHeaders(
  method: string,
  uri: string,
  body = '',
  o: { ageMs?: number; secret?: string } = {},
): Record<string, string> {
  const ts = String(Date.now() - (o.ageMs ?? 0));
  const signed = DECODED.reduce((u, [code, ch]) => u.split(code).join(ch), uri);
  return {
    'X-HubSpot-Signature-v3': signHubspotRequest(
      o.secret ?? HUBSPOT_SECRET,
      method,
      signed,
      body,
      ts,
    ),
    'X-HubSpot-Request-Timestamp': ts,
    ...(body ? { 'Content-Type': 'application/json' } : {}),
  };
}
