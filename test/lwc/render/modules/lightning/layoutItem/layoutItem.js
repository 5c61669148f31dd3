import { LightningElement, api } from 'lwc';

const PADDING = {
  'around-small': 'slds-p-around_small',
  'horizontal-small': 'slds-p-horizontal_small',
};

export default class LayoutItem extends LightningElement {
  @api size;
  @api padding;

  connectedCallback() {
    // The host is the grid cell, as in the real component.
    this.classList.add(`slds-size_${this.size ?? 12}-of-12`);
    if (PADDING[this.padding]) this.classList.add(PADDING[this.padding]);
  }
}
