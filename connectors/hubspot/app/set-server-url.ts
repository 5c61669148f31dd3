/**
 * `npm run hubspot:server-url -- https://headroom.your-company.com`: points the HubSpot card at
 * a Headroom server. The URL lives in two places that must agree: the card's code
 * (src/app/cards/server-url.ts) and the app's `permittedUrls.fetch` (src/app/app-hsmeta.json),
 * without which HubSpot refuses the card's `hubspot.fetch` calls. Run `hs project upload` after.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_DIR = import.meta.dirname;
const CODE = 'src/app/cards/server-url.ts';
const META = 'src/app/app-hsmeta.json';

/** The server URL as the card uses it, or the reason it cannot be one. */
export function checkServerUrl(input: string): { url: string } | { problem: string } {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { problem: `"${input}" is not a URL` };
  }
  if (u.protocol !== 'https:') return { problem: 'HubSpot fetches from https:// URLs only' };
  if (u.search || u.hash || u.username || u.password)
    return { problem: 'give the server’s base URL only: no query, fragment or credentials' };
  return { url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

/** Write `url` into the card's code and the app's allow-list under `dir`. */
export function setServerUrl(dir: string, url: string): void {
  const codeFile = join(dir, CODE);
  const code = readFileSync(codeFile, 'utf8');
  const next = code.replace(
    /export const HEADROOM_SERVER_URL = '[^']*';/,
    `export const HEADROOM_SERVER_URL = '${url}';`,
  );
  if (next === code && !code.includes(`'${url}'`))
    throw new Error(`${codeFile}: HEADROOM_SERVER_URL not found`);
  writeFileSync(codeFile, next);
  const metaFile = join(dir, META);
  const meta = readFileSync(metaFile, 'utf8');
  // Only the list changes, so the file keeps its layout (and stays Prettier-clean).
  const written = meta.replace(/"fetch":\s*\[[^\]]*\]/, `"fetch": [${JSON.stringify(url)}]`);
  const parsed = JSON.parse(written) as { config?: { permittedUrls?: { fetch?: unknown } } };
  if (JSON.stringify(parsed.config?.permittedUrls?.fetch) !== JSON.stringify([url]))
    throw new Error(`${metaFile}: config.permittedUrls.fetch not found`);
  writeFileSync(metaFile, written);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const checked = checkServerUrl(process.argv[2] ?? '');
  if ('problem' in checked) {
    console.error(
      `usage: npm run hubspot:server-url -- https://headroom.example.com\n${checked.problem}`,
    );
    process.exit(2);
  }
  setServerUrl(APP_DIR, checked.url);
  console.log(
    `The card now fetches from ${checked.url} (${CODE}, ${META}). Next: hs project upload`,
  );
}
