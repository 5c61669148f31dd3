/**
 * One live opportunity in the Headroom Expansion card: what it is, what it is worth, when to act,
 * its key evidence, and accept / dismiss. Dismissing asks why first; the reason goes to
 * Status_Reason__c with the status, and the next sync reads both back. The card does the update
 * (one place for the write, the refresh and the toast): this row only says what was chosen.
 */
import { LightningElement, api } from 'lwc';

export default class HeadroomExpansionOpportunity extends LightningElement {
  @api opportunity;
  @api busy = false;

  dismissing = false;
  reason = '';

  get reasonMissing() {
    return this.busy || !this.reason.trim();
  }

  get isAccepted() {
    return this.opportunity.status === 'accepted';
  }

  handleAccept() {
    this.send('accepted');
  }

  handleDismiss() {
    this.dismissing = true;
  }

  handleCancel() {
    this.dismissing = false;
    this.reason = '';
  }

  handleReason(event) {
    this.reason = event.detail.value ?? event.target.value ?? '';
  }

  handleConfirm() {
    if (this.reasonMissing) return;
    this.send('dismissed', this.reason.trim());
    this.dismissing = false;
  }

  send(status, reason) {
    const detail = { recordId: this.opportunity.id, status, ...(reason ? { reason } : {}) };
    this.dispatchEvent(new CustomEvent('statuschange', { detail }));
  }
}
