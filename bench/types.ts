/**
 * A named benchmark. `bench/run.ts` loads every `bench/*.bench.ts`, runs the ones asked for
 * (all by default; `npm run bench -- scoring` for one) and writes `bench/results.json`.
 */
export interface Bench {
  name: string;
  /** One line saying what is measured and the target, if any. */
  description: string;
  /** Figures: numbers with their unit in the key (`seconds`, `accountsPerSecond`, `peakRssMb`). */
  run(): Promise<Record<string, number | string | boolean>>;
}
