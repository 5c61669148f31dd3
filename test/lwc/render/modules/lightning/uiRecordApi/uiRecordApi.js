/**
 * lightning/uiRecordApi for the local renderer: getRecord answers from the recorded UI API
 * responses the page was given (window.HEADROOM_FIXTURES.records, by record id); the field
 * readers behave as Lightning Data Service's do.
 */
const records = () => window.HEADROOM_FIXTURES.records;
const fieldName = (field) =>
  (typeof field === 'string' ? field : field.fieldApiName).split('.').pop();

export class getRecord {
  constructor(callback) {
    this.callback = callback;
  }

  update(config) {
    const record = config.recordId ? records()[config.recordId] : undefined;
    if (record) this.callback({ data: record, error: undefined });
  }

  connect() {}

  disconnect() {}
}

export const getFieldValue = (record, field) => record.fields[fieldName(field)]?.value;
export const getFieldDisplayValue = (record, field) =>
  record.fields[fieldName(field)]?.displayValue;

export async function updateRecord(input) {
  window.HEADROOM_UPDATES = [...(window.HEADROOM_UPDATES ?? []), input];
  return { id: input.fields.Id };
}
