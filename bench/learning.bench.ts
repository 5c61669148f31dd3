/**
 * Learning: look-alike cross-sell on 10,000 accounts (5 modules, ~15% adopters each, with
 * adoption deals and seat history) and a calibration fit on 5,000 resolved outcomes with a
 * time-split holdout. Target: seconds each on one core.
 */
import { emptyPortfolio } from '../src/model/records.js';
import { calibrate } from '../src/learning/calibrate.js';
import { lookAlike } from '../src/learning/look-alike.js';
import { loadYamlFile } from '../src/config/load-yaml.js';
import { CatalogSchema, type Portfolio } from '../src/model/index.js';
import { addDays } from '../src/dates.js';
import { generateHistory, makeAccount, rng } from '../test/learning/gen.js';
import { measure, peakRssMb, round } from './measure.js';
import type { Bench } from './types.js';

const asOf = '2025-06-30';
const INDUSTRIES = [
  'Healthcare',
  'Fintech',
  'Retail',
  'Logistics',
  'Media',
  'Education',
  'Manufacturing',
  'Software',
];
const SEGMENTS = ['smb', 'mid-market', 'enterprise'] as const;

function portfolio(n: number, modules: string[]): Portfolio {
  const r = rng(2024);
  const p: Portfolio = emptyPortfolio();
  for (let i = 0; i < n; i++) {
    const id = `files:a${i}`;
    const licensed = 10 + Math.floor(r() * 1500);
    const products = modules.filter(() => r() < 0.15);
    p.accounts.push(
      makeAccount(id, {
        name: `Company ${i}`,
        industry: INDUSTRIES[i % INDUSTRIES.length]!,
        segment: SEGMENTS[i % 3]!,
        employees: Math.round(30 * Math.exp(r() * 6)),
        arr: licensed * 540 * (0.6 + 0.8 * r()),
        seats: { licensed, active: Math.round(licensed * (0.3 + 0.7 * r())) },
        featuresUsed: ['dashboards', 'reports', 'workflows', 'api_access'].filter(() => r() < 0.5),
        products,
      }),
    );
    products.forEach((m, j) => {
      const close = addDays(asOf, -30 - Math.floor(r() * 600));
      p.deals.push({
        id: `files:d${i}-${j}`,
        accountId: id,
        name: m,
        kind: 'expansion',
        stage: 'Closed Won',
        amount: 12_000,
        currency: 'USD',
        closeDate: close,
        closed: true,
        won: true,
        products: [m],
      });
    });
    for (let m = 0; m < 6; m++) {
      p.usage.push({
        accountId: id,
        date: addDays(asOf, -120 * m),
        metric: 'active_seats',
        value: Math.round(licensed * (0.3 + 0.6 * r())),
        limit: licensed,
      });
    }
  }
  return p;
}

const bench: Bench = {
  name: 'learning',
  description:
    'look-alike on 10k accounts × 5 modules; logistic calibration on 5k outcomes (seconds)',
  async run() {
    const catalog = loadYamlFile(
      CatalogSchema,
      new URL('../config/catalog.yaml', import.meta.url).pathname,
    );
    const p = portfolio(
      10_000,
      catalog.modules.map((m) => m.key),
    );
    const look = await measure(() => lookAlike({ portfolio: p, catalog, asOf }));
    const history = generateHistory({
      n: 5000,
      seed: 5,
      evidenceDrivesOutcome: true,
      ruleInformative: false,
    });
    const cal = await measure(() => calibrate(history));
    const fitted = cal.result[0]!;
    return {
      lookAlikeAccounts: p.accounts.length,
      lookAlikeModules: catalog.modules.length,
      lookAlikeScores: look.result.length,
      lookAlikeSeconds: look.seconds,
      calibrationOutcomes: history.length,
      calibrationSeconds: cal.seconds,
      calibrationHoldoutAuc: round(fitted.holdout?.model.auc ?? 0, 3),
      ruleHoldoutAuc: round(fitted.holdout?.rule.auc ?? 0, 3),
      peakRssMb: peakRssMb(),
    };
  },
};
export default bench;
