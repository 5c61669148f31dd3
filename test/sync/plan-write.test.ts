import { describe, expect, it } from 'vitest';
import { parseMappingText } from '../../src/mapping/load.js';
import type { AccountSummary, Opportunity } from '../../src/model/output.js';
import type { Account } from '../../src/model/records.js';
import { fieldHash } from '../../src/store/hash.js';
import { planWrites } from '../../src/sync/plan-write.js';

const mapping = parseMappingText(
  `connector: hubspot
version: 1
objects:
  account: { from: companies, fields: { crmId: hs_object_id, name: name, arr: annualrevenue } }
writeBack:
  opportunity:
    to: deals
    key: headroom_key
    fields:
      dealname: title
      amount: estimatedArr
      dealstage: { value: Identified, createOnly: true }
`,
  'hubspot.yaml',
);

const account = { id: 'hs:1', crmId: '1', source: 'hs', name: 'Acme' } as Account;
const opp = {
  id: 'opp-1',
  accountId: 'hs:1',
  title: 'Add 10 seats',
  estimatedArr: 5400,
  tier: 2,
} as Opportunity;

function plan(written: Map<string, { key: string; fieldHashes: Record<string, string> }>, o = opp) {
  return planWrites({
    writeBack: mapping.writeBack!,
    accounts: new Map([[account.id, account]]),
    summaries: [] as AccountSummary[],
    opportunities: [o],
    states: new Map(),
    written: { account: new Map(), opportunity: written, task: new Map() },
  }).find((b) => b.section === 'opportunity')!;
}

describe('create-only write-back fields', () => {
  it('sends the stage when Headroom creates the deal', () => {
    const batch = plan(new Map());
    expect(batch.records[0]?.fields).toMatchObject({
      dealstage: 'Identified',
      headroom_key: 'opp-1',
    });
  });

  it('never sends it again on an update, so a stage a person chose is not reset', () => {
    const last = {
      key: 'opp-1',
      fieldHashes: {
        dealname: fieldHash('Add 10 seats'),
        amount: fieldHash(5400),
        headroom_key: fieldHash('opp-1'),
      },
    };
    const changed = plan(new Map([['opp-1', last]]), { ...opp, estimatedArr: 10800 });
    expect(changed.records[0]?.fields).toMatchObject({ amount: 10800 });
    expect(changed.records[0]?.fields).not.toHaveProperty('dealstage');
    // And an unchanged opportunity is not planned at all.
    expect(plan(new Map([['opp-1', last]])).records).toEqual([]);
  });
});
