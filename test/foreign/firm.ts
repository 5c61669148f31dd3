/**
 * Who an account is: a unique company name, its registrable domain in its country's TLD, and the
 * website as a CRM holds it, a URL in one of the shapes people type (`https://www.x.com/`,
 * `www.x.co.uk`, `x.de/en`, `http://x.ca`).
 */
import type { Rng } from './random.js';
import { COUNTRIES, INDUSTRIES, NAME_HEADS, NAME_TRADES, type Country } from './world.js';

export interface Firm {
  id: string;
  name: string;
  /** Registrable domain (`harbourplumbing.co.uk`). */
  domain: string;
  website: string;
  country: Country;
  industry: string;
}

const slugOf = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

function websiteOf(rng: Rng, domain: string): string {
  const r = rng.next();
  if (r < 0.3) return `https://www.${domain}/`;
  if (r < 0.55) return `www.${domain}`;
  if (r < 0.7) return `${domain}/en`;
  if (r < 0.85) return `http://${domain}`;
  return `https://${domain}/contact-us`;
}

/** `n` firms with distinct names and domains; ids `FW-0001`... in a prefix the demo never uses. */
export function buildFirms(rng: Rng, n: number): Firm[] {
  const names = new Set<string>();
  const out: Firm[] = [];
  for (let i = 0; out.length < n; i++) {
    const head = rng.pick(NAME_HEADS);
    const trade = rng.pick(NAME_TRADES);
    const country = rng.pick(COUNTRIES);
    const key = `${head} ${trade}`;
    if (names.has(key)) {
      if (i > n * 50) throw new RangeError(`cannot name ${n} distinct firms`);
      continue;
    }
    names.add(key);
    const domain = `${slugOf(head)}${slugOf(trade.split(' ')[0]!)}.${country.tld}`;
    out.push({
      id: `FW-${String(out.length + 1).padStart(4, '0')}`,
      name: `${key} ${rng.pick(country.legal)}`,
      domain,
      website: websiteOf(rng, domain),
      country,
      industry: rng.chance(0.1) ? '' : rng.pick(INDUSTRIES),
    });
  }
  return out;
}
