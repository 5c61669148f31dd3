/**
 * The files format of DESIGN.md (a contract): every file's columns, in order, with the kind of
 * value each holds so the dirt step knows which real-world spellings it may use.
 */
export type ColumnKind =
  | 'text'
  | 'optional'
  | 'money'
  | 'int'
  | 'number'
  | 'pct'
  | 'bool'
  | 'date'
  | 'list'
  | 'roles'
  | 'enum';

const cols = (spec: string): [string, ColumnKind][] =>
  spec
    .trim()
    .split(/\s+/)
    .map((c) => {
      const [name, kind = 'text'] = c.split(':');
      return [name!, kind as ColumnKind];
    });

export const FILES = {
  accounts: cols(`
    account_id name domain:optional industry:optional region:optional owner_name owner_email
    lifecycle:enum plan:enum products:list arr:money currency licensed_seats:int active_seats:int
    employees:int employees_prior:int employees_prior_date:date contract_start:date renewal_date:date
    term_months:int health_score:number nps:number csat:pct tickets_90d:int ticket_themes:list
    last_qbr_date:date last_qbr_outcome:enum features_used:list`),
  contacts: cols(`
    contact_id account_id name email title:optional department roles:roles status:enum
    left_date:date new_company new_title last_engaged_date:date created_date:date`),
  deals: cols(`
    deal_id account_id name kind:enum stage amount:money currency close_date:date closed:bool
    won:bool products:list expansion_key`),
  usage: cols('account_id date:date metric value:int limit:int'),
  departments: cols('account_id department headcount:int uses_product:bool seats:int'),
  signals: cols('account_id date:date kind detail value:number'),
} as const;

export type FileName = keyof typeof FILES;
export const FILE_NAMES = Object.keys(FILES) as FileName[];
