import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  decryptSecret,
  encryptSecret,
  parseSecretKey,
  SecretKeyError,
} from '../../src/secrets/index.js';

const HEX_KEY = 'ab'.repeat(32);
const B64_KEY = Buffer.alloc(32, 7).toString('base64');

describe('secret key', () => {
  it('reads 32 bytes as hex or base64 and derives a key from a passphrase', () => {
    expect(parseSecretKey(HEX_KEY)).toEqual(Buffer.alloc(32, 0xab));
    expect(parseSecretKey(B64_KEY)).toEqual(Buffer.alloc(32, 7));
    const derived = parseSecretKey('correct horse battery staple');
    expect(derived).toHaveLength(32);
    expect(parseSecretKey('correct horse battery staple')).toEqual(derived);
  });

  it('refuses a missing or short key without echoing it', () => {
    expect(() => parseSecretKey(undefined)).toThrow(/HEADROOM_SECRET_KEY is not set/);
    expect(() => parseSecretKey('hunter2')).toThrow(SecretKeyError);
    expect(() => parseSecretKey('hunter2')).not.toThrow(/hunter2/);
  });
});

describe('AES-256-GCM', () => {
  const key = parseSecretKey(HEX_KEY);

  it('round-trips with a fresh nonce each time and no plaintext in the ciphertext', () => {
    const a = encryptSecret(key, '00D-test-token', 'sf/refresh_token');
    const b = encryptSecret(key, '00D-test-token', 'sf/refresh_token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('00D-test-token');
    expect(decryptSecret(key, a, 'sf/refresh_token')).toBe('00D-test-token');
  });

  it('fails clearly with the wrong key, another row or altered text', () => {
    const stored = encryptSecret(key, '00D-test-token', 'sf/refresh_token');
    expect(() => decryptSecret(randomBytes(32), stored, 'sf/refresh_token')).toThrow(
      /not the key it was saved with/,
    );
    expect(() => decryptSecret(key, stored, 'hs/refresh_token')).toThrow(SecretKeyError);
    const parts = stored.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'), 'sf/refresh_token')).toThrow(SecretKeyError);
  });
});

describe('secret store without a key', () => {
  it('refuses to save a secret when HEADROOM_SECRET_KEY is unset', async () => {
    const db = { query: async () => ({ rows: [] }) } as unknown as Parameters<
      typeof createSecretStore
    >[0];
    await expect(createSecretStore(db, { key: '' }).set('x', 'token', 'v')).rejects.toThrow(
      /not set/,
    );
  });
});
