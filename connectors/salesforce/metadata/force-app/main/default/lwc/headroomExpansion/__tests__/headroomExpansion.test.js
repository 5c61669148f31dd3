/**
 * The card shows, for a really scored account, the facts the shared view model (card.json) gives
 * for the same account: the UI API responses and card.json come from one generator
 * (test/lwc/fixtures.ts), so "same facts everywhere" is checked here, fact by fact.
 */
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { $, $$, amount, emitAccount, mount, rowsOf, summaryOf, text, unmountAll } from './helpers';
import account from './data/getRecord.json';
import opportunities from './data/getRelatedListRecords.json';
import card from './data/card.json';

const fieldName = (f) => (typeof f === 'string' ? f.split('.').pop() : f.fieldApiName);

describe('c-headroom-expansion on an Account page', () => {
  afterEach(unmountAll);

  it('asks Lightning Data Service for exactly the fields the recorded responses hold', async () => {
    mount(account.id);
    await emitAccount(account, opportunities);
    const config = getRecord.getLastConfig();
    expect(config.recordId).toBe(account.id);
    const asked = [...config.fields, ...config.optionalFields].map(fieldName).sort();
    expect(asked).toEqual(Object.keys(account.fields).sort());
    const list = getRelatedListRecords.getLastConfig();
    expect(list).toMatchObject({
      parentRecordId: account.id,
      relatedListId: 'Expansion_Opportunities__r',
    });
    expect([...list.fields, ...list.optionalFields].sort()).toEqual(
      [...opportunities.fields, ...opportunities.optionalFields].sort(),
    );
  });

  it("shows the account's facts as the view model words them", async () => {
    const element = mount(account.id);
    await emitAccount(account, opportunities);
    const summary = summaryOf(element);
    expect(text(summary, '[data-id="score"]')).toBe(card.score);
    expect(text(summary, '[data-id="tier"]')).toBe(card.tierLabel);
    expect(text(summary, '[data-id="health"]')).toBe(card.health.label);
    expect($(summary, 'lightning-icon').alternativeText).toBe(card.health.label);
    expect($$(summary, '[data-id="health-reasons"] li').map((li) => li.textContent)).toEqual(
      card.health.reasons,
    );
    expect(text(summary, '[data-id="readiness"]')).toBe(card.readiness.label);
    expect(text(summary, '[data-id="next-action"]')).toBe(card.nextAction.text);
    const potential = text(summary, '[data-id="potential-arr"]');
    expect(potential).toBe(account.fields.Expansion_Potential_ARR__c.displayValue);
    expect(amount(potential)).toBe(amount(card.potentialArrText));
  });

  it('lists the live opportunities best first, each with the facts the view model gives', async () => {
    const element = mount(account.id);
    await emitAccount(account, opportunities);
    const rows = rowsOf(element);
    expect(rows).toHaveLength(card.opportunities.length);
    rows.forEach((row, i) => {
      const o = card.opportunities[i];
      expect(text(row, '[data-id="title"]')).toBe(o.title);
      expect($(row, '[data-id="type"]').label).toBe(o.typeLabel);
      expect($(row, '[data-id="tier"]').label).toBe(o.tierLabel);
      expect(text(row, '[data-id="score"]')).toBe(o.score);
      expect(amount(text(row, '[data-id="estimated-arr"]'))).toBe(amount(o.estimatedArrText));
      expect(text(row, '[data-id="timing"]')).toBe(o.timingLabel);
      expect($(row, '[data-id="deadline"]').value).toBe(o.deadline);
      expect(text(row, '[data-id="evidence"]')).toBe(o.topEvidence);
      expect($(row, '[data-id="status"]')?.label).toBe(
        o.status === 'open' ? undefined : o.statusLabel,
      );
      expect(Boolean($(row, '[data-id="accept"]'))).toBe(o.actions.includes('accept'));
      expect(Boolean($(row, '[data-id="dismiss"]'))).toBe(o.actions.includes('dismiss'));
    });
    expect(card.moreOpportunities).toBeGreaterThan(0);
    const more = card.moreOpportunities;
    expect(text(element, '[data-id="more"]')).toBe(
      `${more} more live ${more === 1 ? 'opportunity' : 'opportunities'}`,
    );
  });

  it('leaves out what people dismissed in the org', async () => {
    const element = mount(account.id);
    await emitAccount(account, opportunities);
    const dismissed = opportunities.records.filter((r) => r.fields.Status__c.value === 'Dismissed');
    expect(dismissed.length).toBeGreaterThan(0);
    const titles = rowsOf(element).map((row) => text(row, '[data-id="title"]'));
    expect(titles.length).toBeGreaterThan(0);
    for (const r of dismissed) expect(titles).not.toContain(r.fields.Name.value);
  });
});
