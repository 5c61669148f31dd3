/**
 * The foreign generator itself: deterministic from its seed, independent of the demo (no import
 * from `examples/`, no shared catalog key or name), vocabulary that only plants can match, and the
 * field shapes and dirt the issue names actually present in what it writes.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/config/catalog.js';
import { humanKey } from '../../src/scoring/format.js';
import { compileKeywords } from '../../src/scoring/text-match.js';
import { FOREIGN_CATALOG } from './catalog.js';
import { generateForeign, type ForeignPortfolio } from './generate.js';
import { HOW_TO_THEMES, NEUTRAL_TEXTS, RISK_THEMES } from './world.js';

const made: ForeignPortfolio[] = [];
const make = (seed: number, accounts = 120) => {
  const p = generateForeign({ seed, accounts });
  made.push(p);
  return p;
};
afterAll(() => made.forEach((p) => rmSync(p.dir, { recursive: true, force: true })));

const files = (dir: string) => readdirSync(dir).sort();
const csv = (dir: string, file: string, delimiter = ',') =>
  parse(readFileSync(join(dir, file), 'utf8'), { bom: true, columns: true, delimiter }) as Record<
    string,
    string
  >[];

describe('foreign generator', () => {
  it('writes the same bytes for the same seed, other bytes for another seed', () => {
    const [a, b, c] = [make(5), make(5), make(6)];
    expect(files(a.dir)).toEqual(files(b.dir));
    for (const f of files(a.dir))
      expect(readFileSync(join(a.dir, f), 'utf8'), f).toBe(readFileSync(join(b.dir, f), 'utf8'));
    expect(readFileSync(join(c.dir, 'accounts.csv'), 'utf8')).not.toBe(
      readFileSync(join(a.dir, 'accounts.csv'), 'utf8'),
    );
  });

  it('imports nothing from the demo generator and shares no catalog key or name with it', () => {
    const dir = join(import.meta.dirname);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts')))
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/from '[^']*examples\//);
    const demo = loadCatalog('config/catalog.yaml');
    const words = (c: typeof demo) =>
      [...c.tiers, ...c.modules, ...c.services].flatMap((x) => [x.key, x.name.toLowerCase()]);
    const ours = new Set(words(FOREIGN_CATALOG));
    expect(words(demo).filter((w) => ours.has(w))).toEqual([]);
    const demoAddresses = new Set(demo.modules.flatMap((m) => m.addresses));
    expect(
      FOREIGN_CATALOG.modules.flatMap((m) => m.addresses).filter((a) => demoAddresses.has(a)),
    ).toEqual([]);
  });

  it('uses vocabulary that names no module need or tier feature outside the plants', () => {
    const keywords = [
      ...FOREIGN_CATALOG.modules.flatMap((m) => m.addresses),
      ...FOREIGN_CATALOG.tiers.flatMap((t) => t.features.flatMap((f) => [f, humanKey(f)])),
    ];
    const matcher = compileKeywords(keywords);
    const texts = [...NEUTRAL_TEXTS.map(([, t]) => t), ...HOW_TO_THEMES, ...RISK_THEMES];
    expect(texts.filter((t) => matcher.find(t))).toEqual([]);
  });

  it('holds the field shapes and dirt of real exports', () => {
    const p = make(7, 240);
    const accounts = csv(p.dir, 'accounts.csv');
    const sites = accounts.map((a) => a.domain!);
    expect(sites.some((s) => s.startsWith('https://www.'))).toBe(true);
    expect(sites.some((s) => /^www\./.test(s))).toBe(true);
    expect(sites.some((s) => /^[a-z0-9]+\.[a-z.]+\/en$/.test(s))).toBe(true);
    const nps = accounts.map((a) => a.nps!).filter((v) => /^\d+$/.test(v));
    expect(nps.length).toBeGreaterThan(150);
    expect(nps.every((v) => Number(v) <= 10)).toBe(true);
    expect(accounts.some((a) => a.arr!.startsWith('$'))).toBe(true);
    expect(accounts.some((a) => a.csat!.endsWith('%'))).toBe(true);
    expect(accounts.some((a) => /^\d{2}\/\d{2}\/\d{4}$/.test(a.renewal_date!))).toBe(true);
    expect(accounts.some((a) => ['N/A', '-'].includes(a.industry!))).toBe(true);
    const tierNames = new Set(FOREIGN_CATALOG.tiers.map((t) => t.name.toLowerCase()));
    expect(accounts.some((a) => tierNames.has(a.plan!.trim().toLowerCase()))).toBe(true);
    expect(accounts.some((a) => FOREIGN_CATALOG.tiers.some((t) => t.key === a.plan))).toBe(true);
    const contacts = csv(p.dir, 'contacts.csv');
    expect(contacts.every((c) => /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(c.created_date!))).toBe(
      true,
    );
    const domains = contacts.map((c) => c.email!.split('@')[1]!);
    expect(domains.some((d) => /^(eu|ops|mail|service)\./.test(d))).toBe(true);
    const themes = accounts.flatMap((a) => a.ticket_themes!.split(/;\s*/));
    expect(themes.some((t) => HOW_TO_THEMES.includes(t))).toBe(true);
    expect(themes.some((t) => RISK_THEMES.includes(t))).toBe(true);
    const departments = csv(p.dir, 'departments.csv', ';');
    expect(new Set(departments.map((d) => d.uses_product))).toContain('Yes');
  });

  it('plants opportunities in a healthy majority, and at-risk accounts and trials beside them', () => {
    const { truth } = make(8, 240);
    const count = (k: string) => truth.accounts.filter((a) => a.archetype === k).length;
    expect(count('healthy') + count('mild') + count('just_renewed')).toBeGreaterThan(150);
    expect(count('at_risk')).toBeGreaterThan(20);
    expect(count('trial')).toBeGreaterThan(10);
    expect(truth.opportunities.length).toBeGreaterThan(140);
    const plants = new Set(truth.opportunities.map((o) => o.plant));
    expect(plants.size).toBe(11);
    // Traps: expansion evidence where none may be pitched.
    expect(truth.accounts.filter((a) => a.traps.length > 0).length).toBe(
      count('at_risk') + count('trial') + count('free'),
    );
  });
});
