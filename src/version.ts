/** Headroom's version (package.json): part of what decides whether a run may keep what an
 * earlier one made, since another version may map or score the same data differently. */
import { readFileSync } from 'node:fs';

export const HEADROOM_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
