/**
 * Scoring throughput: 100k generated accounts (12 weekly seat readings each, a plan metric for a
 * third of them, contacts, departments, signals) scored in shards, one per core, each on a worker
 * thread that generates its own share (`src/scoring/shards`); then in one `scorePortfolio` call
 * on one core, whose output the shards' must equal byte for byte.
 * Target: at least 20,000 accounts a second using both cores, with peak RSS under 1.5 GB.
 */
import { emptyPortfolio } from '../src/model/records.js';
import { join } from 'node:path';
import { loadYamlFile } from '../src/config/load-yaml.js';
import { CatalogSchema, type Catalog } from '../src/model/catalog.js';
import type {
  Account,
  Contact,
  Department,
  Portfolio,
  Signal,
  SignalKind,
  UsagePoint,
} from '../src/model/records.js';
import { addDays } from '../src/scoring/dates.js';
import { DEFAULT_SETTINGS, scorePortfolio, type ScoringResult } from '../src/scoring/index.js';
import { portfolioStats } from '../src/scoring/portfolio-stats.js';
import { planShards, shardJobs, type ShardRange } from '../src/scoring/shards/index.js';
import { scoreInThreads } from '../src/scoring/shards/threads.js';
import { digest } from './scoring-share.js';
import { availableParallelism } from 'node:os';
import { peakRssMb } from './measure.js';
import { mulberry32 } from '../examples/generate/random.js';
import type { Bench } from './types.js';

const ACCOUNTS = 100_000;
const AS_OF = '2026-03-02';
const WEEKS = 12;

const PLANS = ['starter', 'professional', 'enterprise'];
const DETAILS: [SignalKind, string][] = [
  ['workaround', 'weekly exports to spreadsheets'],
  ['initiative', 'SOC 2 program'],
  ['competitor', 'Tableau in finance'],
  ['hiring', 'Hiring 20 engineers'],
  ['funding', 'Series C'],
  ['leadership_hire', 'New CIO'],
  ['new_office', 'Opening Berlin'],
];
const DEPTS = ['Engineering', 'Marketing', 'Sales', 'Finance', 'Support'];
const DATES = Array.from({ length: WEEKS }, (_, i) => addDays(AS_OF, -7 * (WEEKS - 1 - i)));

/**
 * Accounts `from` to `to` (positions) of the generated portfolio, with their records. One seeded
 * stream draws every account in order (the scoring fingerprint test pins its output), so a share
 * draws the accounts before it too and keeps only its own; `accountsOnly` keeps no records (the
 * statistics pass).
 */
export function generatePortfolio(
  to: number,
  catalog: Catalog,
  seed = 42,
  from = 0,
  accountsOnly = false,
): Portfolio {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const p: Portfolio = emptyPortfolio();
  for (let i = 0; i < to; i++) {
    const mine = i >= from;
    // Records not kept are still drawn (the stream stays in step), into a list thrown away.
    const rec: Portfolio = mine && !accountsOnly ? p : emptyPortfolio();
    const id = `bench:A${i}`;
    const licensed = 5 + Math.floor(r() * 300);
    const active = Math.min(licensed + 5, Math.floor(licensed * (0.3 + r() * 0.75)));
    const employees = licensed * (1 + Math.floor(r() * 4));
    const plan = pick(PLANS);
    // Each account adopts a share of its own tier's features, from light to full use.
    const adoption = 0.3 + r() * 0.7;
    const features = catalog.tiers.find((t) => t.key === plan)?.features ?? [];
    const account: Account = {
      id,
      source: 'bench',
      crmId: `A${i}`,
      name: `Account ${i}`,
      industry: pick(['SaaS', 'Retail', 'Finance']),
      lifecycle: r() < 0.05 ? 'trial' : 'customer',
      plan,
      products: r() < 0.3 ? ['insight_studio'] : [],
      arr: licensed * 540,
      currency: 'USD',
      seats: { licensed, active },
      employees,
      employeesPrior: { count: Math.round(employees / (0.9 + r() * 0.5)), asOf: '2025-03-01' },
      contract: {
        start: '2024-01-15',
        renewal: addDays(AS_OF, Math.floor(r() * 400) - 30),
        termMonths: 12,
      },
      health: {
        score: Math.floor(30 + r() * 70),
        tickets90d: Math.floor(r() * 30),
        ticketThemes: r() < 0.2 ? ['webhooks failing'] : [],
      },
      featuresUsed: features.filter(() => r() < adoption),
      customFields: {},
    };
    if (mine) p.accounts.push(account);
    const start = active * (0.7 + r() * 0.4);
    for (let w = 0; w < WEEKS; w++) {
      const value = Math.round(start + ((active - start) * w) / (WEEKS - 1));
      rec.usage.push({
        accountId: id,
        date: DATES[w]!,
        metric: 'active_seats',
        value,
        limit: licensed,
      } satisfies UsagePoint);
    }
    if (i % 3 === 0) {
      const base = 200_000 + r() * 900_000;
      for (let w = 0; w < WEEKS; w += 3)
        rec.usage.push({
          accountId: id,
          date: DATES[w]!,
          metric: 'api_calls',
          value: Math.round(base * (1 + w * 0.03)),
        });
    }
    for (let c = 0; c < 3; c++) {
      rec.contacts.push({
        id: `${id}:c${c}`,
        accountId: id,
        name: `Person ${c}`,
        title: 'Manager',
        department: pick(DEPTS),
        roles: c === 0 ? ['champion'] : c === 1 ? ['economic_buyer'] : [],
        status: r() < 0.03 ? 'left' : 'active',
        lastEngagedAt: addDays(AS_OF, -Math.floor(r() * 120)),
      } satisfies Contact);
    }
    for (const name of DEPTS.slice(0, 2)) {
      rec.departments.push({
        accountId: id,
        name,
        headcount: 10 + Math.floor(r() * 60),
        usesProduct: name === 'Engineering',
      } satisfies Department);
    }
    if (r() < 0.5) {
      const [kind, detail] = pick(DETAILS);
      rec.signals.push({
        accountId: id,
        date: addDays(AS_OF, -Math.floor(r() * 150)),
        kind,
        detail,
      } satisfies Signal);
    }
  }
  return p;
}

/** The shards' digests against the one-core result's, range by range. */
function sameAsOneCore(result: ScoringResult, ranges: ShardRange[], shardDigests: unknown[]) {
  return ranges.every((r, i) => {
    const ids = new Set(result.accounts.slice(r.from, r.to).map((a) => a.accountId));
    const share = {
      opportunities: result.opportunities.filter((o) => ids.has(o.accountId)),
      accounts: result.accounts.slice(r.from, r.to),
    };
    return digest(share) === shardDigests[i];
  });
}

const SEED = 42;
const SHARDS = Math.max(2, availableParallelism());

const bench: Bench = {
  name: 'scoring',
  description: `${ACCOUNTS.toLocaleString('en-US')} generated accounts scored in ${SHARDS} shards on worker threads (each generating its own share) and in one scorePortfolio call; target ≥ 20,000 accounts/s using both cores, peak RSS < 1.5 GB, the shards' output byte-identical to the one call's`,
  async run() {
    const catalogFile = join(import.meta.dirname, '../config/catalog.yaml');
    const catalog = loadYamlFile(CatalogSchema, catalogFile);
    const settings = DEFAULT_SETTINGS;

    // Both cores: the statistics pass over the accounts alone, then one shard per core.
    const accounts = generatePortfolio(ACCOUNTS, catalog, SEED, 0, true).accounts;
    const tStats = performance.now();
    const stats = portfolioStats(accounts, catalog, settings);
    const statsSeconds = (performance.now() - tStats) / 1000;
    const ranges = planShards(ACCOUNTS, SHARDS);
    const share = new URL('./scoring-share.ts', import.meta.url).href;
    const run = await scoreInThreads(
      shardJobs(ranges, {
        asOf: AS_OF,
        catalog,
        settings,
        stats,
        source: { module: share, export: 'benchShare', args: { seed: SEED, catalogFile } },
        sink: { module: share, export: 'benchDigest' },
      }),
    );
    const shardedSeconds = statsSeconds + run.seconds.score;

    // One core, one call: the reference the shards must equal.
    const t0 = performance.now();
    const portfolio = generatePortfolio(ACCOUNTS, catalog, SEED);
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = scorePortfolio({ portfolio, catalog, settings, asOf: AS_OF });
    const seconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (all its threads, GC helpers included): on a shared machine the
    // wall-clock figure also counts time spent waiting for a core.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const identical = sameAsOneCore(
      result,
      ranges,
      run.outcomes.map((o) => o.summary),
    );
    const peakRss = peakRssMb();
    const accountsPerSecond = Math.round(ACCOUNTS / shardedSeconds);
    const r3 = (x: number) => Math.round(x * 1000) / 1000;
    return {
      accounts: ACCOUNTS,
      usagePoints: portfolio.usage.length,
      opportunities: result.opportunities.length,
      generateSeconds: r3((t1 - t0) / 1000),
      shards: ranges.length,
      statsSeconds: r3(statsSeconds),
      shardLoadSeconds: run.seconds.load,
      shardScoreSeconds: run.seconds.score,
      eachShardScoreSeconds: run.outcomes.map((o) => r3(o.ms.score / 1000)).join(' / '),
      seconds: r3(shardedSeconds),
      accountsPerSecond,
      identicalToOneCore: identical,
      oneCoreSeconds: r3(seconds),
      oneCoreAccountsPerSecond: Math.round(ACCOUNTS / seconds),
      oneCoreCpuSeconds: r3(cpuSeconds),
      accountsPerCpuSecond: Math.round(ACCOUNTS / cpuSeconds),
      peakRssMb: peakRss,
      meetsTarget: identical && accountsPerSecond >= 20_000 && peakRss < 1536,
    };
  },
};

export default bench;
