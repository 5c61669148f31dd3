/**
 * Encrypted secret rows. Only ciphertext is stored here; `src/secrets` holds the key and the
 * encryption.
 */
import type { Db } from './db.js';

export async function readSecret(
  db: Db,
  connection: string,
  name: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ ciphertext: string }>(
    'SELECT ciphertext FROM secrets WHERE connection = $1 AND name = $2',
    [connection, name],
  );
  return rows[0]?.ciphertext;
}

export async function writeSecret(
  db: Db,
  connection: string,
  name: string,
  ciphertext: string,
): Promise<void> {
  await db.query(
    `INSERT INTO secrets (connection, name, ciphertext) VALUES ($1, $2, $3)
     ON CONFLICT (connection, name) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = now()`,
    [connection, name, ciphertext],
  );
}

export async function deleteSecret(db: Db, connection: string, name: string): Promise<void> {
  await db.query('DELETE FROM secrets WHERE connection = $1 AND name = $2', [connection, name]);
}
