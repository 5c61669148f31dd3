/**
 * Account write-back fields mapped from `card.*` receive the shared account card's words (the
 * Salesforce component shows them as they are), computed with the statuses people set.
 */
import { describe, expect, it } from 'vitest';
import { parseMappingText } from '../../src/mapping/load.js';
import type { AccountSummary, Opportunity } from '../../src/model/output.js';
import type { Account } from '../../src/model/records.js';
import type { OpportunityState } from '../../src/store/opportunities.js';
import { planWrites } from '../../src/sync/plan-write.js';

const mapping = parseMappingText(
  `connector: salesforce
version: 1
objects:
  account: { from: Account, fields: { crmId: Id, name: Name, arr: ARR__c } }
writeBack:
  account:
    to: Account
    fields:
      Expansion_Score__c: bestScore
      Expansion_Next_Action__c: { field: card.nextAction.text, maxLength: 20 }
`,
  'salesforce.yaml',
);

const account = { id: 'sf:001A', crmId: '001A', source: 'sf', name: 'Acme' } as Account;
const summary = {
  accountId: account.id,
  name: 'Acme',
  readiness: 'ready_now',
  bestScore: 7.5,
  bestTier: 1,
  healthReasons: [],
} as unknown as AccountSummary;
const opp = (id: string, tier: number, step: string) =>
  ({
    id,
    accountId: account.id,
    category: 'expansion',
    tier,
    scores: { composite: 8 - tier },
    approach: [step],
    evidence: [{ signal: 'seat_utilization', text: '47 of 50 seats active (94%).' }],
    deadline: '2027-01-10',
  }) as unknown as Opportunity;

function accountFields(states = new Map<string, OpportunityState>()) {
  const batches = planWrites({
    writeBack: mapping.writeBack!,
    accounts: new Map([[account.id, account]]),
    summaries: [summary],
    opportunities: [opp('o2', 2, 'Offer the analytics add-on'), opp('o1', 1, 'Call the VP')],
    states,
    written: { account: new Map(), opportunity: new Map(), task: new Map() },
  });
  return batches.find((b) => b.section === 'account')!.records[0]!.fields;
}

describe('card.* write-back sources', () => {
  it("writes the card's next action: the first step of the best live play", () => {
    expect(accountFields()).toEqual({
      Expansion_Score__c: 7.5,
      Expansion_Next_Action__c: 'Call the VP',
    });
  });

  it('skips a play a person dismissed, and truncates to the field length', () => {
    const dismissed = { id: 'o1', status: 'dismissed' } as OpportunityState;
    expect(accountFields(new Map([['o1', dismissed]])).Expansion_Next_Action__c).toBe(
      'Offer the analytics…',
    );
  });
});
