/** The store the environment names: Postgres when `DATABASE_URL` is set, else PGlite in
 * `HEADROOM_DATA_DIR`. */
import type { Env } from '../env.js';
import type { Store } from '../store/db.js';
import { openStore } from '../store/open.js';

export function openStoreFromEnv(env: Env): Promise<Store> {
  return openStore({
    dataDir: env.HEADROOM_DATA_DIR,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
  });
}
