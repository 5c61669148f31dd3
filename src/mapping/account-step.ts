/**
 * What an account needs after its typed transforms and before validation: `plan` and `products`
 * resolved to the active catalog's keys, and the period of a prior headcount that came without
 * its date. Pure: the catalog index and the period are handed in (see `MapContext`).
 */
import type { Issue } from '../model/output.js';
import { resolveCatalogRef, type CatalogRefIndex } from './catalog-refs.js';

/** The period a prior headcount without `asOf` is taken to cover when the mapping does not say
 * (`employeesPrior: { periodMonths }`): a year, the span CRMs' "last year" fields hold. */
export const DEFAULT_PRIOR_PERIOD_MONTHS = 12;

export interface AccountStepOptions {
  catalog?: CatalogRefIndex | undefined;
  priorPeriodMonths?: number | undefined;
}

type IssueAt = (path: string, value: unknown, reason: string) => Issue;

/**
 * Resolve catalog references in place; each value the catalog does not know is one issue, and
 * the record keeps everything else (an unknown plan leaves `plan` empty, an unknown product is
 * dropped from `products`).
 */
export function resolveAccountRefs(
  out: Record<string, unknown>,
  options: AccountStepOptions,
  issueAt: IssueAt,
): Issue[] {
  const issues: Issue[] = [];
  const index = options.catalog;
  if (index && typeof out.plan === 'string') {
    const ref = resolveCatalogRef(index, 'tier', out.plan);
    if (ref.ok) out.plan = ref.key;
    else {
      issues.push(issueAt('plan', out.plan, `plan: ${ref.reason}; plan left empty`));
      delete out.plan;
    }
  }
  if (index && Array.isArray(out.products)) {
    const keys: string[] = [];
    for (const item of out.products as unknown[]) {
      const ref = resolveCatalogRef(index, 'module', String(item));
      if (ref.ok) {
        if (!keys.includes(ref.key)) keys.push(ref.key);
      } else
        issues.push(issueAt('products', item, `products: ${ref.reason}; dropped from products`));
    }
    out.products = keys;
  }
  const prior = out.employeesPrior as Record<string, unknown> | undefined;
  if (prior && typeof prior === 'object' && prior.count !== undefined) {
    if (prior.asOf === undefined)
      prior.periodMonths = options.priorPeriodMonths ?? DEFAULT_PRIOR_PERIOD_MONTHS;
    else delete prior.periodMonths;
  }
  return issues;
}
