/**
 * fast-check generators of whole portfolios: accounts with or without each optional field, and
 * contacts, deals, usage, departments and signals pointing at them.
 */
import fc from 'fast-check';
import {
  AccountSchema,
  ContactSchema,
  DealSchema,
  DepartmentSchema,
  SIGNAL_KINDS,
  SignalSchema,
  UsagePointSchema,
  type Portfolio,
} from '../../src/model/records.js';
import { addDays } from '../../src/scoring/dates.js';
import { AS_OF, CATALOG } from './builders.js';

const date = (min = -800, max = 400) => fc.integer({ min, max }).map((d) => addDays(AS_OF, d));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const plans = [...CATALOG.tiers.map((t) => t.key), 'legacy'];
const modules = CATALOG.modules.map((m) => m.key);
const features = [...new Set(CATALOG.tiers.flatMap((t) => t.features))];
const words = [
  'spreadsheets',
  'SOC 2',
  'Tableau',
  'Marketing',
  'audit log',
  'zapier',
  'webhooks',
  'growth',
  'sso',
  'hiring',
];
const text = fc.array(fc.constantFrom(...words), { maxLength: 3 }).map((w) => w.join(' '));

const accountArb = (id: string) =>
  fc
    .record({
      lifecycle: fc.constantFrom('customer', 'customer', 'customer', 'trial', 'free', 'churned'),
      plan: opt(fc.constantFrom(...plans)),
      products: fc.subarray(modules),
      arr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2_000_000 })),
      seats: opt(
        fc
          .integer({ min: 0, max: 500 })
          .chain((l) =>
            fc.record({ licensed: fc.constant(l), active: fc.integer({ min: 0, max: l + 20 }) }),
          ),
      ),
      employees: opt(fc.integer({ min: 0, max: 5000 })),
      employeesPrior: opt(
        fc.record({ count: fc.integer({ min: 0, max: 5000 }), asOf: date(-800, -1) }),
      ),
      contract: opt(
        fc.record({
          start: opt(date(-1500, -1)),
          renewal: opt(date()),
          termMonths: opt(fc.integer({ min: 0, max: 36 })),
        }),
      ),
      health: opt(
        fc.record({
          score: opt(fc.integer({ min: 30, max: 100 })),
          nps: opt(fc.integer({ min: -40, max: 100 })),
          tickets90d: opt(fc.integer({ min: 0, max: 60 })),
          ticketThemes: fc.array(text, { maxLength: 2 }),
          lastQbr: opt(
            fc.record({
              date: date(-400, 0),
              outcome: fc.constantFrom('positive', 'neutral', 'negative'),
            }),
          ),
        }),
      ),
      featuresUsed: fc.subarray(features),
      industry: opt(fc.constantFrom('SaaS', 'Retail')),
      domain: opt(fc.constant('acme.com')),
    })
    .map((a) =>
      AccountSchema.parse(
        JSON.parse(JSON.stringify({ ...a, id, source: 'files', crmId: id, name: id })),
      ),
    );

const recordsArb = (ids: string[]) => {
  const acc = fc.constantFrom(...ids);
  return fc.record({
    contacts: fc.array(
      fc.record({
        accountId: acc,
        roles: fc.subarray(['champion', 'economic_buyer', 'power_user'] as const),
        status: fc.constantFrom('active', 'left'),
        department: opt(fc.constantFrom('Marketing', 'Sales')),
        lastEngagedAt: opt(date(-200, 0)),
        createdAt: opt(date(-200, 0)),
        email: opt(fc.constantFrom('a@acme.com', 'b@globex.io')),
      }),
      { maxLength: 8 },
    ),
    deals: fc.array(
      fc.record({
        accountId: acc,
        kind: fc.constantFrom('new', 'renewal', 'expansion'),
        won: fc.boolean(),
        closeDate: opt(date(-400, 30)),
        amount: fc.integer({ min: 0, max: 100000 }),
      }),
      { maxLength: 3 },
    ),
    usage: fc.array(
      fc.record({
        accountId: acc,
        metric: fc.constantFrom(
          'active_seats',
          'api_calls',
          'storage_gb',
          'power_user_share',
          'insight_studio',
        ),
        values: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 12 }),
        limit: opt(fc.integer({ min: 0, max: 2_000_000 })),
      }),
      { maxLength: 6 },
    ),
    departments: fc.array(
      fc.record({
        accountId: acc,
        name: fc.constantFrom('Marketing', 'Sales', 'Legal'),
        headcount: opt(fc.integer({ min: 0, max: 300 })),
        usesProduct: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    signals: fc.array(
      fc.record({
        accountId: acc,
        kind: fc.constantFrom(...SIGNAL_KINDS),
        detail: text,
        date: date(-300, 0),
        value: opt(fc.integer({ min: 0, max: 500 })),
      }),
      { maxLength: 5 },
    ),
  });
};

const strip = <T extends object>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

export const portfolioArb: fc.Arbitrary<Portfolio> = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `files:G${i}`);
  return fc.tuple(fc.tuple(...ids.map(accountArb)), recordsArb(ids)).map(([accounts, r]) => ({
    accounts,
    contacts: r.contacts.map((c, i) =>
      ContactSchema.parse(strip({ ...c, id: `c${i}`, name: `C${i}` })),
    ),
    deals: r.deals.map((d, i) =>
      DealSchema.parse(strip({ ...d, id: `d${i}`, name: `D${i}`, closed: true })),
    ),
    usage: r.usage.flatMap((u) =>
      u.values.map((value, i) =>
        UsagePointSchema.parse(
          strip({
            accountId: u.accountId,
            metric: u.metric,
            value,
            limit: u.limit,
            date: addDays(AS_OF, -7 * (u.values.length - 1 - i)),
          }),
        ),
      ),
    ),
    departments: r.departments.map((d) => DepartmentSchema.parse(strip(d))),
    signals: r.signals.map((s) => SignalSchema.parse(strip(s))),
  }));
});
