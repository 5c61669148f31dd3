/**
 * records.js rules the recorded account does not reach: the key evidence is the first line
 * that names a figure (as the view model's leadEvidence), a record without a status is open,
 * status values match whatever their case (as read-back matches them), the card's limit.
 */
import { readOpportunities } from '../records';
import opportunities from './data/getRelatedListRecords.json';

const base = opportunities.records.find((r) => r.fields.Status__c.value === 'Open');
const withFields = (fields) => ({ ...base, fields: { ...base.fields, ...fields } });
const value = (v) => ({ displayValue: null, value: v });

describe('records.js', () => {
  it('takes the first evidence line with a figure as the key evidence', () => {
    const r = withFields({
      Evidence__c: value('Usage keeps growing\n47 of 50 seats active (94%)'),
    });
    expect(readOpportunities([r]).shown[0].topEvidence).toBe('47 of 50 seats active (94%)');
  });

  it('falls back to the first line when none names a figure', () => {
    const r = withFields({ Evidence__c: value('Champion left\nNew VP hired') });
    expect(readOpportunities([r]).shown[0].topEvidence).toBe('Champion left');
  });

  it('reads a record nobody set a status on as open, and matches status values as read-back does', () => {
    const open = readOpportunities([withFields({ Status__c: value(null) })]).shown[0];
    expect(open).toMatchObject({ status: 'open', canAccept: true, canDismiss: true });
    const accepted = readOpportunities([withFields({ Status__c: value('ACCEPTED') })]).shown[0];
    expect(accepted).toMatchObject({ status: 'accepted', canAccept: false, canDismiss: true });
  });

  it('lists the first five live opportunities and counts the rest', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      withFields({ Headroom_Key__c: value(`k${i}`), Score__c: value(9 - i) }),
    );
    const { shown, more } = readOpportunities(many);
    expect(shown.map((o) => o.key)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(more).toBe(2);
  });
});
