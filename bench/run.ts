/**
 * `npm run bench [-- name ...]`: runs every `bench/*.bench.ts` (or the named ones), each in its own
 * process so peak memory is its own, prints the figures and writes `bench/results.json` (merged
 * with earlier results, so one bench can be re-run alone).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const resultsFile = join(here, 'results.json');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter(
    (f) =>
      f.endsWith('.bench.ts') && (!wanted.length || wanted.includes(f.replace(/\.bench\.ts$/, ''))),
  )
  .sort();
const results: Record<string, unknown> = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>)
  : {};

/**
 * Each bench runs with the V8 flags of the process it models (package.json): the server benches
 * with `npm start`'s (the default young generation: shorter GC pauses for the requests in
 * flight), the others with the `headroom` CLI's, which runs sync jobs (a 64 MB semi-space: fewer
 * scavenges while a run's results pile up; no allocation-site pretenuring, see the README; an 8 GB
 * old space for 100k-account runs).
 */
const SERVER_BENCHES = new Set(['embed']);
const scripts = (
  JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')) as {
    scripts: Record<'start' | 'headroom', string>;
  }
).scripts;
const v8Flags = (script: string): string[] =>
  script
    .split(/\s+/)
    .filter((a) => /^--max-(semi|old)-space-size=\d+$|^--no-allocation-site-pretenuring$/.test(a));

let failed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n▶ ${name}\n`);
  const child = spawnSync(
    process.execPath,
    [
      ...v8Flags(SERVER_BENCHES.has(name) ? scripts.start : scripts.headroom),
      '--import',
      'tsx',
      join(here, 'run-one.ts'),
      join(here, file),
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    if (child.status !== 0) throw new Error(`exited with ${child.status}`);
    const parsed = JSON.parse(last) as { description: string; figures: Record<string, unknown> };
    results[name] = { ...parsed, ranAt: new Date().toISOString(), node: process.version };
    process.stdout.write(`  ${parsed.description}\n`);
    for (const [k, v] of Object.entries(parsed.figures))
      process.stdout.write(`  ${k.padEnd(40)} ${String(v)}\n`);
  } catch (err) {
    failed++;
    results[name] = { error: String(err), output: child.stdout.slice(-2000) };
    process.stdout.write(`  FAILED: ${String(err)}\n`);
  }
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
}
process.stdout.write(`\nresults: ${resultsFile}\n`);
process.exitCode = failed ? 1 : 0;
