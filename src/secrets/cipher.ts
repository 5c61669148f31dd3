/**
 * AES-256-GCM: a fresh 12-byte nonce per value, the 16-byte tag checked on decryption, and the
 * connection and secret name bound in as associated data, so a ciphertext copied onto another
 * row does not decrypt. https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 * Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url parts).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretKeyError } from './key.js';

const aad = (context: string) => Buffer.from(context, 'utf8');

export function encryptSecret(key: Buffer, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(key: Buffer, stored: string, context: string): string {
  const [version, nonce, tag, body] = stored.split('.');
  if (version !== 'v1' || nonce === undefined || tag === undefined || body === undefined) {
    throw new SecretKeyError(`secret ${context} is not in a format this version reads`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(aad(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    // GCM cannot tell a wrong key from tampering; the wrong key is by far the usual cause.
    throw new SecretKeyError(
      `cannot decrypt secret ${context}: HEADROOM_SECRET_KEY is not the key it was saved with (or the row was altered)`,
    );
  }
}
