/**
 * Which organization a website or an email address belongs to, by registrable domain (the
 * public-suffix list, through `tldts`), never by raw strings: `https://www.acme.com/`,
 * `www.acme.com`, `acme.com/en` and `jo@eu.acme.com` are all `acme.com`.
 *
 * Regional domains count as the same organization when the label before the public suffix is the
 * same: `acme.co.uk` and `acme.de` are Acme's, like `acme.com`. A company on `acme-group.com` or
 * `acmecorp.io` is not recognized as Acme; that only ever costs a low-confidence hint (an email
 * domain alone is never a departure), whereas the opposite mistake would flag real staff.
 */
import { parse } from 'tldts';

export interface OrgDomain {
  /** Registrable domain: `acme.co.uk`. */
  domain: string;
  /** The registrable domain without its public suffix: `acme`. */
  label: string;
}

/** The organization domain of a website, host or email address; undefined when there is none
 * (a bare word, an IP address, a blank). */
export function orgDomain(value: string | undefined): OrgDomain | undefined {
  if (!value) return undefined;
  const at = value.lastIndexOf('@');
  const host = (at >= 0 ? value.slice(at + 1) : value).trim();
  if (host.length === 0) return undefined;
  const p = parse(host);
  if (!p.domain || !p.domainWithoutSuffix || p.isIp) return undefined;
  return { domain: p.domain.toLowerCase(), label: p.domainWithoutSuffix.toLowerCase() };
}

/** Same organization: the same registrable domain, or the same label on another suffix. */
export const sameOrganization = (a: OrgDomain, b: OrgDomain): boolean =>
  a.domain === b.domain || a.label === b.label;

/** The registrable domains of the settings' free-mail list, compiled once per run. */
export function freeMailSet(list: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const f of list) {
    const d = orgDomain(f);
    out.add(d ? d.domain : f.trim().toLowerCase());
  }
  return out;
}
