/**
 * The console in a real browser: Debian's Chromium, headless, driven by playwright-core against
 * the server on a random loopback port. Screenshots of the main pages go to test/artifacts/.
 * Skipped (with the reason in its name) only where /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/app.js';
import { signEmbedLink } from '../../src/server/signatures.js';
import type { Store } from '../../src/store/db.js';
import { API_TOKEN, EMBED_SECRET } from './crm-requests.js';
import { seededStore, testDeps } from './seed.js';
import { oppId } from './seed-data.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)(
  `console in Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; apt-get install chromium)'}`,
  () => {
    let store: Store;
    let server: { url: string; close(): Promise<void> };
    let browser: Browser;
    let page: Page;
    const dialogs: string[] = [];
    const shot = (name: string) =>
      page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      store = await seededStore();
      server = await startServer(
        testDeps(store, { apiToken: API_TOKEN, embedSecret: EMBED_SECRET }),
        0,
      );
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Sign in through the login form, as a person would.
      await page.goto(`${server.url}/`);
      expect(page.url()).toContain('/login');
      await page.fill('input[name="token"]', API_TOKEN);
      await page.click('button[type="submit"]');
      await page.waitForURL(`${server.url}/`);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await store?.close();
    });

    it('renders the dashboard with its SVG projection chart', async () => {
      const chart = page.locator('svg.projection');
      await expect(chart.isVisible()).resolves.toBe(true);
      expect(await chart.locator('rect').count()).toBe(4);
      expect(await chart.textContent()).toMatch(/NRR \d+% · GRR \d+%/);
      expect(await page.locator('#pipeline-by-tier tbody tr').count()).toBe(5);
      await shot('dashboard');
    });

    it('lists accounts with a markup name shown as text, never run', async () => {
      await page.goto(`${server.url}/accounts`);
      await expect(
        page.getByText('<script>alert("x")</script> & <b>Co</b>').isVisible(),
      ).resolves.toBe(true);
      expect(dialogs).toEqual([]);
      await shot('accounts');
    });

    it('shows an account’s evidence and QBR agenda', async () => {
      await page.goto(`${server.url}/accounts/files:acct-1`);
      await expect(
        page.getByText('Seat utilization has been 88% or higher for 5 weeks').first().isVisible(),
      ).resolves.toBe(true);
      const qbr = page.locator('#qbr-agenda');
      await expect(qbr.isVisible()).resolves.toBe(true);
      expect(await qbr.locator('ol.qbr > li').count()).toBeGreaterThanOrEqual(3);
      await shot('account');
    });

    it('dismisses an opportunity and shows it dismissed with its reason', async () => {
      const card = page.locator(`article[id="opp-${oppId('files:acct-1', 'add_on')}"]`);
      await card.locator('input[name="reason"]').fill('Already buying a BI tool this year');
      await card.locator('button.dismiss').click();
      await page.waitForLoadState('load');
      const after = page.locator(`article[id="opp-${oppId('files:acct-1', 'add_on')}"]`);
      expect(await after.getAttribute('data-status')).toBe('dismissed');
      expect(await after.textContent()).toContain('Already buying a BI tool this year');
    });

    it('previews a mapping and shows the issue of a bad value', async () => {
      await page.goto(`${server.url}/mappings/files`);
      await page.fill('input[name="n"]', '2');
      await page.click('button[value="preview"]');
      const preview = page.locator('#preview');
      await preview.waitFor();
      const issues = preview.locator('table.issues tbody tr');
      expect(await issues.count()).toBeGreaterThanOrEqual(1);
      expect(await issues.first().textContent()).toContain('"lots"');
      await shot('mapping-preview');
    });

    it('shows sync runs and the embedded account view', async () => {
      await page.goto(`${server.url}/runs`);
      expect(await page.locator('#runs tbody tr').count()).toBe(6);
      await shot('runs');
      const embed = await browser.newPage({ viewport: { width: 420, height: 700 } });
      await embed.goto(`${server.url}${signEmbedLink(EMBED_SECRET, 'files:acct-1')}`);
      await expect(embed.getByText('Northwind Logistics').first().isVisible()).resolves.toBe(true);
      await embed.screenshot({ path: `${ARTIFACTS}/embed.png`, fullPage: true });
      await embed.close();
    });
  },
);
