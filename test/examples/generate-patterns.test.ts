/**
 * The generated portfolio, read back through the files connector and mappings/files.yaml, holds
 * every planted pattern and trap. Assertions are on neutral records, computed here independently
 * of the generator's own bookkeeping.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, type GenerateSummary } from '../../examples/generate.js';
import { loadYamlFile } from '../../src/config/load-yaml.js';
import { CatalogSchema } from '../../src/model/catalog.js';
import type { Account, Portfolio } from '../../src/model/records.js';
import type { Issue } from '../../src/model/output.js';
import { generateAndRead } from './load-portfolio.js';

const catalog = loadYamlFile(CatalogSchema, DEFAULT_CATALOG);
const AS_OF = Date.parse('2026-11-24');
const daysAgo = (iso: string) => (AS_OF - Date.parse(iso)) / 86_400_000;

let dir: string;
let summary: GenerateSummary;
let p: Portfolio;
let issues: Issue[];
/** Usage points of one account and metric, by date (indexed once: the checks run per account). */
let byMetric: Map<string, Portfolio['usage']>;
const points = (a: Account, metric: string) => byMetric.get(`${a.id}|${metric}`) ?? [];
const seatPoints = (a: Account) => points(a, 'active_seats');
const utilization = (a: Account) => seatPoints(a).map((u) => u.value / (u.limit ?? Infinity));
const lastUtil = (a: Account, n: number) => utilization(a).slice(-n);
const red = (a: Account) => (a.health?.score ?? 100) < 40;
const moduleKeywordsMissing = (a: Account) =>
  catalog.modules.filter((m) => !a.products.includes(m.key)).flatMap((m) => m.addresses);
const signalsOf = (a: Account) => p.signals.filter((s) => s.accountId === a.id);
const customers = () => p.accounts.filter((a) => a.lifecycle === 'customer');

describe('demo generator: planted patterns', () => {
  beforeAll(async () => {
    ({ dir, summary, portfolio: p, issues } = await generateAndRead({ accounts: 300, seed: 7 }));
    byMetric = new Map();
    for (const u of [...p.usage].sort((x, y) => x.date.localeCompare(y.date))) {
      const key = `${u.accountId}|${u.metric}`;
      if (!byMetric.has(key)) byMetric.set(key, []);
      byMetric.get(key)!.push(u);
    }
  });

  it('parses cleanly except the deliberately bad rows, which are reported with their rows', () => {
    expect(issues.every((i) => i.skipped)).toBe(true);
    expect(issues.map((i) => `${i.source}:${i.row}`).sort()).toEqual(
      summary.badRows.map((b) => `${b.file}:${b.row}`).sort(),
    );
    expect(summary.badRows.map((b) => b.what).sort()).toEqual([
      'contact without id',
      'negative seats',
      'unreadable ARR',
    ]);
    expect(p.accounts).toHaveLength(300);
  });

  it('holds realistic dirt that the mapping cleans', () => {
    const text = (f: string) => readFileSync(join(dir, `${f}.csv`), 'utf8');
    expect(text('accounts')).toMatch(/"\$\d{1,3}(,\d{3})+"/); // "$12,000"
    expect(text('accounts')).toMatch(/,\d+%,/); // 85%
    expect(text('accounts') + text('usage')).toMatch(/,\d+(\.\d)?k,/); // 1.2k
    expect(text('deals')).toMatch(/,(Yes|No),/);
    expect(text('deals') + text('contacts')).toMatch(/,\d{2}\/\d{2}\/\d{4},/); // 03/01/2026
    expect(text('contacts') + text('signals')).toMatch(/,4\d{4},/); // Excel serial
    expect(text('accounts')).toMatch(/,Pro,/);
    expect(
      p.accounts.some((a) => /&/.test(a.name)) &&
        p.accounts.some((a) => /[<"|]|[^\p{ASCII}]/u.test(a.name)),
    ).toBe(true);
  });

  it('prices every customer at catalog list price and keeps seats equal to the last usage point', () => {
    for (const a of customers()) {
      const tier = catalog.tiers.find((t) => t.key === a.plan)!;
      const seats = a.seats!.licensed;
      let base = seats * tier.seatPrice;
      let pct = 0;
      for (const m of catalog.modules.filter((x) => a.products.includes(x.key))) {
        base += (m.price.perSeat ?? 0) * seats + (m.price.flat ?? 0);
        pct += m.price.pctOfArr ?? 0;
      }
      expect(a.arr, a.name).toBe(Math.round(base * (1 + pct)));
    }
    for (const a of p.accounts) {
      const last = seatPoints(a).at(-1);
      if (last)
        expect([a.seats?.licensed, a.seats?.active], a.name).toEqual([last.limit, last.value]);
    }
    const full = customers().filter(
      (a) => daysAgo(a.contract!.start!) > 90 || a.contract?.termMonths !== 12,
    );
    expect(full.filter((a) => seatPoints(a).length === 12).length).toBeGreaterThan(150);
  });

  it('plants sustained seat pressure on healthy accounts, and red accounts at their ceiling', () => {
    const pressure = p.accounts.filter(
      (a) => !red(a) && a.lifecycle === 'customer' && lastUtil(a, 3).every((u) => u >= 0.8),
    );
    expect(pressure.length).toBeGreaterThanOrEqual(20);
    const trap = p.accounts.filter(
      (a) => red(a) && lastUtil(a, 3).length === 3 && lastUtil(a, 3).every((u) => u >= 0.9),
    );
    expect(trap.length).toBeGreaterThanOrEqual(3);
    expect(
      trap.every((a) => a.health?.lastQbr?.outcome === 'negative' && (a.health.nps ?? 0) < 0),
    ).toBe(true);
    const declining = p.accounts.filter(
      (a) =>
        red(a) && utilization(a).length === 12 && utilization(a)[11]! < utilization(a)[0]! - 0.2,
    );
    expect(declining.length).toBeGreaterThanOrEqual(5);
  });

  it('plants metrics near plan limits and rising, and accounts using most of their tier', () => {
    const near = p.accounts.filter((a) =>
      ['api_calls', 'storage_gb', 'automations'].some((m) => {
        const pts = points(a, m);
        return (
          pts.length === 12 &&
          pts[11]!.value >= 0.85 * pts[11]!.limit! &&
          pts[11]!.value > pts[0]!.value
        );
      }),
    );
    expect(near.length).toBeGreaterThanOrEqual(10);
    const graduating = customers().filter((a) => {
      const rank = catalog.tiers.findIndex((t) => t.key === a.plan);
      const features = catalog.tiers[rank]!.features;
      return (
        rank < catalog.tiers.length - 1 &&
        a.featuresUsed.filter((f) => features.includes(f)).length >= 0.8 * features.length
      );
    });
    expect(graduating.length).toBeGreaterThanOrEqual(8);
  });

  it('plants workarounds, initiatives, themes and competitors that name modules the account lacks', () => {
    const recentMatch = (a: Account, kinds: string[]) =>
      signalsOf(a).some(
        (s) =>
          kinds.includes(s.kind) &&
          daysAgo(s.date) <= 90 &&
          moduleKeywordsMissing(a).some((k) => s.detail.toLowerCase().includes(k)),
      );
    expect(
      customers().filter((a) => recentMatch(a, ['workaround', 'initiative', 'regulatory'])).length,
    ).toBeGreaterThanOrEqual(15);
    expect(customers().filter((a) => recentMatch(a, ['competitor'])).length).toBeGreaterThanOrEqual(
      8,
    );
    const themed = customers().filter((a) =>
      a.health?.ticketThemes.some((t) => moduleKeywordsMissing(a).includes(t)),
    );
    expect(themed.length).toBeGreaterThanOrEqual(10);
  });

  it('plants company growth with departments that do not use the product', () => {
    const growing = customers().filter(
      (a) =>
        a.employees! >= 1.2 * a.employeesPrior!.count &&
        p.departments.some(
          (d) => d.accountId === a.id && !d.usesProduct && (d.headcount ?? 0) >= 4,
        ) &&
        signalsOf(a).some(
          (s) =>
            ['funding', 'hiring', 'new_office', 'acquisition'].includes(s.kind) &&
            daysAgo(s.date) <= 90,
        ),
    );
    expect(growing.length).toBeGreaterThanOrEqual(15);
  });

  it('plants ticket load, low adoption after a purchase, and paid-for modules left unused', () => {
    expect(
      customers().filter((a) => (a.health?.tickets90d ?? 0) >= 30).length,
    ).toBeGreaterThanOrEqual(8);
    const newAndIdle = customers().filter(
      (a) =>
        p.deals.some(
          (d) => d.accountId === a.id && d.kind === 'new' && d.won && daysAgo(d.closeDate!) <= 150,
        ) && (lastUtil(a, 1)[0] ?? 1) < 0.45,
    );
    expect(newAndIdle.length).toBeGreaterThanOrEqual(8);
    const idleModule = customers().filter((a) =>
      a.products.some((m) => !a.featuresUsed.includes(m)),
    );
    expect(idleModule.length).toBeGreaterThanOrEqual(10);
  });

  it('plants trials, free accounts, churned accounts, renewals due, just-renewed accounts', () => {
    expect(
      p.accounts.filter((a) => a.lifecycle === 'trial' && a.arr === 0).length,
    ).toBeGreaterThanOrEqual(8);
    expect(p.accounts.filter((a) => a.lifecycle === 'free').length).toBeGreaterThanOrEqual(5);
    const churned = p.accounts.filter((a) => a.lifecycle === 'churned');
    expect(churned.length).toBeGreaterThanOrEqual(2);
    expect(
      churned.every((a) =>
        p.deals.some((d) => d.accountId === a.id && d.kind === 'renewal' && d.closed && !d.won),
      ),
    ).toBe(true);
    const justRenewed = customers().filter((a) =>
      p.deals.some(
        (d) => d.accountId === a.id && d.kind === 'renewal' && d.won && daysAgo(d.closeDate!) <= 90,
      ),
    );
    expect(justRenewed.length).toBeGreaterThanOrEqual(20);
    const dueSoon = customers().filter(
      (a) => daysAgo(a.contract!.renewal!) <= -30 && daysAgo(a.contract!.renewal!) >= -183,
    );
    expect(dueSoon.length).toBeGreaterThanOrEqual(40);
  });

  it('plants champions who left, with where they went', () => {
    const left = p.contacts.filter(
      (c) => c.roles.includes('champion') && c.status === 'left' && c.movedTo?.company && c.leftAt,
    );
    expect(left.length).toBeGreaterThanOrEqual(10);
    expect(new Set(p.contacts.flatMap((c) => c.roles))).toEqual(
      new Set(['champion', 'economic_buyer', 'exec_sponsor', 'power_user', 'decision_maker']),
    );
  });

  it('keeps plain healthy accounts with nothing to sell', () => {
    const quiet = customers().filter(
      (a) =>
        !red(a) &&
        lastUtil(a, 3).every((u) => u < 0.8) &&
        !signalsOf(a).some((s) => daysAgo(s.date) <= 180) &&
        p.departments.filter((d) => d.accountId === a.id).every((d) => d.usesProduct) &&
        !p.contacts.some((c) => c.accountId === a.id && c.status === 'left') &&
        (a.health?.tickets90d ?? 0) < 10,
    );
    expect(quiet.length).toBeGreaterThanOrEqual(25);
  });

  it('records two years of expansion outcomes, won and lost, consistent with what accounts own', () => {
    const expansions = p.deals.filter((d) => d.kind === 'expansion' && d.closed);
    expect(expansions.filter((d) => d.won).length).toBeGreaterThanOrEqual(100);
    expect(expansions.filter((d) => !d.won).length).toBeGreaterThanOrEqual(40);
    expect(
      expansions.every((d) => daysAgo(d.closeDate!) <= 731 && daysAgo(d.closeDate!) >= 0),
    ).toBe(true);
    const byId = new Map(p.accounts.map((a) => [a.id, a]));
    const moduleKeys = new Set(catalog.modules.map((m) => m.key));
    for (const d of expansions.filter((x) => x.won && moduleKeys.has(x.products[0] ?? ''))) {
      expect(byId.get(d.accountId)!.products, d.name).toContain(d.products[0]);
    }
  });
});

describe('demo generator: outcome history is learnable, or not, on request', () => {
  /** Share of won expansions with a signal on the same account 1-130 days before. */
  const ledByASignal = (pf: Portfolio) => {
    const won = pf.deals.filter((d) => d.kind === 'expansion' && d.won && d.closeDate);
    const led = won.filter((d) =>
      pf.signals.some(
        (s) =>
          s.accountId === d.accountId &&
          daysAgo(s.date) - daysAgo(d.closeDate!) >= 1 &&
          daysAgo(s.date) - daysAgo(d.closeDate!) <= 130,
      ),
    );
    return led.length / won.length;
  };

  it('puts matching signals before most won expansions only when outcomeSignal is 1', async () => {
    const informative = await generateAndRead({
      accounts: 200,
      seed: 3,
      outcomeSignal: 1,
      dirt: false,
    });
    const noise = await generateAndRead({ accounts: 150, seed: 3, outcomeSignal: 0, dirt: false });
    expect(informative.issues).toEqual([]);
    expect(ledByASignal(informative.portfolio)).toBeGreaterThan(0.7);
    expect(ledByASignal(noise.portfolio)).toBeLessThan(0.35);
  });
});
