import { LightningElement, api } from 'lwc';

export default class Button extends LightningElement {
  @api label;
  @api variant;
  @api iconName;
  @api disabled = false;

  get buttonClass() {
    return this.variant === 'destructive'
      ? 'slds-button slds-button_destructive'
      : 'slds-button slds-button_neutral';
  }
}
