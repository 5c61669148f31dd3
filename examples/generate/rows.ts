/** Generated accounts as rows of the files format, and the deliberately bad rows. */
import type { GenAccount, Row } from './types.js';

export function accountRow(a: GenAccount, asOf: number): Row {
  const h = a.health;
  const paying = a.lifecycle === 'customer';
  return [
    a.id,
    a.name,
    a.domain,
    a.industry,
    a.region,
    a.owner.name,
    a.owner.email,
    a.lifecycle,
    a.plan,
    a.modules,
    paying ? a.listArr : 0,
    'USD',
    a.licensed,
    a.active,
    a.employees,
    a.employeesPrior,
    a.employeesPrior !== undefined ? { day: asOf - 365 } : undefined,
    a.contractStart !== undefined ? { day: a.contractStart } : undefined,
    a.renewal !== undefined ? { day: a.renewal } : undefined,
    a.termMonths,
    h.score,
    h.nps,
    h.csat,
    h.tickets,
    h.themes,
    h.qbr ? { day: h.qbr.day } : undefined,
    h.qbr?.outcome,
    a.features,
  ];
}

/**
 * Rows a real export would hold and no mapping can read: they must end up in issues.json, with
 * their row numbers, while every other record goes through.
 */
export const BAD_ROWS = {
  /** An account whose ARR nobody filled in properly. */
  account: (id: string): string[] => [
    id,
    'Pending Import Co',
    'pendingimport.com',
    'Software',
    'NA',
    'Dana Reyes',
    'dana.reyes@loomline.example',
    'customer',
    'starter',
    '',
    'see contract',
    'USD',
    '10',
    '4',
    '40',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
  /** A contact exported without its id. */
  contact: (accountId: string, domain: string): string[] => [
    '',
    accountId,
    'Unknown Contact',
    `info@${domain}`,
    '',
    '',
    '',
    'active',
    '',
    '',
    '',
    '',
    '',
  ],
  /** A usage row with negative seats (a sync glitch upstream). */
  usage: (accountId: string, date: string): string[] => [
    accountId,
    date,
    'active_seats',
    '-12',
    '40',
  ],
};
