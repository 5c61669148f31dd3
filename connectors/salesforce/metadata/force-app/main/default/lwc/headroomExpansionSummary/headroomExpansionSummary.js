/**
 * The account's facts in the Headroom Expansion card: score and tier, health light with its
 * reasons, readiness, next action and potential ARR (records.js `readAccount`).
 */
import { LightningElement, api } from 'lwc';

export default class HeadroomExpansionSummary extends LightningElement {
  @api account;

  get hasReasons() {
    return this.account.healthReasons.length > 0;
  }
}
