/**
 * The headroomExpansion LWC in a real browser, outside the org: compiled by the LWC compiler,
 * run by @lwc/engine-dom in Debian's Chromium (headless, playwright-core), fed the recorded UI
 * API responses of a scored account. Screenshots go to test/artifacts/. Skipped (with the reason
 * in its name) only where /usr/bin/chromium is not installed.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountCard } from '../../src/view/account-card.js';
import { LWC_DIR } from './fixtures.js';
import { bundleCard } from './render/bundle.js';
import { pageHtml, type RecordPage } from './render/page.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test/artifacts';
const hasChromium = existsSync(CHROMIUM);
const DATA = join(LWC_DIR, 'headroomExpansion', '__tests__', 'data');
const data = <T>(name: string): T => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;

interface Rec {
  id: string;
}

describe.skipIf(!hasChromium)(
  `headroomExpansion LWC in Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed)'}`,
  () => {
    let browser: Browser;
    let page: Page;
    let bundle: string;
    const account = data<Rec>('getRecord.json');
    const opportunityPage = data<Rec>('getOpportunityRecord.json');
    const card = data<AccountCard>('card.json');
    const fixtures = {
      records: { [account.id]: account, [opportunityPage.id]: opportunityPage },
      relatedLists: { [account.id]: data('getRelatedListRecords.json') },
    };

    /** A fresh page per record page: custom elements stay registered for a window's life. */
    async function open(on: Pick<RecordPage, 'recordId' | 'objectApiName'>) {
      await page?.close();
      page = await browser.newPage({ viewport: { width: 460, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(pageHtml({ ...on, ...fixtures }, bundle));
      await page.getByText(card.nextAction.text).waitFor();
      return errors;
    }

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      bundle = await bundleCard();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("renders the account's card with the view model's facts", async () => {
      const errors = await open({ recordId: account.id, objectApiName: 'Account' });
      const body = await page.locator('#region').innerText();
      for (const fact of [
        card.score!,
        card.tierLabel!,
        card.health!.label,
        ...card.health!.reasons,
        card.readiness!.label,
        ...card.opportunities.flatMap((o) => [o.title, o.topEvidence, o.timingLabel]),
      ])
        expect(body).toContain(fact);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/lwc-headroom-expansion.png`, fullPage: true });
    });

    it('asks why before dismissing, and sends the status with the reason', async () => {
      await open({ recordId: account.id, objectApiName: 'Account' });
      const first = page.locator('c-headroom-expansion-opportunity').first();
      await first.getByRole('button', { name: 'Dismiss…' }).click();
      await first.locator('textarea').waitFor();
      await page.screenshot({
        path: `${ARTIFACTS}/lwc-headroom-expansion-dismiss.png`,
        fullPage: true,
      });
      const confirm = first.getByRole('button', { name: 'Dismiss', exact: true });
      expect(await confirm.isDisabled()).toBe(true);
      await first.locator('textarea').fill('Budget moved to the data platform');
      await confirm.click();
      const updates = await page.evaluate(
        () => (window as { HEADROOM_UPDATES?: unknown }).HEADROOM_UPDATES,
      );
      expect(updates).toEqual([
        {
          fields: {
            Id: expect.stringMatching(/^a0C/),
            Status__c: 'Dismissed',
            Status_Reason__c: 'Budget moved to the data platform',
          },
        },
      ]);
    });

    it('on an Expansion Opportunity page, shows the same card through its account', async () => {
      const errors = await open({
        recordId: opportunityPage.id,
        objectApiName: 'Expansion_Opportunity__c',
      });
      expect(await page.locator('c-headroom-expansion-opportunity').count()).toBe(
        card.opportunities.length,
      );
      expect(errors).toEqual([]);
    });
  },
);
