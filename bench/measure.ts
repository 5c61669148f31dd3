/**
 * Small helpers shared by the benches. Each bench runs in its own process (bench/run.ts), so the
 * process's peak RSS (`resourceUsage().maxRSS`) is that bench's peak memory, including time spent
 * in synchronous CPU-bound work that an interval sampler would miss.
 */
export async function measure<T>(
  task: () => Promise<T> | T,
): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  const started = process.hrtime.bigint();
  const result = await task();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { result, seconds: round(seconds, 3), peakRssMb: peakRssMb() };
}

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
