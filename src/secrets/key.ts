/**
 * The secret key: `HEADROOM_SECRET_KEY` holds 32 bytes as 64 hex characters or base64, or a
 * passphrase from which 32 bytes are derived with scrypt. The key itself is never logged or
 * echoed in an error.
 */
import { scryptSync } from 'node:crypto';

/** The secret key is missing or cannot decrypt what the store holds. */
export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** Passphrases shorter than this are refused: a guessable key protects nothing. */
const MIN_PASSPHRASE = 16;
// A fixed salt keeps one passphrase = one key across machines sharing a database; scrypt's cost
// is what slows guessing. https://nodejs.org/api/crypto.html#cryptoscryptsyncpassword-salt-keylen-options
const SALT = 'headroom/secrets/v1';

export function parseSecretKey(raw: string | undefined): Buffer {
  const value = raw?.trim();
  if (!value) {
    throw new SecretKeyError(
      'HEADROOM_SECRET_KEY is not set: it encrypts the CRM tokens kept in the store. ' +
        'Generate one with `openssl rand -base64 32`.',
    );
  }
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 32) return bytes;
  }
  if (value.length < MIN_PASSPHRASE) {
    throw new SecretKeyError(
      `HEADROOM_SECRET_KEY must be 32 bytes (64 hex characters or base64) or a passphrase of at least ${MIN_PASSPHRASE} characters`,
    );
  }
  return scryptSync(value, SALT, 32);
}
