import { describe, expect, it } from 'vitest';
import { resolveField, toText } from '../../src/sync/resolve-field.js';
import type { Account } from '../../src/model/records.js';

const account = { id: 'sf:001', crmId: '001', name: 'Acme', owner: { id: '005' } } as Account;
const record = {
  accountId: 'sf:001',
  health: 'red',
  deadline: '2026-04-15',
  scores: { composite: 8.4 },
  evidence: [
    { signal: 'seat_utilization', text: '96 of 100 seats in use' },
    { signal: 'hiring', text: 'Hiring 40 engineers' },
  ],
  objections: [{ objection: 'Budget is frozen', response: 'Align with the renewal' }],
};

describe('write-back field values', () => {
  it('reads output paths, account paths and constants', () => {
    expect(resolveField('scores.composite', { record, account })).toBe(8.4);
    expect(resolveField('account.owner.id', { record, account })).toBe('005');
    expect(resolveField('account.crmId', { record, account })).toBe('001');
    expect(resolveField({ value: 'Not Started' }, { record })).toBe('Not Started');
    expect(resolveField('account.owner.email', { record, account })).toBeUndefined();
  });

  it('maps picklist values, formats dates and text, and truncates to the field length', () => {
    expect(resolveField({ field: 'health', map: { Red: 'At risk' } }, { record })).toBe('At risk');
    expect(resolveField({ field: 'deadline', format: 'date' }, { record })).toBe('2026-04-15');
    expect(resolveField({ field: 'deadline', format: 'datetime' }, { record })).toBe(
      Date.UTC(2026, 3, 15),
    );
    expect(resolveField({ field: 'evidence', format: 'text' }, { record })).toBe(
      '96 of 100 seats in use\nHiring 40 engineers',
    );
    expect(resolveField({ field: 'evidence', format: 'text', maxLength: 10 }, { record })).toBe(
      '96 of 100…',
    );
    expect(resolveField({ field: 'scores', format: 'json' }, { record })).toBe('{"composite":8.4}');
    expect(toText(record.objections)).toBe('Budget is frozen — Align with the renewal');
  });
});
