/**
 * Accept and dismiss: the card sets exactly the Status__c value (and reason field) that the
 * next sync reads back (readBack.json comes from mappings/salesforce.yaml), refreshes, and
 * says what happened; a failed update loses nothing and says why.
 */
import { updateRecord } from 'lightning/uiRecordApi';
import { $, emitAccount, mount, rowsOf, settle, unmountAll } from './helpers';
import account from './data/getRecord.json';
import opportunities from './data/getRelatedListRecords.json';
import card from './data/card.json';
import readBack from './data/readBack.json';

const recordIdOf = (o) =>
  opportunities.records.find((r) => r.fields.Headroom_Key__c.value === o.id).id;

async function cardWithToasts() {
  const element = mount(account.id);
  const toasts = [];
  element.addEventListener('lightning__showtoast', (e) => toasts.push(e.detail));
  await emitAccount(account, opportunities);
  return { element, toasts };
}

describe('c-headroom-expansion accept / dismiss', () => {
  afterEach(unmountAll);

  it('accepts an open opportunity by setting the status read-back maps to accepted', async () => {
    const { element, toasts } = await cardWithToasts();
    const i = card.opportunities.findIndex((o) => o.actions.includes('accept'));
    $(rowsOf(element)[i], '[data-id="accept"]').click();
    await settle();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: recordIdOf(card.opportunities[i]),
        [readBack.field]: readBack.accepted,
        [readBack.reason]: null,
      },
    });
    expect(toasts).toEqual([expect.objectContaining({ variant: 'success' })]);
  });

  it('dismisses only with a reason, and sends the reason with the status', async () => {
    const { element } = await cardWithToasts();
    const i = card.opportunities.findIndex((o) => o.status === 'accepted');
    const row = rowsOf(element)[i];
    $(row, '[data-id="dismiss"]').click();
    await settle();
    const confirm = $(row, '[data-id="confirm-dismiss"]');
    expect(confirm.disabled).toBe(true);
    const reason = $(row, '[data-id="reason"]');
    reason.dispatchEvent(new CustomEvent('change', { detail: { value: '   ' } }));
    await settle();
    expect(confirm.disabled).toBe(true);
    reason.dispatchEvent(
      new CustomEvent('change', { detail: { value: ' Chose a competitor in October ' } }),
    );
    await settle();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await settle();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord.mock.calls[0][0].fields).toEqual({
      Id: recordIdOf(card.opportunities[i]),
      [readBack.field]: readBack.dismissed,
      [readBack.reason]: 'Chose a competitor in October',
    });
  });

  it('cancelling a dismissal writes nothing', async () => {
    const { element } = await cardWithToasts();
    const row = rowsOf(element)[0];
    $(row, '[data-id="dismiss"]').click();
    await settle();
    $(row, '[data-id="cancel"]').click();
    await settle();
    expect($(row, '[data-id="reason"]')).toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('says why an update failed, and keeps the opportunity on the card', async () => {
    updateRecord.mockRejectedValueOnce({
      status: 400,
      body: {
        message: 'An error occurred while trying to update the record. Please try again.',
        output: {
          errors: [],
          fieldErrors: {
            Status__c: [{ message: 'bad value for restricted picklist field: Accepted' }],
          },
        },
      },
    });
    const { element, toasts } = await cardWithToasts();
    const i = card.opportunities.findIndex((o) => o.actions.includes('accept'));
    $(rowsOf(element)[i], '[data-id="accept"]').click();
    await settle();
    expect(toasts).toHaveLength(1);
    expect(toasts[0]).toMatchObject({ variant: 'error' });
    expect(toasts[0].message).toContain('bad value for restricted picklist field: Accepted');
    expect(rowsOf(element)).toHaveLength(card.opportunities.length);
    expect($(rowsOf(element)[i], '[data-id="accept"]').disabled).toBe(false);
  });
});
