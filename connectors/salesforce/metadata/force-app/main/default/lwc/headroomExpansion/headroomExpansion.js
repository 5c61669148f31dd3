/**
 * Headroom Expansion: the account's expansion card on Account (and Expansion Opportunity) record
 * pages. Everything it shows is already in the org (Headroom's write-back keeps the account's
 * Expansion fields and its Expansion_Opportunity__c records), so it reads them with Lightning
 * Data Service and calls no Headroom server. Accept / dismiss sets Status__c (and the reason in
 * Status_Reason__c) with updateRecord; the next sync reads both back.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import OPPORTUNITY_ACCOUNT_FIELD from '@salesforce/schema/Expansion_Opportunity__c.Account__c';
import STATUS_FIELD from '@salesforce/schema/Expansion_Opportunity__c.Status__c';
import STATUS_REASON_FIELD from '@salesforce/schema/Expansion_Opportunity__c.Status_Reason__c';
import { NOT_SCORED, STATUS_VALUES } from './labels';
import { errorText } from './errors';
import {
  ACCOUNT_FIELDS,
  ACCOUNT_OPTIONAL_FIELDS,
  OPPORTUNITY_FIELDS,
  OPPORTUNITY_OBJECT,
  OPPORTUNITY_OPTIONAL_FIELDS,
  RELATED_LIST_ID,
  readAccount,
  readOpportunities,
} from './records';

export default class HeadroomExpansion extends LightningElement {
  /** Set by the record page. */
  @api recordId;
  @api objectApiName;

  /** The account the card is about: the page's record, or the Expansion Opportunity's account. */
  accountId;
  opportunityId;
  account;
  list;
  listResult;
  /** The last answer of each wire: a later success clears its error (a refresh that worked). */
  errors = {};
  noAccount = false;
  busyId;
  notScored = NOT_SCORED;

  connectedCallback() {
    if (this.objectApiName === OPPORTUNITY_OBJECT) this.opportunityId = this.recordId;
    else this.accountId = this.recordId;
  }

  @wire(getRecord, { recordId: '$opportunityId', fields: [OPPORTUNITY_ACCOUNT_FIELD] })
  wiredOpportunity({ data, error }) {
    if (data) {
      this.accountId = getFieldValue(data, OPPORTUNITY_ACCOUNT_FIELD) ?? undefined;
      this.noAccount = !this.accountId;
    }
    this.errors = { ...this.errors, opportunity: error };
  }

  @wire(getRecord, {
    recordId: '$accountId',
    fields: ACCOUNT_FIELDS,
    optionalFields: ACCOUNT_OPTIONAL_FIELDS,
  })
  wiredAccount({ data, error }) {
    if (data) this.account = readAccount(data);
    this.errors = { ...this.errors, account: error };
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$accountId',
    relatedListId: RELATED_LIST_ID,
    fields: OPPORTUNITY_FIELDS,
    optionalFields: OPPORTUNITY_OPTIONAL_FIELDS,
    pageSize: 200,
  })
  wiredOpportunities(result) {
    this.listResult = result;
    if (result.data) this.list = readOpportunities(result.data.records);
    this.errors = { ...this.errors, list: result.error };
  }

  get errorMessage() {
    const errors = Object.values(this.errors).filter(Boolean);
    return errors.length ? [...new Set(errors.map(errorText))].join(' ') : null;
  }

  get loading() {
    return !this.errorMessage && !this.noAccount && !(this.account && this.list);
  }

  get scored() {
    return Boolean(this.account?.scored);
  }

  get hasOpportunities() {
    return Boolean(this.list?.shown.length);
  }

  get moreText() {
    const more = this.list?.more ?? 0;
    return more ? `${more} more live ${more === 1 ? 'opportunity' : 'opportunities'}` : null;
  }

  get opportunities() {
    return (this.list?.shown ?? []).map((o) => ({ ...o, busy: o.id === this.busyId }));
  }

  /** From a row: `{ recordId, status: 'accepted' | 'dismissed', reason }`. */
  async handleStatusChange(event) {
    const { recordId, status, reason } = event.detail;
    this.busyId = recordId;
    const fields = {
      Id: recordId,
      [STATUS_FIELD.fieldApiName]: STATUS_VALUES[status],
      // Accepting clears a reason left from before; dismissing records why.
      [STATUS_REASON_FIELD.fieldApiName]: status === 'dismissed' ? reason : null,
    };
    try {
      await updateRecord({ fields });
      this.toast('success', `Opportunity ${STATUS_VALUES[status].toLowerCase()}`);
      await refreshApex(this.listResult);
    } catch (error) {
      this.toast('error', 'The opportunity was not updated', errorText(error));
    } finally {
      this.busyId = undefined;
    }
  }

  toast(variant, title, message = '') {
    this.dispatchEvent(new ShowToastEvent({ variant, title, message }));
  }
}
