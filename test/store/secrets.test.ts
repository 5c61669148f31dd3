import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/db.js';
import { openStore } from '../../src/store/open.js';
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

describe('SecretStore on the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dataDir: 'memory://' });
  });
  afterAll(() => store.close());

  it('keeps only ciphertext in the database and reads it back per connection', async () => {
    const secrets = createSecretStore(store, { key: B64_KEY });
    expect(await secrets.get('sf', 'refresh_token')).toBeUndefined();
    await secrets.set('sf', 'refresh_token', '00D-test-token');
    await secrets.set('sf', 'refresh_token', '00D-test-token-2');
    await secrets.set('hs', 'refresh_token', 'hs-test-token');
    expect(await secrets.get('sf', 'refresh_token')).toBe('00D-test-token-2');
    expect(await secrets.get('hs', 'refresh_token')).toBe('hs-test-token');
    const { rows } = await store.query<{ ciphertext: string }>('SELECT ciphertext FROM secrets');
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.ciphertext).not.toMatch(/test-token/);
  });

  it('names the key as the problem when it changed', async () => {
    await createSecretStore(store, { key: B64_KEY }).set('old', 'token', '00D-test-token');
    await expect(createSecretStore(store, { key: HEX_KEY }).get('old', 'token')).rejects.toThrow(
      /HEADROOM_SECRET_KEY/,
    );
    await expect(createSecretStore(store, { key: '' }).set('x', 'token', 'v')).rejects.toThrow(
      /not set/,
    );
  });
});
