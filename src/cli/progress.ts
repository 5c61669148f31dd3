/** A progress bar on a terminal for long runs; silent when output is not a TTY. */
import { SingleBar, Presets } from 'cli-progress';
import type { SyncPhase } from '../sync/types.js';

export function progressReporter(tty: boolean): {
  onProgress?: (phase: SyncPhase, done: number, total: number) => void;
  stop(): void;
} {
  if (!tty) return { stop: () => undefined };
  const bar = new SingleBar(
    { format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let current: SyncPhase | undefined;
  return {
    onProgress(phase, done, total) {
      if (phase !== current) {
        if (current) bar.stop();
        current = phase;
        bar.start(Math.max(total, 1), done, { phase: phase.padEnd(9) });
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, { phase: phase.padEnd(9) });
    },
    stop: () => bar.stop(),
  };
}
