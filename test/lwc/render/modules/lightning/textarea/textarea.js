import { LightningElement, api } from 'lwc';

/** As lightning-textarea does: a `change` event with `detail.value` on every edit. */
export default class Textarea extends LightningElement {
  @api label;
  @api value;
  @api maxLength;
  @api required;

  handleInput(event) {
    this.value = event.target.value;
    this.dispatchEvent(new CustomEvent('change', { detail: { value: this.value } }));
  }
}
