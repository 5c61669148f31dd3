/**
 * The HubSpot card in a real browser, outside HubSpot: its states rendered by HubSpot's testing
 * renderer on the server's recorded answers, written out by the local preview (preview-html.ts)
 * and photographed by Debian's Chromium to test/artifacts/hubspot-card.png. Skipped only where
 * /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Button, LoadingSpinner, TextArea, Tile } from '@hubspot/ui-extensions';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { previewPage } from './preview-html.ts';
import { COMPANY, fixture, renderCard } from './render-card.tsx';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
const hasChromium = existsSync(CHROMIUM);

async function states() {
  const content = renderCard({ [`GET ${COMPANY}`]: [fixture('company')] });
  await content.waitFor(() => expect(content.findAll(Tile)).toHaveLength(5));

  const asking = renderCard({ [`GET ${COMPANY}`]: [fixture('company')] });
  await asking.waitFor(() => expect(asking.findAll(Tile)).toHaveLength(5));
  const first = String(asking.findAll(Tile)[0]!.props.testId).replace('opportunity-', '');
  asking.findByTestId(Button, `dismiss-${first}`).trigger('onClick');
  asking
    .findByTestId(TextArea, `reason-${first}`)
    .trigger('onChange', 'Bought through a reseller' as never);

  const red = renderCard(
    { 'GET /hubspot/app-card/companies/4410002': [fixture('company-red')] },
    {
      kind: 'company',
      companyId: '4410002',
    },
  );
  await red.waitFor(() => expect(red.findAll(Tile)).toHaveLength(1));

  const id = encodeURIComponent(first);
  const deal = renderCard(
    { [`GET /hubspot/app-card/opportunities/${id}`]: [fixture('deal')] },
    {
      kind: 'deal',
      opportunityId: first,
    },
  );
  await deal.waitFor(() => expect(deal.findAll(Tile).length).toBeGreaterThan(1));

  const empty = renderCard({ [`GET ${COMPANY}`]: [fixture('not-found')] });
  const error = renderCard({ [`GET ${COMPANY}`]: ['network'] });
  const loading = renderCard({ [`GET ${COMPANY}`]: ['never'] });
  await empty.waitFor(() => expect(empty.maybeFind(LoadingSpinner)).toBeNull());
  await error.waitFor(() => expect(error.maybeFind(LoadingSpinner)).toBeNull());

  return [
    { title: 'Company record', note: 'content', root: content.getRootNode() },
    { title: 'Company record', note: 'dismissing, with a reason', root: asking.getRootNode() },
    { title: 'Red company', note: 'health reasons, no pitch', root: red.getRootNode() },
    { title: 'Expansion deal', note: 'its own opportunity first', root: deal.getRootNode() },
    { title: 'Not scored yet', note: 'empty', root: empty.getRootNode() },
    { title: 'Server unreachable', note: 'error', root: error.getRootNode() },
    { title: 'Loading', note: 'loading', root: loading.getRootNode() },
  ];
}

describe.skipIf(!hasChromium)(
  `HubSpot card preview in Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed)'}`,
  () => {
    it('renders every state of the card and photographs it', async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const html = previewPage(await states());
      expect(html).not.toContain('class="unknown"');
      writeFileSync(`${ARTIFACTS}/hubspot-card.html`, html);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1240, height: 900 } });
        await page.setContent(html);
        expect(await page.locator('article.frame').count()).toBe(7);
        await expect(
          page.getByText('Tier 1 · Pursue immediately').first().isVisible(),
        ).resolves.toBe(true);
        await page.screenshot({ path: `${ARTIFACTS}/hubspot-card.png`, fullPage: true });
      } finally {
        await browser.close();
      }
    });
  },
);
