/**
 * Prints the issue-14 bar measured on foreign portfolios (files connector, default mapping, the
 * folder's own catalog), one block per seed:
 *
 *   npm run foreign:report [-- --accounts 240]
 */
import { rmSync } from 'node:fs';
import { openHarness } from '../e2e/harness.js';
import { readOutputs } from '../e2e/outputs.js';
import { evaluate, formatMetrics } from './evaluate.js';
import { BAR_ACCOUNTS, BAR_RUNS, describeRun } from './bar-runs.js';
import { FOREIGN_AS_OF, generateForeign } from './generate.js';

const arg = (flag: string, dflt: string) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1]! : dflt;
};
const accounts = Number(arg('--accounts', String(BAR_ACCOUNTS)));

const h = await openHarness({ asOf: FOREIGN_AS_OF });
try {
  for (const r of BAR_RUNS) {
    const seed = r.seed;
    const p = generateForeign({ ...r, accounts });
    const out = h.outDir(`foreign-${seed}`);
    const { report } = await h.sync(
      { connector: 'files', source: p.dir, connection: `foreign-${seed}` },
      { out },
    );
    const o = readOutputs(out);
    const title = `${describeRun(r)}: ${accounts} accounts, ${o.opportunities.length} opportunities, ${o.issues.length} issues (${report.status})`;
    console.log(formatMetrics(title, evaluate(o, p.truth, p.catalog)));
    rmSync(p.dir, { recursive: true, force: true });
  }
} finally {
  await h.close();
}
