/**
 * The portfolio's facts as the objects a HubSpot portal returns: companies, contacts and deals
 * with the properties `mappings/hubspot.yaml` names (all values strings, multi-checkboxes
 * `;`-joined, enumeration values as internal names such as `BUDGET_HOLDER` or `existingbusiness`),
 * associations to companies, and custom objects associated with companies for usage snapshots,
 * departments and business signals (what a portal keeps where HubSpot has no standard object;
 * read by `test/fixtures/e2e/hubspot-full.yaml`). Facts without a standard property go into
 * custom properties, as a portal that tracks them would have.
 */
import { list, text, type Facts, type Row } from './portfolio.js';

export interface HsObject {
  id: string;
  properties: Record<string, string | null>;
  /** Associated company ids (primary first). */
  companies?: string[];
}
export type HsData = Map<string, HsObject[]>;

/** Custom objects holding usage, departments and signals. */
export const CUSTOM = {
  usage: 'p_usage_snapshots',
  department: 'p_departments',
  signal: 'p_business_signals',
} as const;

/** The internal value of a custom lifecycle stage ("Free user") in this portal. */
export const FREE_STAGE = '84733451';
const LIFECYCLE: Record<string, string> = {
  customer: 'customer',
  trial: 'opportunity',
  free: FREE_STAGE,
  churned: 'other',
};
const ROLES: Record<string, string> = {
  champion: 'CHAMPION',
  economic_buyer: 'BUDGET_HOLDER',
  exec_sponsor: 'EXECUTIVE_SPONSOR',
  power_user: 'END_USER',
  decision_maker: 'DECISION_MAKER',
};
const DEAL_TYPE: Record<string, string> = {
  new: 'newbusiness',
  expansion: 'existingbusiness',
  renewal: 'renewal',
};
/** Deal stages of the default sales pipeline (ids), by the export's stage label. */
const STAGES: Record<string, string> = { 'Closed Won': 'closedwon', 'Closed Lost': 'closedlost' };

const multi = (cell: string | undefined, map?: Record<string, string>) =>
  text(
    list(cell)
      .map((v) => map?.[v] ?? v)
      .join(';'),
  );
const iso = (ms: number) => new Date(ms).toISOString();
const dateTime = (d: string | undefined) => (d ? `${d}T00:00:00.000Z` : null);

/** Render the facts; records are modified one second apart from `modifiedFrom` (epoch ms). */
export function renderHubspot(facts: Facts, modifiedFrom: number): HsData {
  let stamp = modifiedFrom;
  let serial = 0;
  const make = (base: number, props: Record<string, string | null>, companies?: string[]) => {
    const id = String(base + ++serial);
    return {
      id,
      properties: { hs_object_id: id, ...props, hs_lastmodifieddate: iso((stamp += 1000)) },
      ...(companies ? { companies } : {}),
    };
  };
  const owners = new Map<string, string>();
  const companyIds = new Map<string, string>();
  const company = (r: Row) => [companyIds.get(r.account_id!)!];

  const companies = facts.accounts.map((r) => {
    if (!owners.has(r.owner_email!)) owners.set(r.owner_email!, String(71_000_001 + owners.size));
    const c = make(1_000_000, {
      name: r.name!,
      domain: text(r.domain),
      industry: text(r.industry),
      country: text(r.region),
      hubspot_owner_id: owners.get(r.owner_email!)!,
      lifecyclestage: LIFECYCLE[r.lifecycle!] ?? r.lifecycle!,
      plan: text(r.plan),
      products: multi(r.products),
      arr: text(r.arr),
      hs_currency: text(r.currency),
      licensed_seats: text(r.licensed_seats),
      active_seats: text(r.active_seats),
      numberofemployees: text(r.employees),
      employees_prior: text(r.employees_prior),
      employees_prior_date: text(r.employees_prior_date),
      contract_start_date: text(r.contract_start),
      renewal_date: text(r.renewal_date),
      contract_term_months: text(r.term_months),
      health_score: text(r.health_score),
      nps: text(r.nps),
      csat: text(r.csat),
      tickets_90d: text(r.tickets_90d),
      ticket_themes: multi(r.ticket_themes),
      last_qbr_date: text(r.last_qbr_date),
      last_qbr_outcome: text(r.last_qbr_outcome),
      features_used: multi(r.features_used),
    });
    companyIds.set(r.account_id!, c.id);
    return c;
  });
  const contacts = facts.contacts.map((r) => {
    const [first, ...rest] = r.name!.split(' ');
    return make(
      2_000_000,
      {
        firstname: rest.length ? first! : null,
        lastname: rest.length ? rest.join(' ') : first!,
        email: text(r.email),
        jobtitle: text(r.title),
        department: text(r.department),
        hs_buying_role: multi(r.roles, ROLES),
        contact_status: text(r.status),
        left_date: text(r.left_date),
        new_company: text(r.new_company),
        new_title: text(r.new_title),
        notes_last_contacted: dateTime(r.last_engaged_date),
        createdate: dateTime(r.created_date),
      },
      company(r),
    );
  });
  const deals = facts.deals.map((r) =>
    make(
      3_000_000,
      {
        dealname: r.name!,
        dealtype: DEAL_TYPE[r.kind!] ?? r.kind!,
        pipeline: 'default',
        dealstage: STAGES[r.stage!] ?? r.stage!.toLowerCase().replace(/\W+/g, ''),
        amount: text(r.amount),
        deal_currency_code: text(r.currency),
        closedate: dateTime(r.close_date),
        hs_is_closed: r.closed!,
        hs_is_closed_won: r.won!,
        products: multi(r.products),
        headroom_key: text(r.expansion_key),
      },
      company(r),
    ),
  );
  const usage = facts.usage.map((r) =>
    make(
      4_000_000,
      { date: r.date!, metric: r.metric!, value: r.value!, limit: text(r.limit) },
      company(r),
    ),
  );
  const departments = facts.departments.map((r) =>
    make(
      5_000_000,
      {
        name: r.department!,
        headcount: text(r.headcount),
        uses_product: r.uses_product!,
        seats: text(r.seats),
      },
      company(r),
    ),
  );
  const signals = facts.signals.map((r) =>
    make(
      6_000_000,
      { date: r.date!, kind: r.kind!, detail: text(r.detail), value: text(r.value) },
      company(r),
    ),
  );
  return new Map<string, HsObject[]>([
    ['companies', companies],
    ['contacts', contacts],
    ['deals', deals],
    [CUSTOM.usage, usage],
    [CUSTOM.department, departments],
    [CUSTOM.signal, signals],
    ['tasks', []],
  ]);
}
