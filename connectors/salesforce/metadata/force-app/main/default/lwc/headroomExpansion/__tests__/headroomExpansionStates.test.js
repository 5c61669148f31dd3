/**
 * Loading, empty and error states, and the Expansion Opportunity record page (the card follows
 * the opportunity's Account__c to its account).
 */
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { $, emitAccount, mount, rowsOf, settle, summaryOf, text, unmountAll } from './helpers';
import account from './data/getRecord.json';
import notScored from './data/getRecordNotScored.json';
import opportunities from './data/getRelatedListRecords.json';
import empty from './data/getRelatedListRecordsEmpty.json';
import opportunityPage from './data/getOpportunityRecord.json';
import card from './data/card.json';
import cardNotScored from './data/cardNotScored.json';

describe('c-headroom-expansion states', () => {
  afterEach(unmountAll);

  it('shows a spinner until the account and its opportunities have loaded', async () => {
    const element = mount(account.id);
    await settle();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    getRecord.emit(account, (config) => config.recordId === account.id);
    await settle();
    expect($(element, 'lightning-spinner')).not.toBeNull();
    getRelatedListRecords.emit(opportunities);
    await settle();
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('says an account no sync has scored yet in the words of the view model', async () => {
    const element = mount(notScored.id);
    await emitAccount(notScored, empty);
    expect(text(element, '[data-id="not-scored"]')).toBe(cardNotScored.nextAction.text);
    expect(summaryOf(element)).toBeNull();
  });

  it('shows the account facts and says so when no opportunity is live', async () => {
    const element = mount(account.id);
    await emitAccount(account, { ...empty, listReference: opportunities.listReference });
    expect(text(summaryOf(element), '[data-id="score"]')).toBe(card.score);
    expect(rowsOf(element)).toHaveLength(0);
    expect($(element, '[data-id="no-opportunities"]')).not.toBeNull();
  });

  it('names the problem when the UI API refuses, and what to ask the admin on a 403', async () => {
    const element = mount(account.id);
    await settle();
    getRecord.error({ message: "You don't have access to Expansion_Score__c." }, 403, 'Forbidden');
    await settle();
    const error = text(element, '[data-id="error"]');
    expect(error).toContain("You don't have access to Expansion_Score__c.");
    expect(error).toContain('Headroom Expansion User permission set');
    expect($(element, 'lightning-spinner')).toBeNull();
  });

  it('clears the error once the wire that failed answers (a refresh that worked)', async () => {
    const element = mount(account.id);
    await settle();
    const mine = (config) => config.recordId === account.id;
    getRecord.emitError({ body: { message: 'Service unavailable' }, status: 503 }, mine);
    await settle();
    expect(text(element, '[data-id="error"]')).toContain('Service unavailable');
    await emitAccount(account, opportunities);
    expect($(element, '[data-id="error"]')).toBeNull();
    expect(text(summaryOf(element), '[data-id="score"]')).toBe(card.score);
  });

  it('on an Expansion Opportunity page, shows the card of the opportunity’s account', async () => {
    const element = mount(opportunityPage.id, 'Expansion_Opportunity__c');
    await settle();
    getRecord.emit(opportunityPage, (config) => config.recordId === opportunityPage.id);
    await settle();
    expect(getRelatedListRecords.getLastConfig().parentRecordId).toBe(account.id);
    await emitAccount(account, opportunities);
    expect(text(summaryOf(element), '[data-id="next-action"]')).toBe(card.nextAction.text);
    expect(rowsOf(element)).toHaveLength(card.opportunities.length);
  });

  it('says so when the Expansion Opportunity has no account', async () => {
    const element = mount(opportunityPage.id, 'Expansion_Opportunity__c');
    await settle();
    const orphan = {
      ...opportunityPage,
      fields: { Account__c: { displayValue: null, value: null } },
    };
    getRecord.emit(orphan, (config) => config.recordId === opportunityPage.id);
    await settle();
    expect($(element, '[data-id="no-account"]')).not.toBeNull();
  });
});
