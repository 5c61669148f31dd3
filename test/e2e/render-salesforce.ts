/**
 * The portfolio's facts as the rows a Salesforce org returns for `mappings/salesforce.yaml`:
 * Account (with the Owner relationship), Contact, Opportunity and the related custom objects
 * Usage_Snapshot__c, Department__c and Account_Signal__c, in the org's own vocabulary (picklist
 * labels such as `Customer` or `Economic Buyer`, `;`-joined multi-select picklists, booleans,
 * numbers, 18-character ids). Each row carries `attributes` and `SystemModstamp` as REST does.
 */
import { to18 } from '../../connectors/salesforce/ids.js';
import { list, num, text, type Facts, type Row } from './portfolio.js';

export type SfRow = Record<string, unknown> & { Id: string; SystemModstamp: string };
export type SfData = Map<string, SfRow[]>;

export const API = '/services/data/v62.0';

/** 18-character id: key prefix + a serial number. */
export const sfId = (prefix: string, n: number): string =>
  to18(`${prefix}5e${String(n).padStart(10, '0')}`);

/** Salesforce datetime format (`2026-11-21T09:00:00.000+0000`). */
export const sfDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

const LIFECYCLE: Record<string, string> = {
  customer: 'Customer',
  trial: 'Trial',
  free: 'Free',
  churned: 'Churned',
};
const ROLES: Record<string, string> = {
  champion: 'Champion',
  economic_buyer: 'Economic Buyer',
  exec_sponsor: 'Executive Sponsor',
  power_user: 'Power User',
  decision_maker: 'Decision Maker',
};
const DEAL_TYPE: Record<string, string> = {
  new: 'New Customer',
  renewal: 'Renewal',
  expansion: 'Upsell',
  other: 'Other',
};
const title = (s: string | undefined) => (s ? s[0]!.toUpperCase() + s.slice(1) : null);
const multi = (cell: string | undefined, map?: Record<string, string>) => {
  const items = list(cell).map((v) => map?.[v] ?? v);
  return items.length ? items.join(';') : null;
};
const bool = (cell: string | undefined) => cell === 'true';

/**
 * Render the facts. Rows are stamped one second apart from `modifiedFrom` (epoch ms), so
 * watermarks move the way they do in a real org.
 */
export function renderSalesforce(facts: Facts, modifiedFrom: number): SfData {
  let stamp = modifiedFrom;
  const next = () => sfDateTime((stamp += 1000));
  const serial = new Map<string, number>();
  const id = (prefix: string) => {
    const n = (serial.get(prefix) ?? 0) + 1;
    serial.set(prefix, n);
    return sfId(prefix, n);
  };
  const row = (type: string, fields: Record<string, unknown>): SfRow => {
    const Id = id(PREFIX[type]!);
    return {
      attributes: { type, url: `${API}/sobjects/${type}/${Id}` },
      Id,
      SystemModstamp: next(),
      ...fields,
    };
  };
  const owners = new Map<string, string>();
  const accountIds = new Map<string, string>();
  const account = (r: Row) => accountIds.get(r.account_id!)!;

  const accounts = facts.accounts.map((r) => {
    const email = r.owner_email!;
    if (!owners.has(email)) owners.set(email, sfId('005', owners.size + 1));
    const ownerId = owners.get(email)!;
    const a = row('Account', {
      Name: r.name,
      Type: LIFECYCLE[r.lifecycle!] ?? r.lifecycle,
      Website: text(r.domain),
      Industry: text(r.industry),
      BillingCountry: text(r.region),
      OwnerId: ownerId,
      Owner: {
        attributes: { type: 'User', url: `${API}/sobjects/User/${ownerId}` },
        Name: r.owner_name,
        Email: email,
      },
      Plan__c: title(r.plan),
      Products__c: multi(r.products),
      ARR__c: num(r.arr),
      Licensed_Seats__c: num(r.licensed_seats),
      Active_Seats__c: num(r.active_seats),
      NumberOfEmployees: num(r.employees),
      Employees_Prior__c: num(r.employees_prior),
      Employees_Prior_Date__c: text(r.employees_prior_date),
      Contract_Start__c: text(r.contract_start),
      Renewal_Date__c: text(r.renewal_date),
      Contract_Term_Months__c: num(r.term_months),
      Health_Score__c: num(r.health_score),
      NPS__c: num(r.nps),
      CSAT__c: num(r.csat),
      Tickets_90d__c: num(r.tickets_90d),
      Ticket_Themes__c: multi(r.ticket_themes),
      Last_QBR_Date__c: text(r.last_qbr_date),
      Last_QBR_Outcome__c: title(r.last_qbr_outcome),
      Features_Used__c: multi(r.features_used),
    });
    accountIds.set(r.account_id!, a.Id);
    return a;
  });

  const contacts = facts.contacts.map((r) =>
    row('Contact', {
      AccountId: account(r),
      Name: r.name,
      Email: text(r.email),
      Title: text(r.title),
      Department: text(r.department),
      Buying_Role__c: multi(r.roles, ROLES),
      Contact_Status__c: title(r.status),
      Left_Date__c: text(r.left_date),
      New_Company__c: text(r.new_company),
      New_Title__c: text(r.new_title),
      LastActivityDate: text(r.last_engaged_date),
      CreatedDate: r.created_date ? `${r.created_date}T09:00:00.000+0000` : null,
    }),
  );
  const deals = facts.deals.map((r) =>
    row('Opportunity', {
      AccountId: account(r),
      Name: r.name,
      Type: DEAL_TYPE[r.kind!] ?? r.kind,
      StageName: r.stage,
      Amount: num(r.amount),
      CloseDate: text(r.close_date),
      IsClosed: bool(r.closed),
      IsWon: bool(r.won),
      Headroom_Key__c: text(r.expansion_key),
    }),
  );
  const usage = facts.usage.map((r, i) =>
    row('Usage_Snapshot__c', {
      Name: `US-${String(i + 1).padStart(6, '0')}`,
      Account__c: account(r),
      Date__c: r.date,
      Metric__c: r.metric,
      Value__c: num(r.value),
      Limit__c: num(r.limit),
    }),
  );
  const departments = facts.departments.map((r) =>
    row('Department__c', {
      Name: r.department,
      Account__c: account(r),
      Headcount__c: num(r.headcount),
      Uses_Product__c: bool(r.uses_product),
      Seats__c: num(r.seats),
    }),
  );
  const signals = facts.signals.map((r, i) =>
    row('Account_Signal__c', {
      Name: `SIG-${String(i + 1).padStart(5, '0')}`,
      Account__c: account(r),
      Date__c: r.date,
      Kind__c: r.kind,
      Detail__c: text(r.detail),
      Value__c: num(r.value),
    }),
  );
  return new Map<string, SfRow[]>([
    ['Account', accounts],
    ['Contact', contacts],
    ['Opportunity', deals],
    ['Usage_Snapshot__c', usage],
    ['Department__c', departments],
    ['Account_Signal__c', signals],
    ['Expansion_Opportunity__c', []],
    ['Task', []],
  ]);
}

/** Key prefixes of the objects (the first three characters of their ids). */
export const PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Task: '00T',
  Usage_Snapshot__c: 'a01',
  Department__c: 'a02',
  Account_Signal__c: 'a03',
  Expansion_Opportunity__c: 'a0C',
};
