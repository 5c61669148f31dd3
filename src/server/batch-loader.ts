/**
 * Coalesces concurrent single-key loads into batched fetches, one batch in flight at a time:
 * while a fetch runs, new keys wait and go out together in the next one. When 100 CRM users
 * open record pages at once, that is a handful of queries instead of 100 queued ones (PGlite
 * runs one query at a time; a Postgres pool is spared the round trips).
 */
interface Waiter<V> {
  resolve(value: V | undefined): void;
  reject(err: unknown): void;
}

export class BatchLoader<K, V> {
  private readonly waiting = new Map<K, Waiter<V>[]>();
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
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    try {
      while (this.waiting.size) {
        const batch = [...this.waiting].slice(0, this.maxBatch);
        for (const [key] of batch) this.waiting.delete(key);
        try {
          const found = await this.fetch(batch.map(([key]) => key));
          for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
        } catch (err) {
          for (const [, waiters] of batch) for (const w of waiters) w.reject(err);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
