/**
 * Signature checks for everything reachable without the API token: Salesforce Canvas signed
 * requests, HubSpot v3 request signatures, and the short-lived signed links to the embedded
 * account view. All comparisons are constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const hmac = (secret: string, data: string): Buffer =>
  createHmac('sha256', secret).update(data, 'utf8').digest();

/** base64 and base64url both decode here (Salesforce documents base64; be liberal). */
const decode64 = (s: string): Buffer =>
  Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');

function sameBytes(expected: Buffer, given: Buffer): boolean {
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The part of a Canvas envelope Headroom reads. */
export const CanvasEnvelopeSchema = z.object({
  algorithm: z.string(),
  issuedAt: z.number().nullish(),
  userId: z.string().optional(),
  context: z.object({
    environment: z
      .object({
        /** Present when the canvas app sits on a record page (Lightning or a page layout). */
        record: z
          .object({
            Id: z.string().optional(),
            attributes: z.object({ type: z.string() }).partial().optional(),
          })
          .catchall(z.unknown())
          .optional(),
        parameters: z.record(z.string(), z.unknown()).nullish(),
      })
      .optional(),
  }),
});
export type CanvasEnvelope = z.infer<typeof CanvasEnvelopeSchema>;

/**
 * Verify a Canvas `signed_request`: `base64(HMAC-SHA256(consumerSecret, encodedEnvelope))` + "."
 * + `encodedEnvelope`, the envelope being base64 JSON. Returns the envelope, or undefined when the
 * signature, the encoding or the algorithm is wrong.
 * https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/canvas_app_signed_req_authentication.htm
 */
export function verifyCanvasRequest(
  signedRequest: string,
  consumerSecret: string,
): CanvasEnvelope | undefined {
  const dot = signedRequest.indexOf('.');
  if (dot <= 0 || !consumerSecret) return undefined;
  const signature = signedRequest.slice(0, dot);
  const encoded = signedRequest.slice(dot + 1);
  if (!sameBytes(hmac(consumerSecret, encoded), decode64(signature))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(decode64(encoded).toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = CanvasEnvelopeSchema.safeParse(json);
  if (!parsed.success || parsed.data.algorithm.toUpperCase() !== 'HMACSHA256') return undefined;
  return parsed.data;
}

/** HubSpot v3 signatures older than this are refused (replay protection, per HubSpot's docs). */
export const HUBSPOT_MAX_AGE_MS = 5 * 60 * 1000;

/** HubSpot signs the URI with these characters decoded (and only these). */
const HUBSPOT_DECODE: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export type HubspotCheck = 'ok' | 'missing' | 'stale' | 'bad_signature';

/**
 * Verify `X-HubSpot-Signature-v3`: base64 HMAC-SHA256 with the app's client secret over
 * method + full URI + raw body + `X-HubSpot-Request-Timestamp` (milliseconds).
 * https://developers.hubspot.com/docs/api/webhooks/validating-requests
 */
export function verifyHubspotSignature(input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  signature: string | undefined;
  timestamp: string | undefined;
  now?: number;
}): HubspotCheck {
  const { signature, timestamp } = input;
  if (!signature || !timestamp || !input.clientSecret) return 'missing';
  const ts = Number(timestamp);
  const now = input.now ?? Date.now();
  if (!Number.isFinite(ts) || now - ts > HUBSPOT_MAX_AGE_MS || ts - now > HUBSPOT_MAX_AGE_MS) {
    return 'stale';
  }
  const uri = input.uri.replace(
    /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi,
    (m) => HUBSPOT_DECODE[m.toUpperCase()] ?? m,
  );
  const expected = hmac(
    input.clientSecret,
    `${input.method.toUpperCase()}${uri}${input.body}${timestamp}`,
  );
  return sameBytes(expected, decode64(signature)) ? 'ok' : 'bad_signature';
}

/** Compute a HubSpot v3 signature (tests and local tooling sign requests with it). */
export function signHubspotRequest(
  clientSecret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: string,
): string {
  return hmac(clientSecret, `${method.toUpperCase()}${uri}${body}${timestamp}`).toString('base64');
}

const embedPayload = (accountId: string, exp: number): string => `${accountId}\n${exp}`;

/**
 * A signed, short-lived path to the embedded account view:
 * `/embed/accounts/:id?exp=<unix seconds>&sig=<base64url HMAC-SHA256(secret, id + "\n" + exp)>`.
 * @param ttlSeconds how long the link works; @default 900 (15 minutes)
 */
export function signEmbedLink(
  secret: string,
  accountId: string,
  ttlSeconds = 900,
  now = Date.now(),
): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const sig = hmac(secret, embedPayload(accountId, exp)).toString('base64url');
  return `/embed/accounts/${encodeURIComponent(accountId)}?exp=${exp}&sig=${sig}`;
}

export type EmbedCheck = 'ok' | 'missing' | 'expired' | 'bad_signature';

/** Check an embed link's `exp` and `sig` for one account id. */
export function verifyEmbedLink(
  secret: string,
  accountId: string,
  exp: unknown,
  sig: unknown,
  now = Date.now(),
): EmbedCheck {
  if (!secret || typeof exp !== 'string' || typeof sig !== 'string' || !/^\d+$/.test(exp))
    return 'missing';
  if (Number(exp) * 1000 < now) return 'expired';
  const expected = hmac(secret, embedPayload(accountId, Number(exp)));
  return sameBytes(expected, decode64(sig)) ? 'ok' : 'bad_signature';
}
