/**
 * The neutral fields a mapping may fill, per object, with the transform each gets when the
 * mapping names only a source column (`arr: ARR__c` is read as a currency). Unknown neutral
 * fields are refused at load with the closest names; `customFields.<name>` is always allowed.
 */
import type { NeutralObject } from '../model/records.js';
import type { FieldType } from './schema.js';

export const NEUTRAL_FIELDS: Record<NeutralObject, Record<string, FieldType>> = {
  account: {
    id: 'string',
    crmId: 'string',
    name: 'string',
    domain: 'string',
    industry: 'string',
    segment: 'enum',
    region: 'string',
    'owner.id': 'string',
    'owner.name': 'string',
    'owner.email': 'string',
    lifecycle: 'enum',
    plan: 'string',
    products: 'list',
    arr: 'currency',
    currency: 'string',
    'seats.licensed': 'integer',
    'seats.active': 'integer',
    employees: 'integer',
    'employeesPrior.count': 'integer',
    'employeesPrior.asOf': 'date',
    'contract.start': 'date',
    'contract.renewal': 'date',
    'contract.termMonths': 'integer',
    'health.score': 'number',
    'health.nps': 'number',
    'health.csat': 'number',
    'health.tickets90d': 'integer',
    'health.ticketThemes': 'list',
    'health.lastQbr.date': 'date',
    'health.lastQbr.outcome': 'enum',
    featuresUsed: 'list',
  },
  contact: {
    id: 'string',
    accountId: 'string',
    name: 'string',
    email: 'string',
    title: 'string',
    department: 'string',
    roles: 'list',
    status: 'enum',
    leftAt: 'date',
    'movedTo.company': 'string',
    'movedTo.title': 'string',
    emailBouncedAt: 'date',
    lastEngagedAt: 'date',
    createdAt: 'date',
  },
  deal: {
    id: 'string',
    accountId: 'string',
    name: 'string',
    kind: 'enum',
    stage: 'string',
    amount: 'currency',
    currency: 'string',
    closeDate: 'date',
    closed: 'boolean',
    won: 'boolean',
    products: 'list',
    expansionKey: 'string',
  },
  usage: {
    accountId: 'string',
    date: 'date',
    metric: 'string',
    value: 'number',
    limit: 'number',
  },
  department: {
    accountId: 'string',
    name: 'string',
    headcount: 'integer',
    usesProduct: 'boolean',
    seats: 'integer',
  },
  signal: {
    accountId: 'string',
    date: 'date',
    kind: 'enum',
    detail: 'string',
    value: 'number',
  },
};

/** The type a neutral field gets when the mapping does not say; `undefined` if unknown. */
export function neutralFieldType(object: NeutralObject, path: string): FieldType | undefined {
  if (object === 'account' && path.startsWith('customFields.')) return 'string';
  return NEUTRAL_FIELDS[object][path];
}
