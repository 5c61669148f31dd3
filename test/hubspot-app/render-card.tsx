/**
 * Rendering the HubSpot card outside HubSpot, for its tests and its preview: HubSpot's own
 * testing renderer, and a fake `hubspot.fetch` answering from the server's recorded answers in
 * test/fixtures/hubspot-app (test/server/hubspot-app-fixtures.test.ts keeps them current).
 */
import { readFileSync } from 'node:fs';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  cardApi,
  type CardTarget,
  type Fetcher,
} from '../../connectors/hubspot/app/src/app/cards/card-api.ts';
import { CardView } from '../../connectors/hubspot/app/src/app/cards/card-view.tsx';

export const SERVER = 'https://headroom.example.com';
export const COMPANY = '/hubspot/app-card/companies/4410001';
export const company: CardTarget = { kind: 'company', companyId: '4410001' };

export type Answer = { status: number; body: unknown } | 'network' | 'never';

export const fixture = (name: string): Answer =>
  JSON.parse(readFileSync(`test/fixtures/hubspot-app/${name}.json`, 'utf8')) as Answer;

/** Every text under a node (the renderer's `text` is a node's own text only). */
type Node = { text: string | null; childNodes?: Node[] };
export const allText = (n: Node): string =>
  n.childNodes?.length ? n.childNodes.map(allText).join(' ') : (n.text ?? '');

/** A fake hubspot.fetch answering each `METHOD path` from a queue (the last answer repeats). */
export function fakeFetch(routes: Record<string, Answer[]>) {
  const calls: { method: string; path: string; body?: Record<string, unknown> }[] = [];
  const fetcher: Fetcher = (url, o) => {
    const method = o?.method ?? 'GET';
    const path = url.replace(SERVER, '');
    calls.push({ method, path, ...(o?.body ? { body: o.body } : {}) });
    const queue = routes[`${method} ${path}`];
    const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    if (!answer) throw new Error(`unexpected ${method} ${path}`);
    if (answer === 'never') return new Promise(() => {});
    if (answer === 'network') return Promise.reject(new TypeError('fetch failed'));
    const { status, body } = answer;
    return Promise.resolve({ ok: status < 300, status, json: async () => body });
  };
  return { fetcher, calls };
}

/** The card on a record, with `routes` as the server; the renderer plus the calls made. */
export function renderCard(routes: Record<string, Answer[]>, target: CardTarget = company) {
  const fake = fakeFetch(routes);
  const r = createRenderer('crm.record.tab');
  r.render(<CardView api={cardApi(fake.fetcher, SERVER, async () => target)} />);
  return { ...r, calls: fake.calls };
}
