/**
 * Coalesces concurrent single-key loads into batched fetches, one batch in flight at a time.
 * When 100 CRM users open record pages at once, that is a handful of queries instead of 100
 * queued ones (PGlite runs one query at a time; a Postgres pool is spared the round trips).
 *
 * A batch starts on `setImmediate`, not at the first `load()`: Node parses the requests that
 * arrived together one I/O callback at a time, so starting at once would send the first key
 * alone (and, as PGlite answers before the event loop polls again, every later one alone too).
 * `setImmediate` runs after the whole poll phase, once every request that arrived has asked.
 * Keys that arrive while a fetch runs go out together in the next one.
 */
interface Waiter<V> {
  resolve(value: V | undefined): void;
  reject(err: unknown): void;
}

export class BatchLoader<K, V> {
  private readonly waiting = new Map<K, Waiter<V>[]>();
  /** A batch is scheduled or in flight. */
  private busy = false;

  /**
   * @param fetch loads many keys; keys absent from the returned map resolve `undefined`.
   * @param maxBatch keys per fetch. @default 200
   */
  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly maxBatch = 200,
  ) {}

  load(key: K): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(key);
      if (list) list.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.busy) this.schedule();
    });
  }

  private schedule(): void {
    this.busy = true;
    setImmediate(() => void this.next());
  }

  private async next(): Promise<void> {
    const batch = [...this.waiting].slice(0, this.maxBatch);
    for (const [key] of batch) this.waiting.delete(key);
    try {
      const found = await this.fetch(batch.map(([key]) => key));
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (err) {
      for (const [, waiters] of batch) for (const w of waiters) w.reject(err);
    } finally {
      this.busy = false;
      if (this.waiting.size) this.schedule();
    }
  }
}
