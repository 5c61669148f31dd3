/**
 * A prior headcount without its date stays usable: the mapping states the period
 * (`employeesPrior: { periodMonths }`, a year by default), the record keeps the count with no
 * issue, and the growth evidence says the period was assumed.
 */
import { describe, expect, it } from 'vitest';
import { mapRecord } from '../../src/mapping/apply.js';
import { parseMappingText } from '../../src/mapping/load.js';
import { account, evidence, only, score } from '../scoring/builders.js';

const mapping = (top = '', asOf = '      employeesPrior.asOf: prior_date\n') =>
  parseMappingText(
    `connector: files
version: 1
${top}objects:
  account:
    from: accounts
    fields:
      crmId: id
      name: name
      arr: arr
      employees: employees
      employeesPrior.count: prior
${asOf}`,
    'mappings/own.yaml',
  );

const map = (m: ReturnType<typeof mapping>, fields: Record<string, unknown>) =>
  mapRecord(
    'account',
    m.objects.account!,
    { id: 'K1', fields: { id: 'K1', name: 'Kestrel', arr: '9000', employees: '260', ...fields } },
    { connection: 'files', priorPeriodMonths: m.employeesPrior?.periodMonths },
  );

describe('employeesPrior without asOf', () => {
  it.each([
    ['no asOf column, no period stated', mapping('', ''), { prior: '200' }, 12],
    ['a blank asOf cell', mapping(), { prior: '200', prior_date: '' }, 12],
    [
      'a stated period',
      mapping('employeesPrior: { periodMonths: 24 }\n', ''),
      { prior: '200' },
      24,
    ],
  ])('%s: kept with periodMonths %d and no issue', (_what, m, fields, months) => {
    const { record, issues } = map(m, fields);
    expect(issues).toEqual([]);
    expect(record?.employeesPrior).toEqual({ count: 200, periodMonths: months });
  });

  it('with its date, the date is used and no period is assumed', () => {
    const m = mapping('employeesPrior: { periodMonths: 24 }\n');
    const { record, issues } = map(m, { prior: '200', prior_date: '2025-03-01' });
    expect(issues).toEqual([]);
    expect(record?.employeesPrior).toEqual({ count: 200, asOf: '2025-03-01' });
  });

  it('a date without a count is still a half-known fact: reported, the account kept', () => {
    const { record, issues } = map(mapping(), { prior: '', prior_date: '2025-03-01' });
    expect(record?.crmId).toBe('K1');
    expect(record?.employeesPrior).toBeUndefined();
    expect(issues.map((i) => i.reason)).toEqual([expect.stringContaining('employeesPrior.count')]);
  });
});

describe('growth evidence with an assumed period', () => {
  const seatsFull = { seats: { licensed: 50, active: 39 }, employees: 130 };
  it('says the period was assumed and still finds the growth', () => {
    const a = account({ ...seatsFull, employeesPrior: { count: 100, periodMonths: 12 } });
    const ev = evidence(only(score({ accounts: [a] }), 'seat_expansion'), 'employee_growth');
    expect(ev).toMatchObject({ value: 30, threshold: 10 });
    expect(ev?.text).toBe(
      'Headcount 100 to 130 over an assumed 12 months (the source gives no date for the prior count) (+30%)',
    );
  });

  it('with a date, names the date', () => {
    const a = account({ ...seatsFull, employeesPrior: { count: 100, asOf: '2025-03-01' } });
    const ev = evidence(only(score({ accounts: [a] }), 'seat_expansion'), 'employee_growth');
    expect(ev?.text).toBe('Headcount 100 to 130 since 2025-03-01 (+30%)');
  });
});
