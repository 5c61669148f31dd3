/**
 * A cache of the light account views the CRMs load (embedded view, Canvas, HubSpot card). A CRM
 * record page loads the view every time someone opens the record, and the data only changes when
 * a sync finishes or a person accepts or dismisses a play, so views are kept until then:
 * - changes made through this server call `invalidate()` (seen at once);
 * - changes made by another process (a CLI sync against the same Postgres) show up through the
 *   sync_runs generation, checked at most once per `checkEveryMs`.
 */
import type { Db } from '../store/db.js';
import type { AccountView } from './account-view.js';

export class ViewCache {
  private readonly entries = new Map<
    string,
    { generation: string; view: AccountView | undefined }
  >();
  private generation = '';
  private checkedAt = -Infinity;
  private checking: Promise<string> | undefined;
  private local = 0;

  /**
   * @param checkEveryMs how stale a change made by another process may be; 0 checks on every
   *   request. @default 1000
   * @param max views kept (least recently stored dropped first). @default 5000
   */
  constructor(
    private readonly db: Db,
    private readonly checkEveryMs = 1000,
    private readonly max = 5000,
  ) {}

  /** Something changed in this process (a status change): every cached view is stale. */
  invalidate(): void {
    this.local += 1;
  }

  /** The generation last seen: sync runs (any process) and changes made here. */
  private key(): string {
    return `${this.generation}#${this.local}`;
  }

  private async currentGeneration(): Promise<string> {
    const now = performance.now();
    if (now - this.checkedAt >= this.checkEveryMs || this.checkEveryMs === 0) {
      // One query for all waiting requests.
      this.checking ??= this.db
        .query<{ g: string }>(
          `SELECT coalesce(max(id), 0) || '/' || count(*) || '/' || coalesce(max(finished_at)::text, '') AS g FROM sync_runs`,
        )
        .then((r) => r.rows[0]?.g ?? '')
        .finally(() => {
          this.checking = undefined;
        });
      this.generation = await this.checking;
      this.checkedAt = now;
    }
    return this.key();
  }

  /**
   * The cached view of `key` without waiting on the store, or `undefined` (the caller then takes
   * the `get()` path; "not found" is never answered from here). Stale-while-revalidate: once
   * the generation is due for a check, the check starts in the background and the cached view
   * is still served until it answers, for at most another `checkEveryMs`; so under steady load
   * no request waits for it, and a change by another process shows within `2 × checkEveryMs`.
   */
  peek(key: string): AccountView | undefined {
    if (this.checkEveryMs === 0) return undefined;
    const age = performance.now() - this.checkedAt;
    if (age >= 2 * this.checkEveryMs) return undefined;
    if (age >= this.checkEveryMs) this.currentGeneration().catch(() => undefined);
    const hit = this.entries.get(key);
    return hit?.generation === this.key() ? hit.view : undefined;
  }

  /** The cached view of `key`, or `build()`'s (cached too, including "not found"). */
  async get(
    key: string,
    build: () => Promise<AccountView | undefined>,
  ): Promise<AccountView | undefined> {
    const generation = await this.currentGeneration();
    const hit = this.entries.get(key);
    if (hit && hit.generation === generation) return hit.view;
    const view = await build();
    this.entries.delete(key);
    this.entries.set(key, { generation, view });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return view;
  }
}
