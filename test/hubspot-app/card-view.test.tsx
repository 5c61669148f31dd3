/**
 * The HubSpot card's components, rendered with the testing renderer that ships with
 * @hubspot/ui-extensions, on the server's real answers (test/fixtures/hubspot-app, checked
 * against the server by test/server/hubspot-app-fixtures.test.ts) served by a fake hubspot.fetch
 * (render-card.tsx).
 */
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Link,
  LoadingSpinner,
  StatisticsItem,
  StatusTag,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { allText, COMPANY, fixture, renderCard, SERVER } from './render-card.tsx';

describe('the HubSpot card', () => {
  it('shows a spinner while the server answers', () => {
    const r = renderCard({ [`GET ${COMPANY}`]: ['never'] });
    expect(r.findByTestId(LoadingSpinner, 'loading')).toBeDefined();
  });

  it('shows the account’s facts, its best five opportunities and the full-view link', async () => {
    const r = renderCard({ [`GET ${COMPANY}`]: [fixture('company')] });
    await r.waitFor(() => expect(r.maybeFind(LoadingSpinner)).toBeNull());
    const score = r.find(StatisticsItem, { label: 'Expansion score' });
    expect(score.props.number).toBe('8.4');
    expect(allText(score)).toContain('Tier 1 · Pursue immediately');
    expect(r.find(StatisticsItem, { label: 'Potential ARR' }).props.number).toBe('$151,200');
    const health = r.findByTestId(StatusTag, 'health');
    expect([health.props.variant, health.text]).toEqual(['success', 'Healthy']);
    expect(r.findByTestId(Text, 'next-action').text).toBe(
      'Week 1: share the utilization trend with Priya Shah. (by 2026-04-15)',
    );
    const tiles = r.findAll(Tile);
    expect(tiles).toHaveLength(5);
    expect(allText(tiles[0]!)).toContain('Kestrel Freight: seat expansion');
    expect(allText(tiles[0]!)).toContain('Seat Expansion');
    expect(allText(tiles[0]!)).toContain('$21,600');
    expect(
      r.findByTestId(Text, `evidence-${tiles[0]!.props.testId!.replace('opportunity-', '')}`).text,
    ).toBe('Seat utilization has been 88% or higher for 5 weeks (181 of 200 seats).');
    expect(allText(r.getRootNode())).toContain('2 more in Headroom.');
    expect(r.findByTestId(Link, 'full-view').props.href).toEqual({
      url: `${SERVER}/accounts/hubspot-main%3A4410001`,
      external: true,
    });
    expect(r.calls).toEqual([{ method: 'GET', path: COMPANY }]);
  });

  it('shows a red account’s light with its reasons', async () => {
    const path = '/hubspot/app-card/companies/4410002';
    const r = renderCard(
      { [`GET ${path}`]: [fixture('company-red')] },
      {
        kind: 'company',
        companyId: '4410002',
      },
    );
    await r.waitFor(() => expect(r.findByTestId(StatusTag, 'health').props.variant).toBe('danger'));
    expect(r.findByTestId(StatusTag, 'health').text).toBe('At risk');
    expect(allText(r.getRootNode())).toContain('Health score 38 (below 50)');
    expect(allText(r.getRootNode())).toContain('Champion left');
  });

  it('is empty for a company Headroom has not scored, and for a deal it did not create', async () => {
    const r = renderCard({ [`GET ${COMPANY}`]: [fixture('not-found')] });
    await r.waitFor(() => expect(r.findByTestId(EmptyState, 'empty')).toBeDefined());
    expect(allText(r.find(EmptyState))).toContain('Headroom has not scored this record yet.');
    const deal = renderCard(
      {},
      { kind: 'none', reason: 'This deal is not a Headroom expansion opportunity.' },
    );
    await deal.waitFor(() =>
      expect(allText(deal.find(EmptyState))).toContain('not a Headroom expansion'),
    );
    expect(deal.calls).toEqual([]);
  });

  it('shows the server’s error and loads again on retry', async () => {
    const refused = {
      status: 403,
      body: {
        error: {
          code: 'wrong_portal',
          message: 'no HubSpot connection is configured for portal 11111',
        },
      },
    };
    const r = renderCard({ [`GET ${COMPANY}`]: [refused, 'network', fixture('company')] });
    await r.waitFor(() =>
      expect(allText(r.findByTestId(ErrorState, 'error'))).toContain('portal 11111'),
    );
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => expect(allText(r.find(ErrorState))).toContain('could not be reached'));
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => expect(r.findAll(Tile)).toHaveLength(5));
  });
});

describe('accept and dismiss on the card', () => {
  const seat = (fixture('company') as { body: { card: { opportunities: { id: string }[] } } }).body
    .card.opportunities;
  const path = (id: string, action: string) =>
    `/hubspot/app-card/opportunities/${encodeURIComponent(id)}/${action}`;

  it('accepts an opportunity and shows what the server answered', async () => {
    const addOn = seat[1]!.id;
    const r = renderCard({
      [`GET ${COMPANY}`]: [fixture('company')],
      [`POST ${path(addOn, 'accept')}`]: [fixture('accepted')],
    });
    await r.waitFor(() => expect(r.findAll(Tile)).toHaveLength(5));
    r.findByTestId(Button, `accept-${addOn}`).trigger('onClick');
    await r.waitFor(() =>
      expect(allText(r.findByTestId(Tile, `opportunity-${addOn}`))).toContain('Accepted'),
    );
    expect(r.maybeFindByTestId(Button, `accept-${addOn}`)).toBeNull();
    expect(r.findByTestId(Button, `dismiss-${addOn}`)).toBeDefined();
    expect(r.calls.at(-1)).toEqual({ method: 'POST', path: path(addOn, 'accept'), body: {} });
  });

  it('asks for a reason before dismissing, then drops the opportunity from the card', async () => {
    const id = seat[0]!.id;
    const r = renderCard({
      [`GET ${COMPANY}`]: [fixture('company')],
      [`POST ${path(id, 'dismiss')}`]: [fixture('dismissed')],
    });
    await r.waitFor(() => expect(r.findAll(Tile)).toHaveLength(5));
    r.findByTestId(Button, `dismiss-${id}`).trigger('onClick');
    expect(r.findByTestId(Button, `confirm-dismiss-${id}`).props.disabled).toBe(true);
    r.findByTestId(TextArea, `reason-${id}`).trigger(
      'onChange',
      '  Seats bought through a reseller ' as never,
    );
    expect(r.findByTestId(Button, `confirm-dismiss-${id}`).props.disabled).toBe(false);
    r.findByTestId(Button, `confirm-dismiss-${id}`).trigger('onClick');
    await r.waitFor(() => expect(r.maybeFindByTestId(Tile, `opportunity-${id}`)).toBeNull());
    expect(r.calls.at(-1)).toEqual({
      method: 'POST',
      path: path(id, 'dismiss'),
      body: { reason: 'Seats bought through a reseller' },
    });
    expect(r.findByTestId(Alert, 'action-done').text).toBe(
      '“Kestrel Freight: seat expansion” is dismissed; the next sync keeps it.',
    );
    // The sixth opportunity moved up into the five shown.
    expect(r.findAll(Tile)).toHaveLength(5);
    expect(allText(r.getRootNode())).toContain('1 more in Headroom.');
  });

  it('keeps the card and says why when the server refuses', async () => {
    const id = seat[0]!.id;
    const conflict = {
      status: 409,
      body: { error: { code: 'conflict', message: `opportunity "${id}" is already dismissed` } },
    };
    const r = renderCard({
      [`GET ${COMPANY}`]: [fixture('company')],
      [`POST ${path(id, 'accept')}`]: [conflict],
    });
    await r.waitFor(() => expect(r.findAll(Tile)).toHaveLength(5));
    r.findByTestId(Button, `accept-${id}`).trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'action-error').text).toContain('already dismissed'),
    );
    expect(r.findAll(Tile)).toHaveLength(5);
  });

  it('on an Expansion deal, shows the deal’s own opportunity first', async () => {
    const id = seat[0]!.id;
    const dealPath = `/hubspot/app-card/opportunities/${encodeURIComponent(id)}`;
    const r = renderCard(
      { [`GET ${dealPath}`]: [fixture('deal')] },
      { kind: 'deal', opportunityId: id },
    );
    await r.waitFor(() => expect(r.findAll(Tile).length).toBeGreaterThan(0));
    const tiles = r.findAll(Tile);
    expect(tiles[0]!.props.testId).toBe(`opportunity-${id}`);
    expect(tiles.filter((t) => t.props.testId === `opportunity-${id}`)).toHaveLength(1);
  });
});
