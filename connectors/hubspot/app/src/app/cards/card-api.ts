/**
 * The card's calls to the Headroom server, through `hubspot.fetch` (HubSpot proxies them, adds
 * portalId, userId, userEmail and appId, and signs them; the server checks both). Every answer
 * becomes a state the card can show: content, empty (nothing scored for this record) or an
 * error in words an account executive can act on. Nothing here throws.
 * https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data
 */
import { CardResponseSchema, ErrorBodySchema, type CardResponse } from './card-schema.ts';

/** The part of `hubspot.fetch` the card uses (a fake in tests). */
export type Fetcher = (
  url: string,
  options?: { method?: 'GET' | 'POST'; body?: Record<string, unknown>; timeout?: number },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** The record the card is on: a company, or an Expansion deal carrying an opportunity id. */
export type CardTarget =
  | { kind: 'company'; companyId: string }
  | { kind: 'deal'; opportunityId: string }
  | { kind: 'none'; reason: string };

export type LoadResult =
  /** `deal`: the card is on a deal, whose own opportunity (`data.focus`) leads. */
  | { kind: 'content'; data: CardResponse; deal: boolean }
  | { kind: 'empty'; message: string }
  | { kind: 'error'; message: string };

export type ActionResult = { ok: true; data: CardResponse } | { ok: false; message: string };

export interface CardApi {
  load(): Promise<LoadResult>;
  setStatus(
    opportunityId: string,
    action: 'accept' | 'dismiss',
    reason?: string,
  ): Promise<ActionResult>;
}

/** HubSpot stops a call at 15 s; answer sooner so the card can say so. */
const TIMEOUT_MS = 10_000;

async function call(
  fetcher: Fetcher,
  url: string,
  options: Parameters<Fetcher>[1],
): Promise<ActionResult & { status?: number }> {
  let res: Awaited<ReturnType<Fetcher>>;
  try {
    res = await fetcher(url, { timeout: TIMEOUT_MS, ...options });
  } catch {
    return { ok: false, message: 'Headroom could not be reached. Try again in a moment.' };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = ErrorBodySchema.safeParse(body);
    const message = err.success ? err.data.error.message : `Headroom answered ${res.status}.`;
    return { ok: false, status: res.status, message };
  }
  const parsed = CardResponseSchema.safeParse(body);
  if (!parsed.success)
    return { ok: false, message: 'Headroom sent an answer this card cannot read.' };
  return { ok: true, data: parsed.data };
}

/** @param serverUrl the Headroom server, without a trailing slash (also in permittedUrls.fetch) */
export function cardApi(
  fetcher: Fetcher,
  serverUrl: string,
  target: () => Promise<CardTarget>,
): CardApi {
  const base = `${serverUrl}/hubspot/app-card`;
  return {
    async load() {
      let t: CardTarget;
      try {
        t = await target();
      } catch {
        return { kind: 'error', message: 'This record’s properties could not be read.' };
      }
      if (t.kind === 'none') return { kind: 'empty', message: t.reason };
      const url =
        t.kind === 'company'
          ? `${base}/companies/${encodeURIComponent(t.companyId)}`
          : `${base}/opportunities/${encodeURIComponent(t.opportunityId)}`;
      const r = await call(fetcher, url, { method: 'GET' });
      if (r.ok) return { kind: 'content', data: r.data, deal: t.kind === 'deal' };
      if (r.status === 404)
        return { kind: 'empty', message: 'Headroom has not scored this record yet.' };
      return { kind: 'error', message: r.message };
    },
    async setStatus(opportunityId, action, reason) {
      const body = action === 'dismiss' ? { reason: reason ?? '' } : {};
      const url = `${base}/opportunities/${encodeURIComponent(opportunityId)}/${action}`;
      const r = await call(fetcher, url, { method: 'POST', body });
      return r.ok ? { ok: true, data: r.data } : { ok: false, message: r.message };
    },
  };
}
