/**
 * The one generator of what the LWC's Jest tests read: recorded-shape UI API responses for a
 * really scored account (test/lwc/scored-org.ts), the facts the shared view model gives for that
 * account (`card.json`), and the component's `labels.js`. `npm run lwc:fixtures` writes them;
 * test/lwc/fixtures.test.ts fails when a committed file differs from what this makes now.
 */
import { join, relative } from 'node:path';
import { format } from 'prettier';
import { METADATA_DIR } from '../../connectors/salesforce/setup.js';
import { sfId } from '../e2e/render-salesforce.js';
import { AS_OF } from '../e2e/portfolio.js';
import { accountCard } from '../../src/view/account-card.js';
import { labelsModule } from './labels-module.js';
import { MAPPING, scoredOrg } from './scored-org.js';
import { record, relatedListRecords } from './ui-api.js';

export const LWC_DIR = join(METADATA_DIR, 'force-app', 'main', 'default', 'lwc');
const COMPONENT = join(LWC_DIR, 'headroomExpansion');
const DATA = join(COMPONENT, '__tests__', 'data');

/** What the component asks for (records.js); the Jest test checks its wires ask for these. */
export const ACCOUNT_FIELDS = [
  'Name',
  'Expansion_Score__c',
  'Expansion_Tier__c',
  'Expansion_Health__c',
];
export const ACCOUNT_OPTIONAL_FIELDS = [
  'Expansion_Health_Reasons__c',
  'Expansion_Readiness__c',
  'Expansion_Next_Action__c',
  'Expansion_Potential_ARR__c',
];
export const OPPORTUNITY_FIELDS = [
  'Name',
  'Headroom_Key__c',
  'Type__c',
  'Tier__c',
  'Score__c',
  'Estimated_ARR__c',
  'Timing__c',
  'Deadline__c',
  'Evidence__c',
  'Status__c',
];
export const OPPORTUNITY_OPTIONAL_FIELDS = ['Status_Reason__c'];

const EO = 'Expansion_Opportunity__c';
const qualify = (object: string, names: string[]) => names.map((n) => `${object}.${n}`);

/** What the next sync reads back (mapping `writeBack.opportunity.status`): the field, the
 * reason field, and the CRM value of each status a person can set in the component. */
function readBack() {
  const { field, reason, map } = MAPPING.writeBack!.opportunity!.status!;
  const value = (s: string) => Object.entries(map).find(([, v]) => v === s)?.[0];
  return { field, reason, accepted: value('accepted'), dismissed: value('dismissed') };
}

/** File path -> content, formatted as Prettier would. */
export async function buildLwcFixtures(): Promise<Map<string, string>> {
  const org = await scoredOrg();
  const opts = {
    currency: org.card.currency,
    modified: `${AS_OF}T06:00:00.000Z`,
    modifiedBy: sfId('005', 90),
  };
  const accountId = org.account.Id;
  const account = record(
    'Account',
    accountId,
    org.account.fields,
    [...ACCOUNT_FIELDS, ...ACCOUNT_OPTIONAL_FIELDS],
    opts,
  );
  const notScored = record(
    'Account',
    sfId('001', 999),
    { Name: 'Not Yet Synced Ltd' },
    [...ACCOUNT_FIELDS, ...ACCOUNT_OPTIONAL_FIELDS],
    opts,
  );
  const records = org.opportunities.map((o, i) =>
    record(
      EO,
      sfId('a0C', i + 1),
      { ...o.fields, Account__c: accountId },
      [...OPPORTUNITY_FIELDS, ...OPPORTUNITY_OPTIONAL_FIELDS],
      opts,
    ),
  );
  const list = (rs: typeof records, parentId: string) =>
    relatedListRecords({
      parentId,
      parentObject: 'Account',
      object: EO,
      relatedListId: 'Expansion_Opportunities__r',
      fields: qualify(EO, OPPORTUNITY_FIELDS),
      optionalFields: qualify(EO, OPPORTUNITY_OPTIONAL_FIELDS),
      pageSize: 200,
      records: rs,
    });
  const opportunityPage = record(
    EO,
    records[0]!.id,
    { Account__c: accountId },
    ['Account__c'],
    opts,
  );
  const files: [string, unknown][] = [
    ['getRecord.json', account],
    ['getRecordNotScored.json', notScored],
    ['getRelatedListRecords.json', list(records, accountId)],
    ['getRelatedListRecordsEmpty.json', list([], notScored.id)],
    ['getOpportunityRecord.json', opportunityPage],
    ['card.json', org.card],
    ['cardNotScored.json', accountCard({ accountId: notScored.id, opportunities: [] })],
    ['readBack.json', readBack()],
  ];
  const out = new Map<string, string>();
  for (const [name, body] of files)
    out.set(join(DATA, name), await format(JSON.stringify(body), { parser: 'json' }));
  out.set(
    join(COMPONENT, 'labels.js'),
    await format(labelsModule(), { parser: 'babel', singleQuote: true, printWidth: 100 }),
  );
  return out;
}

export const shortPath = (file: string) => relative(process.cwd(), file);
