/**
 * Portfolio-wide cohort benchmarks as a plain table, so workers that each see one slice of the
 * accounts still compare every account with the top quartile of the WHOLE portfolio.
 */
import type { Account } from '../../model/records.js';
import type { CatalogIndex } from '../catalog-index.js';
import { segmentOf } from '../context.js';
import { buildBenchmarks, type Benchmarks, type CohortStats } from '../detectors/benchmarks.js';
import type { ScoringSettings } from '../settings/index.js';

/** Same key `buildBenchmarks().cohortOf` caches by. */
const cohortKey = (account: Account, settings: ScoringSettings): string =>
  `${account.industry ?? '*'}|${segmentOf(account, settings.benchmarks)}`;

/** Builds the benchmarks over all accounts and resolves the cohort of every key that occurs. */
export function cohortTable(
  accounts: readonly Account[],
  cx: CatalogIndex,
  settings: ScoringSettings,
): Map<string, CohortStats | undefined> {
  const benchmarks = buildBenchmarks(accounts, cx, settings);
  const table = new Map<string, CohortStats | undefined>();
  for (const a of accounts) {
    const key = cohortKey(a, settings);
    if (!table.has(key)) table.set(key, benchmarks.cohortOf(a, segmentOf(a, settings.benchmarks)));
  }
  return table;
}

/** `Benchmarks` answered from a table built by `cohortTable` (in another thread). */
export function benchmarksFromTable(table: Map<string, CohortStats | undefined>): Benchmarks {
  return {
    cohortOf(account, segment) {
      const key = `${account.industry ?? '*'}|${segment}`;
      if (!table.has(key)) throw new Error(`parallel scoring: no cohort statistics for "${key}"`);
      return table.get(key);
    },
  };
}
