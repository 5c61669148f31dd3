/**
 * The clean rows of a foreign portfolio, one object per record with the files-format columns
 * (DESIGN.md "Files format"). Values are canonical here (ISO dates, plain numbers, catalog keys,
 * neutral enum values); `dirt.ts` turns them into what an export holds, and the e2e renderers
 * into what a CRM holds.
 */
export type Row = Record<string, string>;

export interface Rows {
  accounts: Row[];
  contacts: Row[];
  deals: Row[];
  usage: Row[];
  departments: Row[];
  signals: Row[];
}

export const COLUMNS: Record<keyof Rows, readonly string[]> = {
  accounts: [
    'account_id',
    'name',
    'domain',
    'industry',
    'region',
    'owner_name',
    'owner_email',
    'lifecycle',
    'plan',
    'products',
    'arr',
    'currency',
    'licensed_seats',
    'active_seats',
    'employees',
    'employees_prior',
    'employees_prior_date',
    'contract_start',
    'renewal_date',
    'term_months',
    'health_score',
    'nps',
    'csat',
    'tickets_90d',
    'ticket_themes',
    'last_qbr_date',
    'last_qbr_outcome',
    'features_used',
  ],
  contacts: [
    'contact_id',
    'account_id',
    'name',
    'email',
    'title',
    'department',
    'roles',
    'status',
    'left_date',
    'new_company',
    'new_title',
    'last_engaged_date',
    'created_date',
  ],
  deals: [
    'deal_id',
    'account_id',
    'name',
    'kind',
    'stage',
    'amount',
    'currency',
    'close_date',
    'closed',
    'won',
    'products',
    'expansion_key',
  ],
  usage: ['account_id', 'date', 'metric', 'value', 'limit'],
  departments: ['account_id', 'department', 'headcount', 'uses_product', 'seats'],
  signals: ['account_id', 'date', 'kind', 'detail', 'value'],
};

/** A row with every column of its file, blank where not given. */
export function complete(file: keyof Rows, row: Row): Row {
  return Object.fromEntries(COLUMNS[file].map((c) => [c, row[c] ?? '']));
}
