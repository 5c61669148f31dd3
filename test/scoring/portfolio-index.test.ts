/**
 * The per-account view of a portfolio that scoring reads: every record reaches its own account
 * and no other, in the order the export listed it, with usage series in date order, however the
 * export interleaves its rows.
 */
import { describe, expect, it } from 'vitest';
import type { UsagePoint } from '../../src/model/records.js';
import { indexPortfolio } from '../../src/scoring/portfolio-index.js';
import { account, contact, deal, department, portfolio, signal } from './builders.js';

const point = (accountId: string, metric: string, date: string, value: number): UsagePoint => ({
  accountId,
  metric,
  date,
  value,
});

describe('indexPortfolio', () => {
  const a = account({ id: 'files:IX1' });
  const b = account({ id: 'files:IX2' });
  const p = portfolio({
    accounts: [a, b],
    // Rows of the two accounts interleaved, one row for an account the export does not hold.
    contacts: [
      contact(b.id, { name: 'B1' }),
      contact(a.id, { name: 'A1' }),
      contact(b.id, { name: 'B2' }),
    ],
    deals: [deal(a.id, { name: 'A deal' }), deal('files:GONE', { name: 'orphan' })],
    departments: [department(b.id, 'Finance')],
    signals: [signal(a.id, 'funding', 'Series B')],
    usage: [
      point(a.id, 'active_seats', '2026-02-16', 40),
      point(b.id, 'active_seats', '2026-02-02', 7),
      point(a.id, 'api_calls', '2026-02-09', 1000),
      point(a.id, 'active_seats', '2026-02-02', 38),
      point(a.id, 'active_seats', '2026-02-09', 39),
      point(b.id, 'active_seats', '2026-02-09', 8),
    ],
  });
  const index = indexPortfolio(p);

  it("gives each account its own records in the export's order", () => {
    expect(index.records(a.id).contacts.map((c) => c.name)).toEqual(['A1']);
    expect(index.records(b.id).contacts.map((c) => c.name)).toEqual(['B1', 'B2']);
    expect(index.records(a.id).deals.map((d) => d.name)).toEqual(['A deal']);
    expect(index.records(b.id).deals).toEqual([]);
    expect(index.records(b.id).departments.map((d) => d.name)).toEqual(['Finance']);
    expect(index.records(a.id).signals.map((s) => s.detail)).toEqual(['Series B']);
  });

  it('splits usage by metric, each series sorted by date', () => {
    const usage = index.records(a.id).usage;
    expect([...usage.keys()]).toEqual(['active_seats', 'api_calls']);
    expect(usage.get('active_seats')!.map((u) => [u.date, u.value])).toEqual([
      ['2026-02-02', 38],
      ['2026-02-09', 39],
      ['2026-02-16', 40],
    ]);
    expect(
      index
        .records(b.id)
        .usage.get('active_seats')!
        .map((u) => u.value),
    ).toEqual([7, 8]);
  });

  it('answers an account it does not hold with no records', () => {
    const none = index.records('files:GONE');
    expect(none.deals).toEqual([]);
    expect(none.usage.size).toBe(0);
  });

  it('hands out records the caller may keep: a second read is a fresh copy', () => {
    const first = index.records(b.id);
    first.contacts.pop();
    expect(index.records(b.id).contacts).toHaveLength(2);
  });
});
