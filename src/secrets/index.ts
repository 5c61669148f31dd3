/**
 * `SecretStore` (connectors/types.ts) on top of the store: values are AES-256-GCM encrypted with
 * the key from `HEADROOM_SECRET_KEY` before they reach the database.
 */
import type { SecretStore } from '../../connectors/types.js';
import type { Db } from '../store/db.js';
import { readSecret, writeSecret } from '../store/secrets.js';
import { decryptSecret, encryptSecret } from './cipher.js';
import { parseSecretKey } from './key.js';

export { SecretKeyError, parseSecretKey } from './key.js';
export { encryptSecret, decryptSecret } from './cipher.js';

/**
 * @param options.key raw key text. @default process.env.HEADROOM_SECRET_KEY
 * The key is checked on first use, so a read-only setup without secrets does not need one.
 */
export function createSecretStore(db: Db, options: { key?: string } = {}): SecretStore {
  const raw = options.key ?? process.env.HEADROOM_SECRET_KEY;
  let key: Buffer | undefined;
  const getKey = () => (key ??= parseSecretKey(raw));
  const context = (connection: string, name: string) => `${connection}/${name}`;
  return {
    async get(connection, name) {
      const stored = await readSecret(db, connection, name);
      return stored === undefined
        ? undefined
        : decryptSecret(getKey(), stored, context(connection, name));
    },
    async set(connection, name, value) {
      await writeSecret(
        db,
        connection,
        name,
        encryptSecret(getKey(), value, context(connection, name)),
      );
    },
  };
}

/** Log redaction paths (pino `redact`) for every place a secret can appear in a log object. */
export const SECRET_REDACT_PATHS = [
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.clientSecret',
  '*.secret',
  '*.apiKey',
  'headers.authorization',
];
